/**
 * 考核权重: how the composite score weighs response, resolution, satisfaction and on-time rates. The four
 * add up to 100%; the ranking recomputes with them from the stored clocks, so a change is explainable.
 */
import { TrophyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText, Loading, LoadError } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { useAsync } from '../../../useAsync';
import { shanghai } from '../common';

const KEYS = ['response', 'resolution', 'satisfaction', 'onTime'] as const;
type Key = (typeof KEYS)[number];
type Percent = Record<Key, number>;

const LABELS: Record<Key, { zh: string; en: string; color: string }> = {
  response: { zh: '响应率', en: 'Response rate', color: '#1677ff' },
  resolution: { zh: '解决率', en: 'Resolution rate', color: '#52c41a' },
  satisfaction: { zh: '满意率', en: 'Satisfaction rate', color: '#fa8c16' },
  onTime: { zh: '按期办结率', en: 'On-time rate', color: '#722ed1' },
};

export function ScoringPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Percent>();
  const current = useAsync(() => call(api.GET('/api/v1/stats/weights')), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Partial<Percent> | undefined;
  const sum = KEYS.reduce((n, k) => n + (values?.[k] ?? 0), 0);

  if (current.error && !current.data) return <LoadError error={current.error} onRetry={current.reload} />;
  if (!current.data) return <Loading />;
  const initial = Object.fromEntries(KEYS.map((k) => [k, Math.round(current.data!.weights[k] * 1000) / 10])) as Percent;

  const save = async (v: Percent) => {
    setBusy(true);
    setError(null);
    try {
      await call(api.PUT('/api/v1/stats/weights', { body: Object.fromEntries(KEYS.map((k) => [k, v[k] / 100])) as Percent }));
      void message.success(t('admScoreSaved'));
      current.reload();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Space><TrophyOutlined />{t('menuScoring')}</Space>} style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('admScoreHint')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {current.data.isDefault ? t('admScoreDefault') : t('admScoreUpdated', { at: shanghai(current.data.updatedAt) })}
      </Typography.Paragraph>
      <div aria-live="assertive">{error && <Alert type="error" showIcon title={t('admRefused')} description={error} style={{ marginBottom: 16 }} />}</div>
      <Form<Percent> form={form} layout="horizontal" labelCol={{ flex: '140px' }} initialValues={initial} onFinish={save}>
        {KEYS.map((k) => (
          <Form.Item key={k} label={LABELS[k][lang]} style={{ marginBottom: 12 }}>
            <Space>
              <Form.Item name={k} noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={100} step={5} precision={1} suffix="%" style={{ width: 120 }} aria-label={LABELS[k][lang]} />
              </Form.Item>
              <Progress percent={values?.[k] ?? 0} showInfo={false} strokeColor={LABELS[k].color} style={{ width: 260 }} />
            </Space>
          </Form.Item>
        ))}
        <Form.Item label={t('admScoreSum')}>
          <Typography.Text strong type={Math.abs(sum - 100) < 0.05 ? 'success' : 'danger'} aria-live="polite">
            {sum.toFixed(1)}%{Math.abs(sum - 100) < 0.05 ? '' : ` · ${t('admScoreMustBe100')}`}
          </Typography.Text>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={Math.abs(sum - 100) >= 0.05}>{t('save')}</Button>
          <Button onClick={() => form.setFieldsValue(initial)}>{t('reset')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
