import { AlertOutlined, FieldTimeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { SupervisionPage } from './SupervisionPage';

/** 督查督办, with its extension queue and spot checks as pages of their own in the menu. */
export const supervisionPages: PageEntry[] = [
  { path: '/supervision', title: 'menuSupervision', roles: ['supervisor'], element: <SupervisionPage tab="late" />, menu: { icon: <AlertOutlined /> } },
  { path: '/supervision/extensions', title: 'menuExtensions', roles: ['supervisor'], element: <SupervisionPage tab="extensions" />, menu: { icon: <FieldTimeOutlined /> } },
  { path: '/supervision/spot-checks', title: 'menuSpotChecks', roles: ['supervisor'], element: <SupervisionPage tab="spot" />, menu: { icon: <SafetyCertificateOutlined /> } },
];
