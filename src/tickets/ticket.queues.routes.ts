import { Type } from 'typebox';
import type { App, AppContext } from '../platform/http/context.js';
import { DateTime, Nullable } from '../platform/http/schemas.js';
import { RETURN_REASONS } from '../assignments/assignment.js';
import { CLOCK_KINDS } from '../clocks/clock.js';
import { arbitrationQueue, extensionQueue, lateWork } from './ticket.queues.js';

const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export function ticketQueueRoutes(app: App, ctx: AppContext): void {
  app.get('/queues/arbitration', {
    config: { access: ['dispatcher', 'supervisor'] },
    schema: {
      tags: ['queues'], summary: '退单待裁定 Returns waiting for a decision',
      response: { 200: Type.Array(Type.Object({
        assignmentId: Type.Integer(), ticketId: Type.Integer(), trackingCode: Type.String(), title: Type.String(), unitId: Type.Integer(),
        unitName: Type.String(), role: Enum(['lead', 'co'] as const), reasonCode: Enum(RETURN_REASONS), reason: Type.String(),
        evidence: Nullable(Type.String()), returnedAt: DateTime,
      })) },
    },
  }, async () => arbitrationQueue(ctx.db));

  app.get('/queues/extensions', {
    config: { access: ['supervisor'] },
    schema: {
      tags: ['queues'], summary: '延期待审批 Extensions waiting for a decision',
      response: { 200: Type.Array(Type.Object({
        extensionId: Type.Integer(), ticketId: Type.Integer(), trackingCode: Type.String(), title: Type.String(), unitName: Type.String(),
        workingDays: Type.Integer(), reason: Type.String(), requestedAt: DateTime, deadline: Nullable(DateTime), assignmentId: Type.Integer(),
      })) },
    },
  }, async () => extensionQueue(ctx.db));

  app.get('/queues/late', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['queues'], summary: '预警与超时工作 Work past its warning or its deadline',
      querystring: Type.Object({ state: Enum(['warning', 'overdue'] as const), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
      response: { 200: Type.Array(Type.Object({
        clockId: Type.Integer(), kind: Enum(CLOCK_KINDS), deadline: DateTime, overdueAt: Nullable(DateTime), ticketId: Type.Integer(),
        trackingCode: Type.String(), title: Type.String(), unitId: Nullable(Type.Integer()), unitName: Nullable(Type.String()),
        supervised: Type.Boolean(), urgeCount: Type.Integer(), status: Type.String(),
      })) },
    },
  }, async (req) => lateWork(ctx.db, req.actor!, req.query.state, req.query.limit));
}
