import { FileSearchOutlined } from '@ant-design/icons';
import { lazyPage } from '../../components/LazyPage';
import type { PageEntry } from '../../nav';

const TicketListPage = lazyPage(() => import('./TicketListPage').then((m) => m.TicketListPage));
const TicketPage = lazyPage(() => import('./TicketPage').then((m) => m.TicketPage));

/** 工单查询 for everyone (the server limits each unit to its own), and the ticket page (not in the menu). */
export const ticketPages: PageEntry[] = [
  { path: '/tickets', title: 'menuTickets', roles: 'any', element: <TicketListPage />, menu: { icon: <FileSearchOutlined /> } },
  { path: '/tickets/:id', title: 'menuTickets', roles: 'any', element: <TicketPage /> },
];
