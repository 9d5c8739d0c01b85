/**
 * 派单台: tickets waiting for dispatch, newest first, each with the service the text suggests and that
 * service's unit. One click gives it to the suggested unit as lead (with any co-units picked in the row);
 * "adjust" opens the full form.
 */
import { SendOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { errorText, LoadError } from '../../components/PageState';
import { CHANNEL_LABELS, label } from '../../components/TicketLabels';
import { postMove } from '../../components/TicketMoveModal';
import { TicketUnitPicker } from '../../components/TicketPickers';
import { useServices } from '../../components/TicketRefData';
import type { TicketListItem } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { useLiveTickets } from '../../live';
import { useAsync } from '../../useAsync';
import '../../components/TicketStyles.css';
import { formatTime } from '../../components/TicketFormat';
import { useThrottled, useTicketPages } from '../tickets/useTicketPages';
import { DispatchAssignModal, DispatchRejectModal } from './DispatchModals';

const QUERY = { status: ['new' as const], limit: 50 };
const QUEUE_ACTIONS = new Set(['accepted', 'imported', 'assigned', 'rejected', 'merged', 'closed']);

function Expanded({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const detail = useAsync(() => call(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })), [id]);
  if (!detail.data) return <Typography.Text type="secondary">{detail.error ? errorText(detail.error, lang) : t('loading')}</Typography.Text>;
  const d = detail.data;
  return (
    <Descriptions size="small" column={2} items={[
      { key: 'desc', label: t('tkIntakeDescription'), span: 2, children: <span className="tk-prewrap tk-queue-desc">{d.description}</span> },
      { key: 'who', label: t('tkRequester'), children: `${d.requesterName} · ${d.requesterPhone}` },
      { key: 'where', label: t('tkIntakeLocation'), children: d.locationText },
    ]} />
  );
}

export function DispatchPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const services = useServices();
  const list = useTicketPages(QUERY);
  const [co, setCo] = useState<Record<number, number[]>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [adjust, setAdjust] = useState<TicketListItem | null>(null);
  const [reject, setReject] = useState<TicketListItem | null>(null);
  const refresh = useThrottled(list.reload, 2000);
  // Only moves that bring a ticket onto the desk or take it off change the queue.
  useLiveTickets((e) => { if (QUEUE_ACTIONS.has(e.action)) refresh(); });

  const suggestionOf = (r: TicketListItem) => {
    const id = r.serviceId ?? r.suggestedServiceId;
    return id ? services?.find((s) => s.id === id) : undefined;
  };

  const assign = async (r: TicketListItem) => {
    const s = suggestionOf(r);
    if (!s) return;
    setBusy(r.id);
    try {
      await postMove('/api/v1/tickets/{id}/assign', r.id, {
        leadUnitId: s.unitId, coUnitIds: (co[r.id] ?? []).filter((u) => u !== s.unitId), ...(r.serviceId ? {} : { serviceId: s.id }),
      });
      message.success(t('tkDispatchDone', { code: r.trackingCode, unit: s.unitName }));
      list.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<TicketListItem> = [
    {
      title: t('tkTrackingCode'), key: 'code', width: 200,
      render: (_, r) => (
        <div className="tk-title-cell">
          <Link to={`/tickets/${r.id}`} className="tk-code">{r.trackingCode}</Link>
          <span className="tk-sub">{formatTime(r.acceptedAt, lang)} · {label(CHANNEL_LABELS, r.channel, lang)}</span>
        </div>
      ),
    },
    {
      title: t('tkListRequest'), key: 'title',
      render: (_, r) => (
        <div className="tk-title-cell">
          <Typography.Text strong ellipsis>{r.title}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{r.locationText}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('tkDispatchSuggested'), key: 'suggested', width: 200,
      render: (_, r) => {
        const s = suggestionOf(r);
        if (!s) return <Tag>{t('tkDispatchNoSuggestion')}</Tag>;
        return (
          <div className="tk-title-cell">
            <span><Tag color={r.serviceId ? 'red' : 'blue'}>{r.serviceId ? t('tkDispatchClassified') : t('tkDispatchSuggestedTag')}</Tag>{s.name}</span>
            <span className="tk-sub">{t('tkLeadUnit')}：{s.unitName}</span>
          </div>
        );
      },
    },
    {
      title: t('tkCoUnits'), key: 'co', width: 200,
      render: (_, r) => (
        <TicketUnitPicker multiple value={co[r.id] ?? []} placeholder={t('tkDispatchCoOptional')} exclude={suggestionOf(r) ? [suggestionOf(r)!.unitId] : []}
          onChange={(v) => setCo((c) => ({ ...c, [r.id]: (v as number[] | undefined) ?? [] }))} />
      ),
    },
    {
      title: t('tkActions'), key: 'actions', width: 330,
      render: (_, r) => {
        const s = suggestionOf(r);
        return (
          <Space size={4}>
            {s
              ? <Button type="primary" icon={<SendOutlined />} loading={busy === r.id} onClick={() => void assign(r)} data-testid={`assign-${r.id}`}>{t('tkDispatchTo', { unit: s.unitName })}</Button>
              : <Button type="primary" onClick={() => setAdjust(r)}>{t('tkMoveAssign')}</Button>}
            {s && <Button onClick={() => setAdjust(r)}>{t('tkDispatchAdjust')}</Button>}
            <Button danger type="text" onClick={() => setReject(r)}>{t('tkMoveReject')}</Button>
          </Space>
        );
      },
    },
  ];

  return (
    <div className="tk-page">
      <div className="tk-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('menuDispatch')}</Typography.Title>
          <Typography.Text type="secondary">{t('tkDispatchSubtitle')}</Typography.Text>
        </div>
        <Button icon={<SyncOutlined spin={list.loading} />} onClick={list.reload}>{t('tkRefresh')}</Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        {list.error && !list.items.length ? <LoadError error={list.error} onRetry={list.reload} /> : (
          <Table<TicketListItem> rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={false} scroll={{ x: 1150 }}
            expandable={{ expandedRowRender: (r) => <Expanded id={r.id} /> }} locale={{ emptyText: t('tkDispatchEmpty') }} data-testid="dispatch-table" />
        )}
        <div className="tk-list-footer" style={{ padding: '12px 16px' }}>
          <Typography.Text type="secondary">{list.nextCursor ? t('tkListShownMore', { n: list.items.length }) : t('tkDispatchCount', { n: list.items.length })}</Typography.Text>
          {list.nextCursor && <Button onClick={list.loadMore} loading={list.loadingMore}>{t('tkListLoadMore')}</Button>}
        </div>
      </Card>
      {adjust && <DispatchAssignModal item={adjust} coUnitIds={co[adjust.id] ?? []} onClose={() => setAdjust(null)} onDone={list.reload} />}
      {reject && <DispatchRejectModal item={reject} onClose={() => setReject(null)} onDone={list.reload} />}
    </div>
  );
}
