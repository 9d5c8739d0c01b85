/** The units given the work, as a tree: lead and co-units, and below them the sub-units they handed it to. */
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ASSIGNMENT_STATUS_LABELS, label, RETURN_REASON_LABELS } from '../../components/TicketLabels';
import type { Assignment, TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { formatShort } from '../../components/TicketFormat';

type Row = Assignment & { children?: Row[] };

function tree(list: Assignment[]): Row[] {
  const byParent = new Map<number | null, Assignment[]>();
  for (const a of list) byParent.set(a.parentId, [...(byParent.get(a.parentId) ?? []), a]);
  const build = (parent: number | null): Row[] => (byParent.get(parent) ?? [])
    .sort((a, b) => b.round - a.round || (a.role === 'lead' ? -1 : 1) - (b.role === 'lead' ? -1 : 1) || a.id - b.id)
    .map((a) => {
      const children = build(a.id);
      return children.length ? { ...a, children } : { ...a };
    });
  return build(null);
}

export function TicketAssignments({ ticket }: { ticket: TicketDetail }) {
  const { t, lang } = useI18n();
  const rows = tree(ticket.assignments);
  const time = (v: string | null) => (v ? <span>{formatShort(v, lang)}</span> : <Typography.Text type="secondary">—</Typography.Text>);
  const columns: ColumnsType<Row> = [
    {
      title: t('tkAssignUnit'), key: 'unit', width: 220,
      render: (_, a) => (
        <Space size={6}>
          <span style={{ fontWeight: a.parentId === null && a.role === 'lead' ? 600 : undefined }}>{a.unitName}</span>
          <Tag color={a.parentId !== null ? 'cyan' : a.role === 'lead' ? 'red' : 'blue'}>
            {a.parentId !== null ? t('tkRoleSub') : a.role === 'lead' ? t('tkRoleLead') : t('tkRoleCo')}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('tkStatus'), key: 'status', width: 100,
      render: (_, a) => {
        const s = ASSIGNMENT_STATUS_LABELS[a.status];
        return <Tag color={s?.color}>{s?.[lang] ?? a.status}</Tag>;
      },
    },
    {
      title: t('tkAssignProgress'), key: 'progress', width: 230,
      render: (_, a) => (
        <div className="tk-steps">
          <span>{t('tkAssignDispatched')}</span>{time(a.dispatchedAt)}
          <span>{t('tkAssignAcknowledged')}</span>{time(a.acknowledgedAt)}
          <span>{t('tkAssignContacted')}</span>{time(a.firstContactAt)}
          {(a.doneAt || a.returnedAt) && <><span>{a.returnedAt ? t('tkAssignReturned') : t('tkAssignDone')}</span>{time(a.returnedAt ?? a.doneAt)}</>}
        </div>
      ),
    },
    {
      title: t('tkClockNotes'), key: 'notes',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.round > 1 && <Tag>{t('tkAssignRound', { n: a.round })}</Tag>}
          {a.returnReasonCode && (
            <Tooltip title={a.returnReason}>
              <Tag color="orange">{label(RETURN_REASON_LABELS, a.returnReasonCode, lang)}
                {a.returnDecision === 'accepted' ? ` · ${t('tkArbAccepted')}` : a.returnDecision === 'refused' ? ` · ${t('tkArbRefused')}` : ` · ${t('tkArbPending')}`}</Tag>
            </Tooltip>
          )}
          {a.extensionCount > 0 && <Tag color="purple">{t('tkAssignExtensions', { n: a.extensionCount })}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('tkAssignmentsCard')} size="small" styles={{ body: { padding: 0 } }} data-testid="ticket-assignments">
      <Table<Row> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 680 }}
        expandable={{ defaultExpandAllRows: true }} locale={{ emptyText: t('tkAssignmentsEmpty') }} />
    </Card>
  );
}
