/** 延期审批: units' requests for more time, oldest first; approve or refuse with a note (a refusal must say why). */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { errorText, LoadError } from '../../components/PageState';
import { formatShort } from '../../components/TicketFormat';
import { useI18n } from '../../i18n';
import type { AsyncState } from '../../useAsync';
import type { ExtensionItem } from '../dashboard/statsTypes';

export function ExtensionQueue({ queue, onChanged }: { queue: AsyncState<ExtensionItem[]>; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ item: ExtensionItem; approve: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();

  const decide = async ({ note }: { note?: string }) => {
    if (!deciding) return;
    setBusy(true);
    try {
      await call(api.POST('/api/v1/tickets/{id}/decide-extension', {
        params: { path: { id: deciding.item.ticketId } },
        body: { extensionId: deciding.item.extensionId, approve: deciding.approve, note: note?.trim() ?? '' },
      }));
      void message.success(t(deciding.approve ? 'svExtApproved' : 'svExtRefused', { code: deciding.item.trackingCode }));
      setDeciding(null);
      onChanged();
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<ExtensionItem> = [
    {
      title: t('mwTicket'), key: 'ticket',
      render: (_, r) => (
        <div className="db-title-cell">
          <Link to={`/tickets/${r.ticketId}`} className="db-code">{r.trackingCode}</Link>
          <Link to={`/tickets/${r.ticketId}`} style={{ fontWeight: 500 }}>{r.title}</Link>
        </div>
      ),
    },
    { title: t('svExtUnit'), dataIndex: 'unitName', width: 150 },
    { title: t('svExtDays'), dataIndex: 'workingDays', width: 110, align: 'center', render: (n: number) => <Typography.Text strong>{t('svWorkingDays', { n })}</Typography.Text> },
    { title: t('svExtReason'), dataIndex: 'reason', render: (s: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s }} style={{ margin: 0 }}>{s}</Typography.Paragraph> },
    { title: t('svExtRequestedAt'), dataIndex: 'requestedAt', width: 130, render: (at: string) => formatShort(at, lang) },
    { title: t('svExtDeadline'), dataIndex: 'deadline', width: 130, render: (at: string | null) => (at ? formatShort(at, lang) : '—') },
    {
      title: t('mwActions'), key: 'actions', width: 190, fixed: 'right',
      render: (_, r) => (
        <Space>
          <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => { form.resetFields(); setDeciding({ item: r, approve: true }); }}>{t('svApprove')}</Button>
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => { form.resetFields(); setDeciding({ item: r, approve: false }); }}>{t('svRefuse')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: 0 } }}>
      {queue.error && !queue.data ? <LoadError error={queue.error} onRetry={queue.reload} /> : (
        <Table<ExtensionItem> rowKey="extensionId" size="middle" columns={columns} dataSource={queue.data ?? []} loading={queue.loading && !queue.data}
          pagination={false} scroll={{ x: 1000 }} locale={{ emptyText: t('svNoExtensions') }} />
      )}
      <Modal open={deciding !== null} confirmLoading={busy} onCancel={() => setDeciding(null)} onOk={() => form.submit()} destroyOnHidden
        title={deciding ? t(deciding.approve ? 'svApproveTitle' : 'svRefuseTitle', { code: deciding.item.trackingCode }) : ''}
        okText={deciding?.approve ? t('svApprove') : t('svRefuse')} okButtonProps={{ danger: deciding?.approve === false }} cancelText={t('cancel')}>
        {deciding && (
          <Typography.Paragraph type="secondary">
            {t('svExtSummary', { unit: deciding.item.unitName, n: deciding.item.workingDays, reason: deciding.item.reason })}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={decide}>
          <Form.Item name="note" label={t('svExtNote')}
            rules={deciding?.approve === false ? [{ required: true, whitespace: true, message: t('svExtNoteRequired') }, { max: 1000 }] : [{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={deciding?.approve ? t('svExtNoteApprove') : t('svExtNoteRefuse')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
