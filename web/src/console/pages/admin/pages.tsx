/** The 系统管理 pages, for admins only; registered from pages/index.tsx after the working pages. */
import { ApartmentOutlined, CalendarOutlined, KeyOutlined, ProfileOutlined, RobotOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { lazyPage } from '../../components/LazyPage';

const CalendarPage = lazyPage(() => import('./calendar/CalendarPage').then((m) => m.CalendarPage));
const CataloguePage = lazyPage(() => import('./catalogue/CataloguePage').then((m) => m.CataloguePage));
const ScoringPage = lazyPage(() => import('./scoring/ScoringPage').then((m) => m.ScoringPage));
const TokensPage = lazyPage(() => import('./tokens/TokensPage').then((m) => m.TokensPage));
const UnitsPage = lazyPage(() => import('./units/UnitsPage').then((m) => m.UnitsPage));
const UsersPage = lazyPage(() => import('./users/UsersPage').then((m) => m.UsersPage));
const TextPage = lazyPage(() => import('./text/TextPage').then((m) => m.TextPage));

const group = 'menuAdmin' as const;

export const adminPages: PageEntry[] = [
  { path: '/admin/units', title: 'menuUnits', roles: ['admin'], element: <UnitsPage />, menu: { icon: <ApartmentOutlined />, group } },
  { path: '/admin/users', title: 'menuUsers', roles: ['admin'], element: <UsersPage />, menu: { icon: <TeamOutlined />, group } },
  { path: '/admin/catalogue', title: 'menuCatalogue', roles: ['admin'], element: <CataloguePage />, menu: { icon: <ProfileOutlined />, group } },
  { path: '/admin/calendar', title: 'menuCalendar', roles: ['admin'], element: <CalendarPage />, menu: { icon: <CalendarOutlined />, group } },
  { path: '/admin/text', title: 'menuText', roles: ['admin'], element: <TextPage />, menu: { icon: <RobotOutlined />, group } },
  { path: '/admin/scoring', title: 'menuScoring', roles: ['admin'], element: <ScoringPage />, menu: { icon: <TrophyOutlined />, group } },
  { path: '/admin/tokens', title: 'menuTokens', roles: ['admin'], element: <TokensPage />, menu: { icon: <KeyOutlined />, group } },
];
