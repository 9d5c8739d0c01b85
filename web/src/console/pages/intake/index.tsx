import { PhoneOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const IntakePage = lazyPage(() => import('./IntakePage').then((m) => m.IntakePage));

export const intakePages: PageEntry[] = [
  { path: '/intake', title: 'menuIntake', roles: ['operator', 'dispatcher'], element: <IntakePage />, menu: { icon: <PhoneOutlined /> } },
];
