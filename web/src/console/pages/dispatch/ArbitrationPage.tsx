/**
 * 退单仲裁: units' returns waiting for the dispatcher, oldest first (they hold the ticket up). Accept and
 * say who takes the work, or refuse with a reason so the unit keeps it under its original deadlines.
 */
import { AuditOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { LoadError } from '../../components/PageState';
import { TicketArbitrateFields, type ArbitrateValues } from '../../components/TicketArbitrateFields';
import { label, RETURN_REASON_LABELS } from '../../components/TicketLabels';
import { postMove, TicketMoveModal } from '../../components/TicketMoveModal';
import type { ArbitrationItem } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { useLiveTickets } from '../../live';
import { useAsync } from '../../useAsync';
import '../../components/TicketStyles.css';
import { formatTime } from '../../components/TicketFormat';

export function ArbitrationPage() {
  const { t, lang } = useI18n();
  const queue = useAsync(() => call(api.GET('/api/v1/queues/arbitration')), []);
  const [deciding, setDeciding] = useState<ArbitrationItem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveTickets((e) => {
    if (e.action !== 'returned' && e.action !== 'return_decided') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => queue.reload(), 500);
  });

  const columns: ColumnsType<ArbitrationItem> = [
    {
      title: t('tkTrackingCode'), key: 'code', width: 190,
      render: (_, r) => (
        <div className="tk-title-cell">
          <Link to={`/tickets/${r.ticketId}`} className="tk-code">{r.trackingCode}</Link>
          <Typography.Text ellipsis>{r.title}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('tkArbReturnedBy'), key: 'unit', width: 190,
      render: (_, r) => <span>{r.unitName} <Tag color={r.role === 'lead' ? 'red' : 'blue'}>{r.role === 'lead' ? t('tkRoleLead') : t('tkRoleCo')}</Tag></span>,
    },
    {
      title: t('tkArbReason'), key: 'reason',
      render: (_, r) => (
        <div className="tk-title-cell">
          <span><Tag color="orange">{label(RETURN_REASON_LABELS, r.reasonCode, lang)}</Tag>{r.reason}</span>
          {r.evidence && <Tooltip title={r.evidence}><span className="tk-sub">{t('tkMoveReturnEvidence')}：{r.evidence}</span></Tooltip>}
        </div>
      ),
    },
    { title: t('tkArbReturnedAt'), key: 'at', width: 170, render: (_, r) => formatTime(r.returnedAt, lang) },
    {
      title: t('tkActions'), key: 'actions', width: 120, fixed: 'right',
      render: (_, r) => <Button type="primary" icon={<AuditOutlined />} onClick={() => setDeciding(r)}>{t('tkArbDecide')}</Button>,
    },
  ];

  return (
    <div className="tk-page">
      <div className="tk-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuArbitration')}</Typography.Title>
          <Typography.Text type="secondary">{t('tkArbSubtitle')}</Typography.Text>
        </div>
        <Button icon={<SyncOutlined spin={queue.loading} />} onClick={queue.reload}>{t('tkRefresh')}</Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        {queue.error && !queue.data ? <LoadError error={queue.error} onRetry={queue.reload} /> : (
          <Table<ArbitrationItem> rowKey="assignmentId" columns={columns} dataSource={queue.data ?? []} loading={queue.loading} pagination={false}
            scroll={{ x: 1000 }} locale={{ emptyText: t('tkArbEmpty') }} />
        )}
      </Card>
      {deciding && (
        <TicketMoveModal<ArbitrateValues> title={`${t('tkMoveArbitrate')} · ${deciding.trackingCode}`} open onClose={() => setDeciding(null)} width={640}
          initialValues={{ assignmentId: deciding.assignmentId, decision: 'accept' }}
          submit={async (v) => {
            await postMove('/api/v1/tickets/{id}/arbitrate', deciding.ticketId, v.decision === 'refuse'
              ? { assignmentId: v.assignmentId, decision: 'refuse', reason: v.reason!.trim() }
              : { assignmentId: v.assignmentId, decision: 'accept', leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] });
            queue.reload();
          }}>
          <TicketArbitrateFields returns={[{
            id: deciding.assignmentId, unitId: deciding.unitId, unitName: deciding.unitName, role: deciding.role,
            returnReasonCode: deciding.reasonCode, returnReason: deciding.reason, evidence: deciding.evidence,
          }]} />
        </TicketMoveModal>
      )}
    </div>
  );
}
