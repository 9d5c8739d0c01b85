import { DashboardOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/PageState';
import type { PageEntry } from '../../nav';

// Loaded when first opened: the charts library stays out of the bundle every other page downloads.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** 领导驾驶舱: a leader's start page; supervision, dispatch and administration read it too. */
export const dashboardPages: PageEntry[] = [
  {
    path: '/dashboard', title: 'menuDashboard', roles: ['leader', 'supervisor', 'dispatcher', 'admin'],
    element: <Suspense fallback={<Loading />}><DashboardPage /></Suspense>, menu: { icon: <DashboardOutlined /> },
  },
];
