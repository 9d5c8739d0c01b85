import { FileSearchOutlined } from '@ant-design/icons';
import type { PageEntry } from '../../nav';
import { TicketListPage } from './TicketListPage';
import { TicketPage } from './TicketPage';

/** 工单查询 for everyone (the server limits each unit to its own), and the ticket page (not in the menu). */
export const ticketPages: PageEntry[] = [
  { path: '/tickets', title: 'menuTickets', roles: 'any', element: <TicketListPage />, menu: { icon: <FileSearchOutlined /> } },
  { path: '/tickets/:id', title: 'menuTickets', roles: 'any', element: <TicketPage /> },
];
