/**
 * The requester's side: with the tracking code and the phone's last four digits, progress (public events,
 * unit names, never staff names or internal notes), the reply, and the rating.
 */
import type { Queryable } from '../platform/database/db.js';
import { rows } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import { listAuditEvents } from '../audit/audit.repository.js';
import { RETURN_REASON_ZH, type ReturnReason } from '../assignments/assignment.js';
import { PUBLIC_ACTIONS, type Ticket } from './ticket.js';
import { findTicketByCode, WORK_TYPE } from './ticket.repository.js';
import { findServiceVersion } from '../catalogue/service.repository.js';

const ACTION_ZH: Record<(typeof PUBLIC_ACTIONS)[number], string> = {
  accepted: '已受理', assigned: '已交办', acknowledged: '承办单位已签收', returned: '承办单位退回', return_decided: '退单已处理',
  extension_decided: '办理期限调整', replied: '已答复', rated: '已评价', closed: '已办结', reopened: '重新办理', merged: '并入其他工单办理',
  rejected: '不予受理',
};

export interface PublicEvent { at: Date; action: string; label: string; unitName: string | null; detail: string | null }

/** Comparing only the last four digits keeps the full number out of the URL while stopping casual lookups. */
export async function findForRequester(q: Queryable, trackingCode: string, phone4: string): Promise<Ticket> {
  const t = await findTicketByCode(q, trackingCode.trim().toUpperCase());
  if (!t || t.requesterPhone.replace(/\D/g, '').slice(-4) !== phone4) throw new DomainError('TRACKING_NOT_FOUND');
  return t;
}

function detailOf(action: string, data: Record<string, unknown>): string | null {
  if (action === 'returned') return `${RETURN_REASON_ZH[data.reasonCode as ReturnReason] ?? ''}：${String(data.reason ?? '')}`;
  if (action === 'rejected') return String(data.reason ?? '');
  if (action === 'extension_decided') return data.approved ? `延长 ${String(data.workingDays)} 个工作日` : null;
  if (action === 'return_decided') return data.decision === 'accept' ? '已改派其他单位办理' : '原单位继续办理';
  return null;
}

export async function publicView(q: Queryable, t: Ticket) {
  const events = (await listAuditEvents(q, WORK_TYPE, t.id)).filter((e) => (PUBLIC_ACTIONS as readonly string[]).includes(e.action));
  const unitIds = [...new Set(events.map((e) => Number((e.data as Record<string, unknown> | null)?.unitId ?? (e.data as Record<string, unknown> | null)?.leadUnitId ?? 0)).filter(Boolean))];
  const names = new Map((await rows<{ id: number; name: string }>(q, 'SELECT id, name FROM units WHERE id = ANY($1::bigint[])', [[...unitIds, t.leadUnitId ?? 0]])).map((u) => [u.id, u.name]));
  const service = t.serviceVersionId ? await findServiceVersion(q, t.serviceVersionId) : undefined;
  const photos = await rows<{ id: number; filename: string }>(q, 'SELECT id, filename FROM attachments WHERE ticket_id = $1 AND public ORDER BY id', [t.id]);
  const timeline: PublicEvent[] = events.map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const unitId = Number(data.unitId ?? data.leadUnitId ?? 0);
    return { at: e.at, action: e.action, label: ACTION_ZH[e.action as (typeof PUBLIC_ACTIONS)[number]], unitName: names.get(unitId) ?? null, detail: detailOf(e.action, data) };
  });
  return {
    trackingCode: t.trackingCode, title: t.title, status: t.status, acceptedAt: t.acceptedAt, serviceName: service?.name ?? null,
    leadUnitName: t.leadUnitId ? names.get(t.leadUnitId) ?? null : null, replyText: t.replyText, repliedAt: t.repliedAt,
    ratingResolved: t.ratingResolved, ratingSatisfaction: t.ratingSatisfaction, ratedAt: t.ratedAt, closedAt: t.closedAt,
    publicReason: t.publicReason, canRate: t.status === 'replied' && !t.ratedAt,
    photos: photos.map((p) => ({ id: p.id, filename: p.filename })), events: timeline,
  };
}
