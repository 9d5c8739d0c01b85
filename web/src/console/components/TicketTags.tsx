/** How a ticket's status and a clock's time left look everywhere in the console. */
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';
import { formatDeadline } from './TicketFormat';

export const STATUS_LABELS: Record<string, { zh: string; en: string; color: string }> = {
  new: { zh: '待派单', en: 'New', color: 'blue' },
  assigned: { zh: '待签收', en: 'Assigned', color: 'geekblue' },
  in_progress: { zh: '办理中', en: 'In progress', color: 'processing' },
  arbitration: { zh: '退单待裁定', en: 'Returned', color: 'orange' },
  replied: { zh: '已答复待评价', en: 'Replied', color: 'cyan' },
  closed: { zh: '已办结', en: 'Closed', color: 'success' },
  merged: { zh: '已合并', en: 'Merged', color: 'default' },
  rejected: { zh: '不予受理', en: 'Rejected', color: 'default' },
};

export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  const s = STATUS_LABELS[status];
  return <Tag color={s?.color ?? 'default'}>{s ? s[lang] : status}</Tag>;
}

export const CLOCK_LABELS: Record<string, { zh: string; en: string }> = {
  sla: { zh: '承诺时限', en: 'Promise to requester' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  first_contact: { zh: '首次联系', en: 'First contact' },
  resolve: { zh: '办结', en: 'Resolve' },
  callback: { zh: '回访', en: 'Callback' },
  return_window: { zh: '退单时限', en: 'Return window' },
};

/** "2天3小时" / "45分钟": office time is shown in office-time units, 7 hours to the day. */
export function formatDuration(ms: number, lang: 'zh' | 'en', officeDayHours = 7): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / (officeDayHours * 60));
  const hours = Math.floor((minutes - days * officeDayHours * 60) / 60);
  const mins = minutes % 60;
  const parts = lang === 'zh'
    ? [days ? `${days}个工作日` : '', hours ? `${hours}小时` : '', !days && mins ? `${mins}分钟` : '']
    : [days ? `${days} wd` : '', hours ? `${hours} h` : '', !days && mins ? `${mins} min` : ''];
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ') || (lang === 'zh' ? '0分钟' : '0 min');
}

export interface ClockLike {
  kind: string;
  deadline: string | Date;
  timeLeftMs: number | null;
  warnedAt: string | Date | null;
  overdueAt: string | Date | null;
  status: { state: string };
}

/** Green while on time, yellow past the warning, red when overdue; met and stopped clocks say so. */
export function ClockTag({ clock }: { clock: ClockLike }) {
  const { lang } = useI18n();
  const deadline = formatDeadline(clock.deadline, lang);
  const state = clock.status.state;
  if (state === 'met') return <Tag color={clock.overdueAt ? 'red' : 'green'}>{lang === 'zh' ? (clock.overdueAt ? '超时完成' : '按时完成') : (clock.overdueAt ? 'Met late' : 'Met')}</Tag>;
  if (state === 'stopped') return <Tag>{lang === 'zh' ? '已停止' : 'Stopped'}</Tag>;
  const left = clock.timeLeftMs;
  const color = clock.overdueAt || (left !== null && left < 0) ? 'red' : clock.warnedAt ? 'gold' : 'green';
  const text = left === null ? deadline
    : left < 0 ? (lang === 'zh' ? `已超时 ${formatDuration(left, lang)}` : `${formatDuration(left, lang)} overdue`)
      : (lang === 'zh' ? `剩余 ${formatDuration(left, lang)}` : `${formatDuration(left, lang)} left`);
  return (
    <Tooltip title={`${lang === 'zh' ? '截止' : 'Due'} ${deadline}`}>
      <Tag color={color}>{state === 'paused' ? (lang === 'zh' ? '已挂起 · ' : 'Paused · ') : ''}{text}</Tag>
    </Tooltip>
  );
}
