import { AuditOutlined, SendOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const ArbitrationPage = lazyPage(() => import('./ArbitrationPage').then((m) => m.ArbitrationPage));
const DispatchPage = lazyPage(() => import('./DispatchPage').then((m) => m.DispatchPage));

export const dispatchPages: PageEntry[] = [
  { path: '/dispatch', title: 'menuDispatch', roles: ['dispatcher'], element: <DispatchPage />, menu: { icon: <SendOutlined /> } },
  { path: '/arbitration', title: 'menuArbitration', roles: ['dispatcher'], element: <ArbitrationPage />, menu: { icon: <AuditOutlined /> } },
];
