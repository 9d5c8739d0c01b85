/** Office hours: the working time that hour and minute limits count, and where a working day ends. */
import { ClockCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../../../api/client';
import { errorText } from '../../../components/PageState';
import { useI18n } from '../../../i18n';
import type { CalendarOverview } from '../common';

type Period = CalendarOverview['officeHours']['periods'][number];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function OfficeHoursCard({ hours, version, onSaved }: { hours: CalendarOverview['officeHours']; version: number; onSaved(): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ periods: Period[] }>();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = hours.periods.reduce((n, p) => n + minutes(p.end) - minutes(p.start), 0);
  const save = async (v: { periods: Period[] }) => {
    setBusy(true);
    setError(null);
    try {
      await call(api.PUT('/api/v1/calendar/office-hours', { body: { periods: v.periods, version } }));
      setEditing(false);
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<Space><ClockCircleOutlined />{t('admCalOfficeHours')}</Space>} style={{ height: '100%' }}
      extra={!editing && <Button onClick={() => { form.setFieldsValue({ periods: hours.periods }); setEditing(true); }}>{t('admEdit')}</Button>}>
      {!editing ? (
        <Space orientation="vertical" size={12}>
          <Space wrap>{hours.periods.map((p) => <Tag key={p.start} style={{ fontSize: 16, padding: '4px 10px' }}>{p.start} – {p.end}</Tag>)}</Space>
          <Typography.Text type="secondary">
            {t('admCalOfficeTotal', { h: Math.floor(total / 60), m: total % 60 })}{hours.isDefault ? ` · ${t('admCalOfficeDefault')}` : ''}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>{t('admCalOfficeHint')}</Typography.Paragraph>
        </Space>
      ) : (
        <Form form={form} onFinish={save} layout="inline">
          <div aria-live="assertive" style={{ width: '100%' }}>{error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}</div>
          <Form.List name="periods">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'start']} rules={[{ required: true, pattern: CLOCK, message: 'HH:MM' }]}>
                      <Input style={{ width: 90 }} aria-label={t('admCalPeriodStart', { n: i + 1 })} placeholder="09:00" />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item name={[f.name, 'end']} rules={[{ required: true, pattern: CLOCK, message: 'HH:MM' }]}>
                      <Input style={{ width: 90 }} aria-label={t('admCalPeriodEnd', { n: i + 1 })} placeholder="17:30" />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('admRemove')} />}
                  </Space>
                ))}
                <Space>
                  {fields.length < 6 && <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })}>{t('admCalAddPeriod')}</Button>}
                  <Button onClick={() => { setEditing(false); setError(null); }}>{t('cancel')}</Button>
                  <Button type="primary" htmlType="submit" loading={busy}>{t('save')}</Button>
                </Space>
              </Space>
            )}
          </Form.List>
        </Form>
      )}
    </Card>
  );
}
