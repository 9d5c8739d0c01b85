import { AuditOutlined, SendOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { ArbitrationPage } from './ArbitrationPage';
import { DispatchPage } from './DispatchPage';

export const dispatchPages: PageEntry[] = [
  { path: '/dispatch', title: 'menuDispatch', roles: ['dispatcher'], element: <DispatchPage />, menu: { icon: <SendOutlined /> } },
  { path: '/arbitration', title: 'menuArbitration', roles: ['dispatcher'], element: <ArbitrationPage />, menu: { icon: <AuditOutlined /> } },
];
