import { AlertOutlined, FieldTimeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const SupervisionPage = lazyPage(() => import('./SupervisionPage').then((m) => m.SupervisionPage));

/** 督查督办, with its extension queue and spot checks as pages of their own in the menu. */
export const supervisionPages: PageEntry[] = [
  { path: '/supervision', title: 'menuSupervision', roles: ['supervisor'], element: <SupervisionPage tab="late" />, menu: { icon: <AlertOutlined /> } },
  { path: '/supervision/extensions', title: 'menuExtensions', roles: ['supervisor'], element: <SupervisionPage tab="extensions" />, menu: { icon: <FieldTimeOutlined /> } },
  { path: '/supervision/spot-checks', title: 'menuSpotChecks', roles: ['supervisor'], element: <SupervisionPage tab="spot" />, menu: { icon: <SafetyCertificateOutlined /> } },
];
