/**
 * 质量抽查: a random sample of recently closed tickets with the reply and the requester's rating. A pass is
 * recorded on the ticket; a failure reopens it (重办) to the unit that answered, with the reason.
 */
import { CheckOutlined, RedoOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { errorText, LoadError, Loading } from '../../components/PageState';
import { formatShort } from '../../components/TicketFormat';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../messages';
import { useAsync } from '../../useAsync';
import type { SpotItem } from '../dashboard/statsTypes';

const SATISFACTION: Record<string, { key: MessageKey; color: string }> = {
  satisfied: { key: 'svSatisfied', color: 'green' }, basic: { key: 'svBasic', color: 'cyan' }, unsatisfied: { key: 'svUnsatisfied', color: 'red' },
};
const RESOLVED: Record<string, { key: MessageKey; color: string }> = {
  yes: { key: 'svResolvedYes', color: 'green' }, partly: { key: 'svResolvedPartly', color: 'gold' }, no: { key: 'svResolvedNo', color: 'red' },
};
const newSeed = () => Math.random().toString(36).slice(2, 10);

export function SpotChecks() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [days, setDays] = useState(30);
  const [size, setSize] = useState(6);
  const [seed, setSeed] = useState(newSeed);
  const sample = useAsync(() => call(api.GET('/api/v1/stats/spot-checks', { params: { query: { days, size, seed } } })), [days, size, seed]);
  const [done, setDone] = useState<Record<number, 'passed' | 'failed'>>({});
  const [failing, setFailing] = useState<SpotItem | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  const record = async (s: SpotItem, passed: boolean, note?: string) => {
    setBusy(s.ticketId);
    try {
      await call(api.POST('/api/v1/stats/spot-checks', { body: { ticketId: s.ticketId, passed, ...(note ? { note } : {}) } }));
      setDone((d) => ({ ...d, [s.ticketId]: passed ? 'passed' : 'failed' }));
      void message.success(t(passed ? 'svSpotPassedMsg' : 'svSpotFailedMsg', { code: s.trackingCode }));
      setFailing(null);
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="large">
          <Space>
            <Typography.Text type="secondary">{t('svSpotRange')}</Typography.Text>
            <Segmented value={days} onChange={(v) => setDays(Number(v))} options={[7, 30, 90].map((d) => ({ value: d, label: t('svLastDays', { n: d }) }))} />
          </Space>
          <Space>
            <Typography.Text type="secondary">{t('svSpotSize')}</Typography.Text>
            <Segmented value={size} onChange={(v) => setSize(Number(v))} options={[6, 12, 24].map((n) => ({ value: n, label: String(n) }))} />
          </Space>
          <Button icon={<SwapOutlined />} onClick={() => { setSeed(newSeed()); setDone({}); }}>{t('svSpotAnother')}</Button>
          {sample.data && <Typography.Text type="secondary">{t('svSpotEligible', { n: sample.data.eligible })}</Typography.Text>}
        </Space>
      </Card>
      {sample.error && !sample.data ? <LoadError error={sample.error} onRetry={sample.reload} /> : !sample.data ? <Loading /> : sample.data.items.length === 0 ? (
        <Card><Empty description={t('svSpotNone')} /></Card>
      ) : (
        <Row gutter={[16, 16]}>
          {sample.data.items.map((s) => {
            const result = done[s.ticketId];
            return (
              <Col key={s.ticketId} xs={24} lg={12} xxl={8}>
                <Card className={`db-spot${result ? ' db-spot-done' : ''}`} size="small"
                  title={<Space size={8}><Link to={`/tickets/${s.ticketId}`} className="db-code">{s.trackingCode}</Link><span>{s.title}</span></Space>}
                  extra={result && <Tag color={result === 'passed' ? 'green' : 'red'}>{result === 'passed' ? t('svSpotPassed') : t('svSpotReopened')}</Tag>}
                  actions={result ? undefined : [
                    <Button key="pass" type="link" style={{ color: "#389e0d" }} icon={<CheckOutlined />} loading={busy === s.ticketId} onClick={() => record(s, true)}>{t('svSpotPass')}</Button>,
                    <Button key="fail" type="link" danger icon={<RedoOutlined />} onClick={() => { form.resetFields(); setFailing(s); }}>{t('svSpotFail')}</Button>,
                  ]}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.leadUnitName} · {s.serviceName ?? ''} · {t('svClosedAt', { at: formatShort(s.closedAt, lang) })}
                  </Typography.Text>
                  <div className="db-spot-label">{t('svSpotRequest')}</div>
                  <Typography.Paragraph className="db-spot-text" ellipsis={{ rows: 3, expandable: true, symbol: t('svMore') }} style={{ marginBottom: 0 }}>{s.description}</Typography.Paragraph>
                  <div className="db-spot-label">{t('svSpotReply')}</div>
                  <div className="db-spot-reply db-spot-text">{s.replyText}</div>
                  <div className="db-spot-label">{t('svSpotRating')}</div>
                  {s.ratingSatisfaction ? (
                    <Space size={4} wrap>
                      {s.ratingResolved && RESOLVED[s.ratingResolved] && <Tag color={RESOLVED[s.ratingResolved]!.color}>{t(RESOLVED[s.ratingResolved]!.key)}</Tag>}
                      {SATISFACTION[s.ratingSatisfaction] && <Tag color={SATISFACTION[s.ratingSatisfaction]!.color}>{t(SATISFACTION[s.ratingSatisfaction]!.key)}</Tag>}
                      {s.ratingComment && <Typography.Text type="secondary">“{s.ratingComment}”</Typography.Text>}
                    </Space>
                  ) : <Tag>{t('svConfirmedByCall')}</Tag>}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Modal open={failing !== null} title={failing ? t('svSpotFailTitle', { code: failing.trackingCode }) : ''} okText={t('svSpotFail')} okButtonProps={{ danger: true }}
        cancelText={t('cancel')} confirmLoading={busy !== null} onCancel={() => setFailing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('svSpotFailHint', { unit: failing?.leadUnitName ?? '' })}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => failing && record(failing, false, v.note.trim())}>
          <Form.Item name="note" label={t('svSpotFailReason')} rules={[{ required: true, whitespace: true, message: t('svSpotFailReasonRequired') }, { max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
