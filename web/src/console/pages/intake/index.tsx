import { PhoneOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { IntakePage } from './IntakePage';

export const intakePages: PageEntry[] = [
  { path: '/intake', title: 'menuIntake', roles: ['operator', 'dispatcher'], element: <IntakePage />, menu: { icon: <PhoneOutlined /> } },
];
