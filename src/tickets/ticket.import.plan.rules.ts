/**
 * What each read row of a historical import becomes: a new ticket with its lead unit's assignment and the
 * clocks the rules give it, a row already imported (skipped), or a rejection. Pure: the service loads the
 * lookups and writes the plans.
 */
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Clock, ClockKind } from '../clocks/clock.js';
import { meetClock, startClock, sweepClock } from '../clocks/clock.rules.js';
import { effectiveLimits, type ServiceVersion } from '../catalogue/service.js';
import { formatShanghai, versionAt } from '../catalogue/service.rules.js';
import { DomainError, type ErrorCode } from '../platform/errors.js';
import type { CloseKind, PlannedClock, Resolved, Satisfaction, Ticket, TicketLimits, TicketStatus, UnitRef } from './ticket.js';
import { assign } from './ticket.dispatch.rules.js';
import { slaClock } from './ticket.rules.js';
import { IMPORT_COLUMNS, importKey, keyText, rowDigest, type ImportColumn, type ImportKey, type ImportRow, type RowProblem } from './ticket.import.rules.js';

export interface ImportUnit extends UnitRef { code: string }

export interface ImportLookup {
  /** The catalogue's versions of the services the file names, by code, oldest first. */
  versionsByCode: ReadonlyMap<string, readonly ServiceVersion[]>;
  unitsByCode: ReadonlyMap<string, ImportUnit>;
  /** Tickets already imported, by `keyText`, with the digest of the row that made them. */
  imported: ReadonlyMap<string, { trackingCode: string; hash: string | null }>;
  /** This system's own tracking codes named as 工单编号: an export of ours read back is not new work. */
  ownCodes: ReadonlySet<string>;
  cal: WorkCalendar;
}

/** The lead assignment's ref: its clocks point at it until it has an id. */
export const LEAD_REF = '0';

export interface ImportedTicket {
  row: number;
  key: ImportKey;
  hash: string;
  externalId: string | null;
  sourceStatus: string;
  channel: ImportRow['channel'];
  status: TicketStatus;
  serviceId: number;
  serviceVersionId: number;
  limits: TicketLimits;
  title: string;
  description: string;
  requesterName: string;
  requesterPhone: string;
  requesterKind: 'citizen' | 'enterprise';
  location: string;
  acceptedAt: Date;
  unit: { id: number; path: string };
  /** Dispatched at acceptance; done at the reply for a replied or closed ticket. */
  assignment: { status: 'pending' | 'done'; doneAt: Date | null };
  replyText: string | null;
  repliedAt: Date | null;
  ratingSatisfaction: Satisfaction | null;
  ratingResolved: Resolved | null;
  ratedAt: Date | null;
  closedAt: Date | null;
  closeKind: CloseKind | null;
  clocks: PlannedClock[];
  /** Kinds of clock already overdue in the record (historically, or by the time of the import). */
  overdue: ClockKind[];
}

export type ImportPlan =
  | { kind: 'create'; row: number; ticket: ImportedTicket }
  | { kind: 'skip'; row: number; trackingCode: string }
  | { kind: 'rejected'; row: number; problems: RowProblem[] };

type Read = { row: ImportRow | null; problems: RowProblem[] };

export function planImport(read: readonly Read[], lookup: ImportLookup, now: Date): ImportPlan[] {
  const firstRowOf = new Map<string, number>();
  return read.map(({ row, problems }): ImportPlan => {
    if (!row) return { kind: 'rejected', row: problems[0]!.row, problems };
    const key = importKey(row);
    const earlier = firstRowOf.get(keyText(key));
    if (earlier !== undefined) {
      return reject(row, row.externalId ? 'externalId' : null, 'TICKET_IMPORT_DUPLICATE', `与第 ${earlier} 行是同一工单`, `the same ticket as row ${earlier}`);
    }
    firstRowOf.set(keyText(key), row.row);
    const hash = rowDigest(row);
    const before = lookup.imported.get(keyText(key));
    if (before && before.hash === hash) return { kind: 'skip', row: row.row, trackingCode: before.trackingCode };
    if (before) {
      return reject(row, 'externalId', 'TICKET_IMPORT_DUPLICATE',
        `工单编号“${row.externalId}”已导入（${before.trackingCode}），但本行内容不同；已导入的工单不会被改写`,
        `ticket ${row.externalId} was already imported (${before.trackingCode}) with different content; imported tickets are not overwritten`);
    }
    if (row.externalId && lookup.ownCodes.has(row.externalId)) return { kind: 'skip', row: row.row, trackingCode: row.externalId };
    return planRow(row, key, hash, lookup, now);
  });
}

function reject(row: ImportRow, column: ImportColumn | null, code: ErrorCode, zh: string, en: string): ImportPlan {
  return { kind: 'rejected', row: row.row, problems: [{ row: row.row, column: column ? IMPORT_COLUMNS[column].zh : null, code, zh, en }] };
}

function planRow(row: ImportRow, key: ImportKey, hash: string, lookup: ImportLookup, now: Date): ImportPlan {
  const versions = lookup.versionsByCode.get(row.serviceCode);
  if (!versions?.length) return reject(row, 'serviceCode', 'SERVICE_NOT_FOUND', `没有编码为“${row.serviceCode}”的事项`, `no service has the code "${row.serviceCode}"`);
  // The limits in force when the request was accepted, as for any ticket: a later catalogue never moves them.
  const service = versionAt(versions, row.acceptedAt);
  if (!service) {
    const first = versions[0]!;
    return reject(row, 'serviceCode', 'SERVICE_NOT_FOUND',
      `事项“${row.serviceCode}”在受理时间 ${formatShanghai(row.acceptedAt)} 尚未生效（最早版本 ${formatShanghai(first.effectiveFrom)} 起），请在事项清单中将其生效时间提前`,
      `service "${row.serviceCode}" was not yet in force at ${row.acceptedAt.toISOString()} (its first version starts ${first.effectiveFrom.toISOString()}); move its effective date earlier in the catalogue`);
  }
  if (!service.active) return reject(row, 'serviceCode', 'SERVICE_NOT_FOUND', `事项“${row.serviceCode}”在受理时间已停用`, `service "${row.serviceCode}" was inactive at the time of acceptance`);
  const unit = lookup.unitsByCode.get(row.unitCode);
  if (!unit) return reject(row, 'unitCode', 'UNIT_NOT_FOUND', `没有编码为“${row.unitCode}”的单位`, `no unit has the code "${row.unitCode}"`);
  // A finished ticket of a unit since dissolved is still history; open work cannot go to it.
  if (!unit.active && row.outcome.kind === 'open') {
    return reject(row, 'unitCode', 'UNIT_NOT_FOUND', `单位“${row.unitCode}”已停用，未办结的工单不能交给它`, `unit "${row.unitCode}" is inactive and cannot be given open work`);
  }
  const limits = effectiveLimits(service.limits);
  try {
    const clocks = planClocks(row, limits, unit, service, lookup.cal, now);
    return { kind: 'create', row: row.row, ticket: importedTicket(row, key, hash, service, unit, limits, clocks) };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const hint = err.code === 'CALENDAR_YEAR_MISSING' ? { zh: `，请先加载（mashangban calendar load 年份）`, en: ' (load it first: mashangban calendar load YEAR)' } : { zh: '', en: '' };
    return reject(row, 'acceptedAt', err.code, `${err.detailZh ?? err.message}${hint.zh}`, `${err.detailEn ?? err.message}${hint.en}`);
  }
}

function importedTicket(row: ImportRow, key: ImportKey, hash: string, service: ServiceVersion, unit: ImportUnit, limits: TicketLimits, clocks: PlannedClock[]): ImportedTicket {
  const o = row.outcome;
  const finished = o.kind === 'closed' ? o : null;
  const rated = finished && (finished.satisfaction || finished.resolved) ? finished : null;
  return {
    row: row.row, key, hash, externalId: row.externalId, sourceStatus: row.sourceStatus, channel: row.channel,
    status: o.kind === 'open' ? 'assigned' : o.kind,
    serviceId: service.id, serviceVersionId: service.versionId, limits, title: row.title, description: row.description,
    requesterName: row.requesterName, requesterPhone: row.requesterPhone, requesterKind: row.channel === 'enterprise' ? 'enterprise' : 'citizen',
    location: row.location, acceptedAt: row.acceptedAt, unit: { id: unit.id, path: unit.path },
    assignment: o.kind === 'open' ? { status: 'pending', doneAt: null } : { status: 'done', doneAt: o.repliedAt },
    replyText: o.kind === 'open' ? null : o.replyText, repliedAt: o.kind === 'open' ? null : o.repliedAt,
    ratingSatisfaction: rated?.satisfaction ?? null, ratingResolved: rated?.resolved ?? null, ratedAt: rated?.closedAt ?? null,
    closedAt: finished?.closedAt ?? null,
    // A satisfied rating closes the loop itself; an unsatisfied or missing one was closed by the desk (ticket.supervision.rules).
    closeKind: !finished ? null : finished.satisfaction === 'satisfied' || finished.satisfaction === 'basic' ? 'rated' : 'confirmed',
    clocks, overdue: [...new Set(clocks.filter((c) => c.overdueAt && c.kind !== 'return_window').map((c) => c.kind))],
  };
}

/** Apply a clock rule written for saved clocks to one not yet saved. */
function onPlanned(c: PlannedClock, rule: (clock: Clock) => Clock): PlannedClock {
  const { id: _id, ...next } = rule({ ...c, id: 0 });
  return { ...next, assignmentRef: c.assignmentRef };
}

/**
 * The clocks a historical ticket gets, from the limits in force at acceptance. Open work is dispatched
 * to the unit at 受理时间 by the same rule as live dispatch, so its clocks run from then. A replied or
 * closed ticket records only what the file can measure: the requester's promise and the unit's resolve
 * clock, both met at the reply, and the callback met at the close; when the file has no acknowledgement
 * or first-contact time, no such clock is invented. Clocks still running are swept at `now`, so a
 * deadline already past is recorded as overdue at once, exactly as the deadline sweep would record it.
 */
export function planClocks(row: ImportRow, limits: TicketLimits, unit: UnitRef, service: Pick<ServiceVersion, 'id' | 'versionId'>, cal: WorkCalendar, now: Date): PlannedClock[] {
  const o = row.outcome;
  let clocks: PlannedClock[];
  if (o.kind === 'open') {
    const snap = { ticket: newTicket(row), assignments: [], clocks: [], extensions: [] };
    const dispatched = assign(snap, { lead: unit, co: [], service: { id: service.id, versionId: service.versionId, limits } }, { now: row.acceptedAt, cal });
    clocks = dispatched.newClocks;
  } else {
    clocks = [];
    const sla = slaClock(cal, limits, row.acceptedAt);
    if (sla) clocks.push(onPlanned(sla, (c) => meetClock(c, o.repliedAt)));
    if (limits.resolve) clocks.push(onPlanned({ ...startClock(cal, 'resolve', null, row.acceptedAt, limits.resolve), assignmentRef: LEAD_REF }, (c) => meetClock(c, o.repliedAt)));
    if (limits.callback) {
      const callback: PlannedClock = startClock(cal, 'callback', null, o.repliedAt, limits.callback);
      clocks.push(o.kind === 'closed' ? onPlanned(callback, (c) => meetClock(c, o.closedAt)) : callback);
    }
  }
  return clocks.map((c) => onPlanned(c, (x) => sweepClock(x, now).clock));
}

/** The ticket as intake would have saved it, for the dispatch rule to start from. */
function newTicket(row: ImportRow): Ticket {
  return {
    id: 0, trackingCode: '', channel: row.channel, status: 'new', serviceId: null, serviceVersionId: null, limits: null, title: row.title,
    description: row.description, requesterName: row.requesterName, requesterPhone: row.requesterPhone, acceptedAt: row.acceptedAt, leadUnitId: null,
    replyText: null, repliedAt: null, ratingResolved: null, ratingSatisfaction: null, ratingComment: null, ratedAt: null, closedAt: null,
    closeKind: null, supervised: false, urgeCount: 0, reopenCount: 0, mergedIntoId: null, publicReason: null, version: 1,
  };
}
