/** The 系统管理 pages, for admins only; registered from pages/index.tsx after the working pages. */
import { ApartmentOutlined, CalendarOutlined, KeyOutlined, ProfileOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { CalendarPage } from './calendar/CalendarPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { ScoringPage } from './scoring/ScoringPage';
import { TokensPage } from './tokens/TokensPage';
import { UnitsPage } from './units/UnitsPage';
import { UsersPage } from './users/UsersPage';

const group = 'menuAdmin' as const;

export const adminPages: PageEntry[] = [
  { path: '/admin/units', title: 'menuUnits', roles: ['admin'], element: <UnitsPage />, menu: { icon: <ApartmentOutlined />, group } },
  { path: '/admin/users', title: 'menuUsers', roles: ['admin'], element: <UsersPage />, menu: { icon: <TeamOutlined />, group } },
  { path: '/admin/catalogue', title: 'menuCatalogue', roles: ['admin'], element: <CataloguePage />, menu: { icon: <ProfileOutlined />, group } },
  { path: '/admin/calendar', title: 'menuCalendar', roles: ['admin'], element: <CalendarPage />, menu: { icon: <CalendarOutlined />, group } },
  { path: '/admin/scoring', title: 'menuScoring', roles: ['admin'], element: <ScoringPage />, menu: { icon: <TrophyOutlined />, group } },
  { path: '/admin/tokens', title: 'menuTokens', roles: ['admin'], element: <TokensPage />, menu: { icon: <KeyOutlined />, group } },
];
