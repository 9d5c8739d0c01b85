/**
 * 本单位工单: the work given to the handler's unit and the units below it, the most urgent first, each
 * clock as time left in working time (green, yellow past the warning, red when overdue), with a quick
 * acknowledgement; and this month's scores the unit is measured on.
 */
import { CheckOutlined, ClockCircleOutlined, ExclamationCircleOutlined, InboxOutlined, PauseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { useAuth } from '../../auth';
import { errorText, LoadError } from '../../components/PageState';
import { formatShort } from '../../components/TicketFormat';
import { CLOCK_LABELS, ClockTag } from '../../components/TicketTags';
import { useI18n } from '../../i18n';
import { useLiveTickets } from '../../live';
import { useAsync } from '../../useAsync';
import { Drill } from '../dashboard/Drill';
import { pct, rateColor } from '../dashboard/format';
import type { WorkItem } from '../dashboard/statsTypes';
import '../dashboard/dashboard.css';

type Show = 'all' | 'pending' | 'warning' | 'overdue';

export function MyWorkPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const work = useAsync(() => call(api.GET('/api/v1/stats/unit-work', { params: { query: { limit: 500 } } })), []);
  const scores = useAsync(() => call(api.GET('/api/v1/stats/overview', { params: { query: { preset: 'this_month' } } })), []);
  const [show, setShow] = useState<Show>('all');
  const [acking, setAcking] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Work arriving or moving elsewhere shows at once; time left is recomputed by the server every minute.
  useLiveTickets(() => { clearTimeout(timer.current); timer.current = setTimeout(() => work.reload(), 600); });
  useEffect(() => {
    const every = setInterval(() => work.reload(), 60_000);
    return () => clearInterval(every);
  }, [work.reload]);

  const items = useMemo(() => (work.data?.items ?? []).filter((w) =>
    show === 'all' || (show === 'pending' ? w.assignmentStatus === 'pending' : w.urgency === show)), [work.data, show]);

  const acknowledge = async (w: WorkItem) => {
    setAcking(w.assignmentId);
    try {
      await call(api.POST('/api/v1/tickets/{id}/acknowledge', { params: { path: { id: w.ticketId } }, body: { assignmentId: w.assignmentId } }));
      void message.success(t('mwAcknowledged', { code: w.trackingCode }));
      work.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setAcking(null);
    }
  };

  const columns: ColumnsType<WorkItem> = [
    {
      title: t('mwTicket'), key: 'ticket',
      render: (_, w) => (
        <div className="db-title-cell">
          <Space size={6}>
            <Link to={`/tickets/${w.ticketId}`} className="db-code">{w.trackingCode}</Link>
            {w.supervised && <Tag color="volcano" bordered={false}>{t('mwSupervised')}</Tag>}
            {w.urgeCount > 0 && <Tooltip title={t('mwUrgedTip', { n: w.urgeCount })}><Badge count={w.urgeCount} color="#fa541c" size="small" offset={[2, -2]}><Tag bordered={false}>{t('mwUrged')}</Tag></Badge></Tooltip>}
          </Space>
          <Link to={`/tickets/${w.ticketId}`} style={{ fontWeight: 500 }}>{w.title}</Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{w.serviceName ?? t('mwUnclassified')} · {w.locationText}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('mwPart'), key: 'part', width: 170,
      render: (_, w) => (
        <div className="db-title-cell">
          <span><Tag color={w.role === 'lead' && !w.subAssigned ? 'red' : 'blue'} bordered={false}>{w.subAssigned ? t('mwSub') : w.role === 'lead' ? t('mwLead') : t('mwCo')}</Tag></span>
          {w.unitId !== me?.unitId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.unitName}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('mwState'), key: 'state', width: 150,
      render: (_, w) => (
        <Space direction="vertical" size={2}>
          {w.assignmentStatus === 'pending' ? <Tag color="geekblue">{t('mwPending')}</Tag> : <Tag color="processing">{t('mwHandling')}</Tag>}
          {w.extensionPending && <Tag color="purple" bordered={false}>{t('mwExtensionPending')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('mwDispatchedAt', { at: formatShort(w.dispatchedAt, lang) })}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('mwClocks'), key: 'clocks', width: 300,
      render: (_, w) => (w.clocks.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
        <div className="db-clocks">
          {w.clocks.map((c) => (
            <div key={c.id} className="db-clock">
              <span className="db-clock-kind">{CLOCK_LABELS[c.kind]?.[lang] ?? c.kind}</span>
              <ClockTag clock={c} />
            </div>
          ))}
        </div>
      )),
    },
    {
      title: t('mwActions'), key: 'actions', width: 150, fixed: 'right',
      render: (_, w) => (
        <Space>
          {w.assignmentStatus === 'pending' && w.unitId === me?.unitId && (
            <Button type="primary" size="small" icon={<CheckOutlined />} loading={acking === w.assignmentId} onClick={() => acknowledge(w)}>{t('mwAcknowledge')}</Button>
          )}
          <Link to={`/tickets/${w.ticketId}`}>{t('mwHandle')}</Link>
        </Space>
      ),
    },
  ];

  const c = work.data?.counts;
  const summary: Array<{ key: Show; label: string; value: number | undefined; color: string; icon: ReactNode }> = [
    { key: 'all', label: t('mwActive'), value: c?.active, color: '#1677ff', icon: <InboxOutlined /> },
    { key: 'pending', label: t('mwPending'), value: c?.pending, color: '#2f54eb', icon: <ClockCircleOutlined /> },
    { key: 'warning', label: t('mwWarning'), value: c?.warning, color: '#d48806', icon: <ExclamationCircleOutlined /> },
    { key: 'overdue', label: t('mwOverdue'), value: c?.overdue, color: '#cf1322', icon: <ExclamationCircleOutlined /> },
  ];
  const f = scores.data?.figures;

  return (
    <div className="db-page">
      <div className="db-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuMyWork')}</Typography.Title>
          <Typography.Text type="secondary">{t('mwSubtitle', { unit: work.data?.unitName ?? me?.unitName ?? '' })}</Typography.Text>
        </div>
        <Button icon={<SyncOutlined spin={work.loading} />} onClick={work.reload}>{t('dbRefresh')}</Button>
      </div>

      <div className="db-summary">
        {summary.map((s) => (
          <div key={s.key} role="button" tabIndex={0} className={`db-summary-card${show === s.key ? ' active' : ''}`} style={{ color: s.color }}
            onClick={() => setShow(s.key)} onKeyDown={(e) => { if (e.key === 'Enter') setShow(s.key); }} data-testid={`mw-${s.key}`}>
            <div className="db-summary-label">{s.icon}{s.label}</div>
            <div className="db-summary-value">{s.value ?? '—'}</div>
          </div>
        ))}
        {(c?.paused ?? 0) > 0 && (
          <div className="db-summary-card" style={{ color: '#8c8c8c', cursor: 'default' }}>
            <div className="db-summary-label"><PauseCircleOutlined />{t('mwPaused')}</div>
            <div className="db-summary-value">{c?.paused}</div>
          </div>
        )}
      </div>

      {f && (
        <div className="db-scoreline">
          <Typography.Text strong>{t('mwScores')}</Typography.Text>
          {([['dbResponse', f.response], ['dbOnTime', f.onTime], ['dbSatisfaction', f.satisfaction], ['dbClosedLoop', f.closedLoop]] as const).map(([k, r]) => (
            <span key={k}>{t(k)}{' '}
              <Drill filter={r.denominator > r.numerator ? r.missFilter : r.filter} title={`${r.numerator} / ${r.denominator}`}>
                <b style={{ color: rateColor(r.rate) }}>{pct(r.rate)}</b>
              </Drill>
            </span>
          ))}
          <span>{t('dbOverdue')} <Drill filter={f.overdue.filter}><b style={{ color: f.overdue.value ? '#cf1322' : undefined }}>{f.overdue.value}</b></Drill></span>
        </div>
      )}

      <Card styles={{ body: { padding: 0 } }}>
        {work.error && !work.data ? <LoadError error={work.error} onRetry={work.reload} /> : (
          <Table<WorkItem> rowKey="assignmentId" columns={columns} dataSource={items} loading={work.loading && !work.data}
            rowClassName={(w) => `db-urgency-${w.urgency}`} pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1000 }} locale={{ emptyText: t('mwEmpty') }} />
        )}
      </Card>
      {work.data && work.data.total > work.data.items.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('mwMore', { shown: work.data.items.length, total: work.data.total })}</Typography.Paragraph>
      )}
    </div>
  );
}
