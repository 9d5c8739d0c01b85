import { FireOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const HotspotsPage = lazyPage(() => import('./HotspotsPage').then((m) => m.HotspotsPage));

/** 溯源分析: what keeps coming back, and where. A unit sees the hotspots among its own tickets. */
export const hotspotPages: PageEntry[] = [
  { path: '/hotspots', title: 'menuHotspots', roles: ['leader', 'supervisor', 'dispatcher', 'admin', 'handler'], element: <HotspotsPage />, menu: { icon: <FireOutlined /> } },
];
