import { InboxOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const MyWorkPage = lazyPage(() => import('./MyWorkPage').then((m) => m.MyWorkPage));

/** 本单位工单: a handler's start page. */
export const myWorkPages: PageEntry[] = [
  { path: '/my-work', title: 'menuMyWork', roles: ['handler'], element: <MyWorkPage />, menu: { icon: <InboxOutlined /> } },
];
