import { FireOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { HotspotsPage } from './HotspotsPage';

/** 溯源分析: what keeps coming back, and where. A unit sees the hotspots among its own tickets. */
export const hotspotPages: PageEntry[] = [
  { path: '/hotspots', title: 'menuHotspots', roles: ['leader', 'supervisor', 'dispatcher', 'admin', 'handler'], element: <HotspotsPage />, menu: { icon: <FireOutlined /> } },
];
