/**
 * The deadline calculator: the same counting the clocks use, with its explanation, so an admin (or a
 * unit appealing a score) can see why a deadline falls where it does.
 */
import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import { DAY_KIND_LABELS, LIMIT_UNIT_LABELS, LIMIT_UNITS, type Deadline, type LimitUnit } from '../common';

interface Values { start: Dayjs; amount: number; unit: LimitUnit; natural?: boolean }

export function DeadlineCalculator({ calendarVersion }: { calendarVersion: number }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [asked, setAsked] = useState<Values | null>(null);
  const [answer, setAnswer] = useState<Deadline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = Form.useWatch('unit', form);

  const count = useCallback(async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      // Wall-clock time without an offset: the server reads it as Beijing time, as staff mean it.
      setAnswer(await call(api.GET('/api/v1/calendar/deadline', {
        params: { query: { start: v.start.format('YYYY-MM-DDTHH:mm'), amount: v.amount, unit: v.unit, natural: v.natural || undefined } },
      })));
    } catch (e) {
      setAnswer(null);
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }, [lang]);
  // A change to the calendar (an override, a loaded year) re-counts the last question at once.
  useEffect(() => { if (asked) void count(asked); }, [asked, calendarVersion, count]);

  return (
    <Card title={<Space><CalculatorOutlined />{t('admCalCalculator')}</Space>} style={{ height: '100%' }}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => setAsked({ ...v })}
        initialValues={{ start: dayjs().second(0).millisecond(0), amount: 5, unit: 'working_days', natural: false }}>
        <Space wrap align="end">
          <Form.Item name="start" label={t('admCalStart')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('admCalLimit')} required style={{ marginBottom: 8 }}>
            <Space.Compact>
              <Form.Item name="amount" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={10000} precision={0} style={{ width: 80 }} aria-label={t('admCalAmount')} />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select style={{ width: 120 }} aria-label={t('admCatUnitOfLimit')} options={LIMIT_UNITS.map((u) => ({ value: u, label: LIMIT_UNIT_LABELS[u][lang] }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {(unit === 'hours' || unit === 'minutes') && (
            <Form.Item name="natural" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('admCatNatural')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" loading={busy}>{t('admCalCount')}</Button>
          </Form.Item>
        </Space>
      </Form>
      <div aria-live="polite">
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
        {answer && (
          <div style={{ marginTop: 12, padding: 16, background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 8 }}>
            <Typography.Text type="secondary">{t('admCalDueAt')}</Typography.Text>
            <div data-testid="deadline" style={{ fontSize: 28, fontWeight: 700, color: '#135200', letterSpacing: 1 }}>{answer.deadlineLocal}</div>
            <ol style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
              {(lang === 'en' ? answer.explanation.en : answer.explanation.zh).map((line) => <li key={line}>{line}</li>)}
            </ol>
            {answer.skippedDays.length > 0 && (
              <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('admCalSkipped')}</Typography.Text>
                {answer.skippedDays.map((d) => (
                  <Tag key={d.date} color={d.override ? 'blue' : DAY_KIND_LABELS[d.kind].color}>{d.date.slice(5)} {d.name || DAY_KIND_LABELS[d.kind][lang]}</Tag>
                ))}
              </Space>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
