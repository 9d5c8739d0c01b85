/**
 * Every clock of the ticket: the promise to the requester and each unit's own limits, with the deadline,
 * the time left in working time, and what moved it (pauses, extensions). Then the pauses and extension
 * requests themselves.
 */
import { Card, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { label, LIMIT_UNIT_LABELS } from '../../components/TicketLabels';
import { CLOCK_LABELS, ClockTag, formatDuration } from '../../components/TicketTags';
import type { Clock, TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { formatShort, formatTime } from '../../components/TicketFormat';

const KIND_ORDER = ['sla', 'callback', 'acknowledge', 'first_contact', 'resolve', 'return_window'];

export function TicketClocks({ ticket }: { ticket: TicketDetail }) {
  const { t, lang } = useI18n();
  const unitOf = (c: Clock) => ticket.assignments.find((a) => a.id === c.assignmentId);
  const ownerOf = (c: Clock) => (c.assignmentId !== null ? unitOf(c)?.unitName ?? '' : c.kind === 'callback' ? t('tkClockCallback') : t('tkClockPlatform'));
  // The requester's promise first, then each unit's clocks together, in the order the work was given.
  const rows = [...ticket.clocks].sort((a, b) =>
    (a.assignmentId ?? 0) - (b.assignmentId ?? 0) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const group = (c: Clock) => (c.assignmentId === null ? `p:${c.kind === 'callback' ? 'callback' : 'sla'}` : `a:${c.assignmentId}`);
  const span = (i: number) => {
    const g = group(rows[i]!);
    if (i > 0 && group(rows[i - 1]!) === g) return 0;
    let n = 1;
    while (i + n < rows.length && group(rows[i + n]!) === g) n++;
    return n;
  };
  const columns: ColumnsType<Clock> = [
    {
      title: t('tkClockOwner'), key: 'owner', width: 130, onCell: (_, i) => ({ rowSpan: span(i ?? 0), className: 'tk-owner-cell' }),
      render: (_, c) => {
        const a = unitOf(c);
        return (
          <div className="tk-title-cell">
            <span>{ownerOf(c)}</span>
            {a && <span className="tk-sub">{a.parentId !== null ? t('tkRoleSub') : a.role === 'lead' ? t('tkRoleLead') : t('tkRoleCo')}</span>}
          </div>
        );
      },
    },
    { title: t('tkClockKind'), key: 'kind', width: 100, render: (_, c) => CLOCK_LABELS[c.kind]?.[lang] ?? c.kind },
    {
      title: t('tkClockLimit'), key: 'limit', width: 100,
      render: (_, c) => `${c.limit.amount} ${label(LIMIT_UNIT_LABELS, c.limit.unit, lang)}${c.limit.natural ? (lang === 'zh' ? '（全天候）' : ' (around the clock)') : ''}`,
    },
    {
      title: t('tkClockDeadline'), key: 'deadline', width: 130,
      render: (_, c) => (
        <div className="tk-title-cell">
          <Tooltip title={formatTime(c.deadline, lang)}><span>{formatShort(c.deadline, lang)}</span></Tooltip>
          {c.originalDeadline !== c.deadline && <span className="tk-sub">{t('tkClockOriginal', { at: formatShort(c.originalDeadline, lang) })}</span>}
        </div>
      ),
    },
    { title: t('tkClockLeft'), key: 'left', width: 160, render: (_, c) => <ClockTag clock={c} /> },
    {
      title: t('tkClockNotes'), key: 'notes',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.status.state === 'paused' && <Tag color="default">{t('tkClockPausedSince', { at: formatShort(c.status.pausedSince!, lang) })}{c.status.reason ? `：${c.status.reason}` : ''}</Tag>}
          {c.pausedMs > 0 && <Tag>{t('tkClockPausedTotal', { d: formatDuration(c.pausedMs, lang) })}</Tag>}
          {c.extendedDays > 0 && <Tag color="purple">{t('tkClockExtended', { n: c.extendedDays })}</Tag>}
          {c.status.state === 'met' && c.status.metAt && <Typography.Text type="secondary">{t('tkClockMetAt', { at: formatShort(c.status.metAt, lang) })}</Typography.Text>}
          {c.status.state === 'stopped' && <Typography.Text type="secondary">{c.status.reason}</Typography.Text>}
          {c.overdueAt && c.status.state !== 'met' && <Tag color="red">{t('tkClockOverdueAt', { at: formatShort(c.overdueAt, lang) })}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('tkClocksCard')} size="small" styles={{ body: { padding: 0 } }} data-testid="ticket-clocks">
      <Table<Clock> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 760 }} bordered
        locale={{ emptyText: t('tkClocksEmpty') }} />
    </Card>
  );
}

/** Pauses (from the trail) and extension requests (with their decisions). */
export function TicketPausesAndExtensions({ ticket, unitName }: { ticket: TicketDetail; unitName(id: number): string }) {
  const { t, lang } = useI18n();
  const pauses = ticket.events.filter((e) => e.action === 'paused' || e.action === 'resumed');
  const items = [
    ...pauses.map((e) => {
      const d = (e.data ?? {}) as { unitId?: number; reason?: string };
      return { key: `p${e.id}`, at: e.at, title: e.action === 'paused' ? t('tkPausedBy', { unit: unitName(Number(d.unitId)) }) : t('tkResumedBy', { unit: unitName(Number(d.unitId)) }), detail: d.reason ?? '', tag: null as React.ReactNode };
    }),
    ...ticket.extensions.map((x) => ({
      key: `x${x.id}`, at: x.requestedAt,
      title: t('tkExtensionBy', { unit: ticket.assignments.find((a) => a.id === x.assignmentId)?.unitName ?? '', n: x.workingDays }),
      detail: x.reason,
      tag: x.decision === null ? <Tag color="gold">{t('tkExtPending')}</Tag> : x.decision === 'approved' ? <Tag color="green">{t('tkExtApproved')}</Tag> : <Tag color="red">{t('tkExtRefused')}</Tag>,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (items.length === 0) return null;
  return (
    <Card title={t('tkPausesCard')} size="small">
      <List size="small" dataSource={items} renderItem={(i) => (
        <List.Item extra={i.tag}>
          <List.Item.Meta title={i.title} description={<><div className="tk-prewrap">{i.detail}</div><div className="tk-event-meta">{formatTime(i.at, lang)}</div></>} />
        </List.Item>
      )} />
    </Card>
  );
}
