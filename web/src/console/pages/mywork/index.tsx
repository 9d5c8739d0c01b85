import { InboxOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { MyWorkPage } from './MyWorkPage';

/** 本单位工单: a handler's start page. */
export const myWorkPages: PageEntry[] = [
  { path: '/my-work', title: 'menuMyWork', roles: ['handler'], element: <MyWorkPage />, menu: { icon: <InboxOutlined /> } },
];
