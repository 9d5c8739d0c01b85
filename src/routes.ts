import type { RoutesPlugin } from './platform/http/context.js';
import { textRoutes } from './text/text.routes.js';
import { unitRoutes } from './units/unit.routes.js';
import { userRoutes } from './users/user.routes.js';
import { ticketRoutes } from './tickets/ticket.routes.js';
import { ticketSimilarRoutes } from './tickets/ticket.similar.routes.js';
import { publicTicketRoutes } from './tickets/ticket.public.routes.js';
import { ticketQueueRoutes } from './tickets/ticket.queues.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { ticketTransferRoutes } from './tickets/ticket.export.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { hotspotRoutes } from './hotspots/hotspot.routes.js';

/** Every feature's routes, mounted under /api/v1. */
export const FEATURE_ROUTES: RoutesPlugin[] = [textRoutes, unitRoutes, userRoutes, ticketSimilarRoutes, ticketRoutes, publicTicketRoutes, ticketQueueRoutes, notificationRoutes, catalogueRoutes, calendarRoutes, ticketTransferRoutes, statsRoutes, hotspotRoutes];
