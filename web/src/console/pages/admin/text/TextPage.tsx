/**
 * 智能分类: how well the service classifier reads tickets (its held-out figures), how often dispatchers
 * kept what it suggested, the confidence above which intake assigns on its own, and a box to try a text.
 * Retraining runs on the server (`mashangban train`), where it cannot hold up the console.
 */
import { ExperimentOutlined, RobotOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, InputNumber, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText, Loading, LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { shanghai } from '../common';
import { TryText } from './TryText';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const DAY = 86_400_000;

export function TextPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | 'all'>(30);
  const metrics = useAsync(() => call(api.GET('/api/v1/text/metrics', {
    params: { query: days === 'all' ? {} : { from: new Date(Date.now() - days * DAY).toISOString() } },
  })), [days]);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  if (metrics.error && !metrics.data) return <LoadError error={metrics.error} onRetry={metrics.reload} />;
  if (!metrics.data) return <Loading />;
  const m = metrics.data;
  const held = m.model?.metrics.heldOut ?? null;
  const shown = threshold ?? m.autoAssignThreshold;

  const save = async () => {
    setBusy(true);
    try {
      await call(api.PUT('/api/v1/text/settings', { body: { autoAssignThreshold: shown } }));
      void message.success(t('admTextThresholdSaved'));
      setThreshold(null);
      metrics.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="text-page">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<Space><RobotOutlined />{t('admTextModel')}</Space>} style={{ height: '100%' }}>
            {!m.model ? <Alert type="info" showIcon title={t('admTextNoModel')} description={<Typography.Text code>npx mashangban train</Typography.Text>} /> : (
              <>
                <Descriptions size="small" column={2} items={[
                  { key: 'v', label: t('admTextVersion'), children: `v${m.model.version}` },
                  { key: 'at', label: t('admTextTrainedAt'), children: shanghai(m.model.createdAt) },
                  { key: 'n', label: t('admTextTrainedOn'), children: m.model.trainedOn },
                  { key: 'c', label: t('admTextClasses'), children: m.model.metrics.classes },
                ]} />
                {held ? (
                  <Row gutter={16} style={{ marginTop: 8 }}>
                    <Col span={6}><Statistic title={t('admTextMacroF1')} value={pct(held.macroF1)} /></Col>
                    <Col span={6}><Statistic title={t('admTextAccuracy')} value={pct(held.accuracy)} /></Col>
                    <Col span={6}><Statistic title={t('admTextTop3')} value={pct(held.top3Accuracy)} /></Col>
                    <Col span={6}><Statistic title={t('admTextHeldOut')} value={held.count} /></Col>
                  </Row>
                ) : <Typography.Text type="secondary">{t('admTextNoHeldOut')}</Typography.Text>}
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('admTextRetrainHint')} <Typography.Text code>npx mashangban train</Typography.Text>
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('admTextThreshold')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('admTextThresholdHint')}</Typography.Paragraph>
            <Space wrap>
              <InputNumber aria-label={t('admTextThreshold')} min={0.5} max={1} step={0.01} value={shown} onChange={(v) => setThreshold(v ?? null)} style={{ width: 120 }} />
              <Button type="primary" loading={busy} disabled={threshold === null || threshold === m.autoAssignThreshold} onClick={() => void save()}>{t('save')}</Button>
              <Typography.Text type="secondary">{shown >= 1 ? t('admTextNever') : t('admTextAbove', { p: Math.round(shown * 100) })}</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title={t('admTextAcceptance')} extra={(
        <Segmented value={days} onChange={(v) => setDays(v as number | 'all')}
          options={[{ value: 30, label: t('hsLastDays', { n: 30 }) }, { value: 90, label: t('hsLastDays', { n: 90 }) }, { value: 'all', label: t('admTextAll') }]} />
      )}>
        {m.acceptance.suggested === 0 ? <Empty description={t('admTextNoSuggestions')} /> : (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}><Statistic title={t('admTextAcceptanceRate')} value={pct(m.acceptance.acceptanceRate)} /></Col>
              <Col xs={12} md={6}><Statistic title={t('admTextDecided')} value={m.acceptance.decided} suffix={`/ ${m.acceptance.suggested}`} /></Col>
              <Col xs={12} md={6}><Statistic title={t('admTextAuto')} value={m.acceptance.autoAssigned} /></Col>
              <Col xs={12} md={6}><Statistic title={t('admTextCorrected')} value={m.acceptance.autoCorrected} /></Col>
            </Row>
            <Table size="small" pagination={false} rowKey={(r) => `${r.source}-${r.modelVersion ?? 0}`} dataSource={m.bySource} columns={[
              { title: t('admTextSource'), key: 's', render: (_, r) => (r.source === 'model' ? t('admTextSourceModel', { v: r.modelVersion ?? '' }) : t('admTextSourceKeywords')) },
              { title: t('admTextSuggested'), dataIndex: 'suggested' },
              { title: t('admTextDecided'), dataIndex: 'decided' },
              { title: t('admTextAccepted'), dataIndex: 'accepted' },
              { title: t('admTextAcceptanceRate'), key: 'r', render: (_, r) => pct(r.acceptanceRate) },
              { title: t('admTextAuto'), dataIndex: 'autoAssigned' },
              { title: t('admTextCorrected'), dataIndex: 'autoCorrected' },
            ]} />
          </>
        )}
      </Card>
      <Card title={<Space><ExperimentOutlined />{t('admTextTry')}</Space>}>
        <TryText />
      </Card>
    </Space>
  );
}
