/** A list row's nearest deadline, drawn like the ticket page's clocks (ClockTag): green, yellow, red. */
import { useI18n } from '../i18n';
import { formatShort } from './TicketFormat';
import { CLOCK_LABELS, ClockTag } from './TicketTags';
import type { TicketListItem } from './TicketTypes';

export function TicketDeadline({ item }: { item: Pick<TicketListItem, 'deadline' | 'deadlineKind' | 'timeLeftMs' | 'warning' | 'overdue' | 'status'> }) {
  const { lang } = useI18n();
  if (!item.deadline || !item.deadlineKind) {
    return <span className="tk-muted">{item.overdue ? (lang === 'zh' ? '曾超时' : 'Was late') : '—'}</span>;
  }
  const left = item.timeLeftMs;
  return (
    <span className="tk-title-cell" style={{ alignItems: 'flex-start' }}>
      <ClockTag clock={{
        kind: item.deadlineKind, deadline: item.deadline, timeLeftMs: left,
        warnedAt: item.warning ? item.deadline : null, overdueAt: left !== null && left < 0 ? item.deadline : null, status: { state: 'running' },
      }} />
      <span className="tk-sub">{CLOCK_LABELS[item.deadlineKind]?.[lang]} · {formatShort(item.deadline, lang)}</span>
    </span>
  );
}
