/** The trail in words: each recorded action with the details a reader needs (who, to whom, why). */
import type { Lang } from '../../i18n';
import {
  ACTION_LABELS, CHANNEL_LABELS, CLOSE_KIND_LABELS, CONTACT_METHOD_LABELS, label, REPLY_FLAG_LABELS, RESOLVED_LABELS, RETURN_REASON_LABELS, SATISFACTION_LABELS,
} from '../../components/TicketLabels';
import { formatFull } from '../../components/TicketFormat';
import { CLOCK_LABELS } from '../../components/TicketTags';
import type { TicketEvent } from '../../components/TicketTypes';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const ids = (v: unknown) => (Array.isArray(v) ? v.map(Number) : []);

export interface DescribedEvent { title: string; detail: string; tone: 'blue' | 'green' | 'red' | 'orange' | 'gray' }

const TONES: Record<string, DescribedEvent['tone']> = {
  replied: 'green', rated: 'green', closed: 'green', acknowledged: 'blue', contacted: 'blue',
  returned: 'red', rejected: 'red', clock_overdue: 'red', reopened: 'orange',
  urged: 'orange', supervised: 'orange', clock_warning: 'orange', extension_requested: 'orange', paused: 'gray', resumed: 'gray', noted: 'gray', merged: 'gray',
};

export function describeEvent(e: TicketEvent, unitName: (id: number) => string, lang: Lang, serviceName: (id: number) => string): DescribedEvent {
  const d = (e.data ?? {}) as Data;
  const zh = lang === 'zh';
  const unit = d.unitId ? unitName(Number(d.unitId)) : '';
  const units = (v: unknown) => ids(v).map(unitName).filter(Boolean).join(zh ? '、' : ', ');
  const sep = zh ? '：' : ': ';
  const parts: string[] = [];
  switch (e.action) {
    case 'accepted':
      parts.push(`${zh ? '渠道' : 'Channel'}${sep}${label(CHANNEL_LABELS, str(d.channel), lang)}`);
      if (d.serviceId) parts.push(`${zh ? '事项' : 'Service'}${sep}${serviceName(Number(d.serviceId))}`);
      break;
    case 'assigned':
      if (d.serviceId) parts.push(`${zh ? '事项' : 'Service'}${sep}${serviceName(Number(d.serviceId))}`);
      parts.push(`${zh ? '主办' : 'Lead'}${sep}${unitName(Number(d.leadUnitId))}`);
      if (ids(d.coUnitIds).length) parts.push(`${zh ? '协办' : 'Co-units'}${sep}${units(d.coUnitIds)}`);
      break;
    case 'sub_assigned':
      parts.push(`${unit} → ${units(d.unitIds)}`);
      break;
    case 'contacted':
      parts.push(`${unit} · ${label(CONTACT_METHOD_LABELS, str(d.method), lang)}`, str(d.body));
      break;
    case 'noted':
      parts.push(str(d.body));
      break;
    case 'paused':
      parts.push(unit, str(d.reason));
      break;
    case 'replied': case 'contributed': {
      parts.push(unit, str(d.text));
      // The reply check's hints are kept with the reply: a spot check sees what the handler was told.
      const flags = (d.replyCheck as { flags?: unknown } | undefined)?.flags;
      if (Array.isArray(flags) && flags.length) parts.push(`${zh ? '答复提示' : 'Reply check'}${sep}${flags.map((f) => label(REPLY_FLAG_LABELS, str(f), lang)).join(zh ? '、' : ', ')}`);
      break;
    }
    case 'hotspot_case':
      parts.push(`${str(d.name)}${zh ? `（${str(d.tickets)} 件工单）` : ` (${str(d.tickets)} tickets)`}`);
      break;
    case 'returned':
      parts.push(unit, `${label(RETURN_REASON_LABELS, str(d.reasonCode), lang)}${sep}${str(d.reason)}`);
      break;
    case 'return_decided':
      parts.push(unit, d.decision === 'accept'
        ? `${zh ? '同意退单' : 'Accepted'}${d.leadUnitId ? `${zh ? '，改派' : ', re-assigned to '}${unitName(Number(d.leadUnitId))}` : ''}${ids(d.coUnitIds).length ? `${zh ? '；协办 ' : '; co-units '}${units(d.coUnitIds)}` : ''}`
        : `${zh ? '驳回退单' : 'Refused'}${sep}${str(d.reason)}`);
      break;
    case 'extension_requested':
      parts.push(unit, `${str(d.workingDays)} ${zh ? '个工作日' : 'working days'}${sep}${str(d.reason)}`);
      break;
    case 'extension_decided':
      parts.push(unit, `${d.approved ? (zh ? '批准' : 'Approved') : (zh ? '不批准' : 'Refused')} ${str(d.workingDays)} ${zh ? '个工作日' : 'working days'}${d.note ? `${sep}${str(d.note)}` : ''}`);
      break;
    case 'urged':
      parts.push(units(d.unitIds), str(d.message));
      break;
    case 'supervised':
      parts.push(str(d.message));
      break;
    case 'rated':
      parts.push(`${label(RESOLVED_LABELS, str(d.resolved), lang)} · ${label(SATISFACTION_LABELS, str(d.satisfaction), lang)}`, str(d.comment));
      break;
    case 'closed':
      parts.push(label(CLOSE_KIND_LABELS, str(d.kind), lang), str(d.note));
      break;
    case 'reopened':
      parts.push(`${zh ? '重办单位' : 'To'}${sep}${unitName(Number(d.leadUnitId))}`, str(d.reason));
      break;
    case 'merged':
      parts.push(`${zh ? '主工单' : 'Main ticket'} #${str(d.mainTicketId)}`);
      break;
    case 'rejected':
      parts.push(str(d.reason));
      break;
    case 'clock_warning': case 'clock_overdue':
      parts.push(CLOCK_LABELS[str(d.kind)]?.[lang] ?? str(d.kind),
        d.deadline ? `${zh ? '截止' : 'Due'} ${formatFull(str(d.deadline), lang)}` : '');
      break;
    default:
      parts.push(unit);
  }
  return { title: label(ACTION_LABELS, e.action, lang), detail: parts.filter(Boolean).join(zh ? ' · ' : ' · '), tone: TONES[e.action] ?? 'blue' };
}
