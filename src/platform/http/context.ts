import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Db } from '../database/db.js';
import type { Actor, Role } from '../auth/roles.js';

/** What every feature's routes and services are given: no globals. */
export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  databaseKind: 'bundled' | 'external';
}

/**
 * Who may call a route, declared on every route (an undeclared route fails at start-up):
 * 'public' needs nobody signed in, 'authenticated' any user, a role list any user holding one of them.
 * Record-level checks (a town sees its own tickets) are made by the feature's policy functions.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A feature's routes: registered under /api/v1 with the shared context. */
export type RoutesPlugin = (app: App, ctx: AppContext) => Promise<void> | void;
