/** Overdue and warning work across units, one row per ticket; select several and urge (催办) or supervise (督办) them at once. */
import { AlertOutlined, BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { errorText, LoadError } from '../../components/PageState';
import { formatShort } from '../../components/TicketFormat';
import { CLOCK_LABELS, StatusTag } from '../../components/TicketTags';
import { useI18n } from '../../i18n';
import type { LateItem } from '../dashboard/statsTypes';

export interface LateTicket {
  ticketId: number; trackingCode: string; title: string; status: string; supervised: boolean; urgeCount: number;
  units: string[]; clocks: LateItem[];
}

/** The late queue lists clocks; supervision acts on tickets: one row per ticket, with all its late clocks. */
export function lateTickets(items: readonly LateItem[]): LateTicket[] {
  const by = new Map<number, LateTicket>();
  for (const c of items) {
    const row = by.get(c.ticketId) ?? {
      ticketId: c.ticketId, trackingCode: c.trackingCode, title: c.title, status: c.status, supervised: c.supervised, urgeCount: c.urgeCount, units: [], clocks: [],
    };
    row.clocks.push(c);
    if (c.unitName && !row.units.includes(c.unitName)) row.units.push(c.unitName);
    by.set(c.ticketId, row);
  }
  return [...by.values()];
}

type Verb = 'urge' | 'supervise';
interface Failure { trackingCode: string; reason: string }

export function LateWork({ overdue, warning, loading, error, onChanged }: {
  overdue: LateTicket[]; warning: LateTicket[]; loading: boolean; error: unknown; onChanged(): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<'overdue' | 'warning'>('overdue');
  const [selected, setSelected] = useState<number[]>([]);
  const [verb, setVerb] = useState<Verb | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [form] = Form.useForm<{ message: string }>();
  const rows = state === 'overdue' ? overdue : warning;
  const chosen = rows.filter((r) => selected.includes(r.ticketId));

  const open = (v: Verb) => {
    form.setFieldsValue({ message: v === 'urge' ? t('svUrgeDefault') : t('svSuperviseDefault') });
    setVerb(v);
  };

  // One call per ticket through the ticket's own verb endpoint, so each move has its own audit event.
  const run = async ({ message: text }: { message: string }) => {
    if (!verb) return;
    setBusy(true);
    const failed: Failure[] = [];
    for (const r of chosen) {
      try {
        const body = { message: text.trim() };
        if (verb === 'urge') await call(api.POST('/api/v1/tickets/{id}/urge', { params: { path: { id: r.ticketId } }, body }));
        else await call(api.POST('/api/v1/tickets/{id}/supervise', { params: { path: { id: r.ticketId } }, body }));
      } catch (e) {
        failed.push({ trackingCode: r.trackingCode, reason: errorText(e, lang) });
      }
    }
    setBusy(false);
    setVerb(null);
    setFailures(failed);
    const done = chosen.length - failed.length;
    if (done > 0) void message.success(t(verb === 'urge' ? 'svUrgedN' : 'svSupervisedN', { n: done }));
    setSelected([]);
    onChanged();
  };

  const columns: ColumnsType<LateTicket> = [
    {
      title: t('mwTicket'), key: 'ticket',
      render: (_, r) => (
        <div className="db-title-cell">
          <Link to={`/tickets/${r.ticketId}`} className="db-code">{r.trackingCode}</Link>
          <Link to={`/tickets/${r.ticketId}`} style={{ fontWeight: 500 }}>{r.title}</Link>
        </div>
      ),
    },
    { title: t('svUnits'), key: 'units', width: 180, render: (_, r) => (r.units.length ? r.units.join('、') : '—') },
    {
      title: t('svLateClocks'), key: 'clocks', width: 300,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          {r.clocks.map((c) => (
            <span key={c.clockId} className="db-clock">
              <Tag color={c.overdueAt ? 'red' : 'gold'}>{CLOCK_LABELS[c.kind]?.[lang] ?? c.kind} · {c.overdueAt ? t('svOverdueTag') : t('svWarningTag')}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('svDue', { at: formatShort(c.deadline, lang) })}{c.unitName ? ` · ${c.unitName}` : ''}</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    },
    { title: t('svStatus'), key: 'status', width: 120, render: (_, r) => <StatusTag status={r.status} /> },
    {
      title: t('svSupervision'), key: 'sup', width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.supervised ? <Tag color="volcano">{t('mwSupervised')}</Tag> : null}
          {r.urgeCount > 0 ? <Tooltip title={t('mwUrgedTip', { n: r.urgeCount })}><Tag>{t('svUrgedTimes', { n: r.urgeCount })}</Tag></Tooltip> : null}
          {!r.supervised && r.urgeCount === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </Space>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={state} onChange={(v) => { setState(v as typeof state); setSelected([]); }} options={[
          { value: 'overdue', label: `${t('svOverdueTickets')} ${overdue.length}` },
          { value: 'warning', label: `${t('svWarningTickets')} ${warning.length}` },
        ]} />
        <Typography.Text type="secondary">{t('svLateHint')}</Typography.Text>
      </Space>
      {selected.length > 0 && (
        <div className="db-bulkbar" role="region" aria-label={t('svBulk')}>
          <Typography.Text strong>{t('svSelected', { n: selected.length })}</Typography.Text>
          <Button type="primary" icon={<BellOutlined />} onClick={() => open('urge')}>{t('svUrgeBulk')}</Button>
          <Button danger icon={<AlertOutlined />} onClick={() => open('supervise')}>{t('svSuperviseBulk')}</Button>
          <Button type="link" onClick={() => setSelected([])}>{t('svClear')}</Button>
        </div>
      )}
      {failures.length > 0 && (
        <Alert type="warning" showIcon closable onClose={() => setFailures([])} style={{ marginBottom: 12 }} title={t('svSomeFailed', { n: failures.length })}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{failures.map((f) => <li key={f.trackingCode}>{f.trackingCode}：{f.reason}</li>)}</ul>} />
      )}
      {error && rows.length === 0 ? <LoadError error={error} onRetry={onChanged} /> : (
        <Table<LateTicket> rowKey="ticketId" size="middle" columns={columns} dataSource={rows} loading={loading && rows.length === 0}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
          rowClassName={() => `db-urgency-${state}`}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} scroll={{ x: 1000 }}
          locale={{ emptyText: state === 'overdue' ? t('svNoOverdue') : t('svNoWarning') }} />
      )}
      <Modal open={verb !== null} title={verb === 'urge' ? t('svUrgeTitle', { n: chosen.length }) : t('svSuperviseTitle', { n: chosen.length })}
        okText={verb === 'urge' ? t('svUrgeBulk') : t('svSuperviseBulk')} cancelText={t('cancel')} confirmLoading={busy}
        onCancel={() => setVerb(null)} onOk={() => form.submit()} destroyOnHidden>
        <Typography.Paragraph type="secondary">{chosen.map((r) => r.trackingCode).join('、')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={run}>
          <Form.Item name="message" label={t('svMessage')} rules={[{ required: true, whitespace: true, message: t('svMessageRequired') }, { max: 500 }]}
            extra={verb === 'supervise' ? t('svSuperviseExtra') : t('svUrgeExtra')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
