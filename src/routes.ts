import type { RoutesPlugin } from './platform/http/context.js';
import { unitRoutes } from './units/unit.routes.js';
import { userRoutes } from './users/user.routes.js';

/** Every feature's routes, mounted under /api/v1. */
export const FEATURE_ROUTES: RoutesPlugin[] = [unitRoutes, userRoutes];
