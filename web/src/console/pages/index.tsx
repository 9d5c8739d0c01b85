/**
 * Every console page, registered in menu order. Each feature adds its entries here (one line per page);
 * the router, the side menu and the role start pages all follow this list.
 */
import { registerPages } from '../nav';
import { adminPages } from './admin/pages';
import { dispatchPages } from './dispatch';
import { intakePages } from './intake';
import { ticketPages } from './tickets';
import { myWorkPages } from './mywork';
import { supervisionPages } from './supervision';
import { dashboardPages } from './dashboard';
import { hotspotPages } from './hotspots';

// 派单台 before 来电受理, so a dispatcher starts at the desk and an operator (who has no desk) at intake.
registerPages(dispatchPages);
registerPages(intakePages);
// A handler starts at its unit's work, a supervisor at supervision, a leader at the dashboard.
registerPages(myWorkPages);
registerPages(supervisionPages);
registerPages(dashboardPages);
registerPages(hotspotPages);
// 工单查询 is open to every role: it stays after the role-specific pages so that each role starts at its own work.
registerPages(ticketPages);
// 系统管理 last: admins also work the queues above, so those pages stay first for them.
registerPages(adminPages);
