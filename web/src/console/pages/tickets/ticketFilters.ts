/** The list's filters live in the address bar, so a filtered list can be bookmarked, shared and reloaded. */
import type { TicketListQuery, TicketStatus, Channel } from '../../components/TicketTypes';
import { CHANNELS, STATUSES } from '../../components/TicketTypes';

export interface TicketFilters {
  q?: string;
  status?: TicketStatus[];
  channel?: Channel;
  unitId?: number;
  serviceId?: number;
  overdue?: boolean;
  supervised?: boolean;
  /** Dates (YYYY-MM-DD, Shanghai), inclusive. */
  from?: string;
  to?: string;
  /** The filters behind the dashboard's figures, passed through as the API names them (drill-down). */
  leadUnitId?: number;
  serviceGroup?: string;
  resolved?: string[];
  satisfaction?: string[];
  closeKind?: string[];
  reopened?: boolean;
  lateKind?: string;
  lateBy?: number;
  returnedBy?: number;
  extendedBy?: number;
  dueBefore?: string;
}

const pick = (values: readonly string[]) => (list: string[]) => list.filter((v) => values.includes(v));
const RESOLVED = pick(['yes', 'partly', 'no']);
const SATISFACTION = pick(['satisfied', 'basic', 'unsatisfied']);
const CLOSE_KINDS = pick(['direct', 'rated', 'confirmed', 'merged', 'rejected']);
const CLOCK_KINDS = ['sla', 'acknowledge', 'first_contact', 'resolve', 'callback', 'return_window'];
const instant = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? v : undefined);

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const bool = (v: string | null) => (v === 'true' ? true : v === 'false' ? false : undefined);
const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function readFilters(p: URLSearchParams): TicketFilters {
  return {
    q: p.get('q')?.slice(0, 100) || undefined,
    status: p.getAll('status').filter((s): s is TicketStatus => (STATUSES as readonly string[]).includes(s)),
    channel: (CHANNELS as readonly string[]).includes(p.get('channel') ?? '') ? p.get('channel') as Channel : undefined,
    unitId: int(p.get('unitId')),
    serviceId: int(p.get('serviceId')),
    overdue: bool(p.get('overdue')),
    supervised: bool(p.get('supervised')),
    from: date(p.get('from')),
    to: date(p.get('to')),
    leadUnitId: int(p.get('leadUnitId')),
    serviceGroup: p.get('serviceGroup')?.slice(0, 100) || undefined,
    resolved: RESOLVED(p.getAll('resolved')),
    satisfaction: SATISFACTION(p.getAll('satisfaction')),
    closeKind: CLOSE_KINDS(p.getAll('closeKind')),
    reopened: bool(p.get('reopened')),
    lateKind: CLOCK_KINDS.includes(p.get('lateKind') ?? '') ? p.get('lateKind')! : undefined,
    lateBy: int(p.get('lateBy')),
    returnedBy: int(p.get('returnedBy')),
    extendedBy: int(p.get('extendedBy')),
    dueBefore: instant(p.get('dueBefore')),
  };
}

export function writeFilters(f: TicketFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  return p;
}

/** Day bounds in Shanghai time: the `to` day is included, so the query runs to the start of the next day. */
export function toQuery(f: TicketFilters, limit = 50): Omit<TicketListQuery, 'cursor'> {
  const next = (d: string) => {
    const x = new Date(`${d}T00:00:00+08:00`);
    x.setUTCDate(x.getUTCDate() + 1);
    return x.toISOString();
  };
  return {
    q: f.q, status: f.status?.length ? f.status : undefined, channel: f.channel, unitId: f.unitId, serviceId: f.serviceId,
    overdue: f.overdue, supervised: f.supervised,
    leadUnitId: f.leadUnitId, serviceGroup: f.serviceGroup, reopened: f.reopened, lateBy: f.lateBy, returnedBy: f.returnedBy,
    extendedBy: f.extendedBy, dueBefore: f.dueBefore,
    resolved: f.resolved?.length ? f.resolved as TicketListQuery['resolved'] : undefined,
    satisfaction: f.satisfaction?.length ? f.satisfaction as TicketListQuery['satisfaction'] : undefined,
    closeKind: f.closeKind?.length ? f.closeKind as TicketListQuery['closeKind'] : undefined,
    lateKind: f.lateKind as TicketListQuery['lateKind'],
    from: f.from ? new Date(`${f.from}T00:00:00+08:00`).toISOString() : undefined, to: f.to ? next(f.to) : undefined, limit,
  };
}
