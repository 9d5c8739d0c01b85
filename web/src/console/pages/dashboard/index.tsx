import { DashboardOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

// The charts library stays out of the script every other page runs.
const DashboardPage = lazyPage(() => import('./DashboardPage').then((m) => m.DashboardPage));

/** 领导驾驶舱: a leader's start page; supervision, dispatch and administration read it too. */
export const dashboardPages: PageEntry[] = [
  {
    path: '/dashboard', title: 'menuDashboard', roles: ['leader', 'supervisor', 'dispatcher', 'admin'],
    element: <DashboardPage />, menu: { icon: <DashboardOutlined /> },
  },
];
