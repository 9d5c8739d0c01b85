/** The list's filters: text, status, channel, unit, service, date range, overdue and supervised. */
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { CHANNEL_LABELS, options } from '../../components/TicketLabels';
import { TicketServicePicker, TicketUnitPicker } from '../../components/TicketPickers';
import { STATUS_LABELS } from '../../components/TicketTags';
import { STATUSES } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import type { TicketFilters } from './ticketFilters';

interface FormValues extends Omit<TicketFilters, 'from' | 'to'> { range?: [Dayjs | null, Dayjs | null] | null }

export function TicketFilterBar({ value, onChange }: { value: TicketFilters; onChange(f: TicketFilters): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    form.setFieldsValue({ ...value, range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null });
  }, [form, value]);
  const apply = () => {
    const { range, ...rest } = form.getFieldsValue(true) as FormValues;
    onChange({
      ...rest, q: rest.q?.trim() || undefined, overdue: rest.overdue || undefined, supervised: rest.supervised || undefined,
      from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
    });
  };
  const statusOptions = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s]![lang] }));
  return (
    <Form form={form} layout="vertical" className="tk-filters" onFinish={apply} onValuesChange={(changed: Partial<FormValues>) => { if (!('q' in changed)) apply(); }}>
      <Row gutter={12}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="q" label={t('tkListSearch')}>
            <Input.Search allowClear placeholder={t('tkListSearchPlaceholder')} onSearch={apply} enterButton={<SearchOutlined />} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="status" label={t('tkStatus')}>
            <Select mode="multiple" allowClear options={statusOptions} placeholder={t('tkListAllStatuses')} maxTagCount="responsive" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item name="channel" label={t('tkChannel')}>
            <Select allowClear options={options(CHANNEL_LABELS, lang)} placeholder={t('tkListAll')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="unitId" label={t('tkListUnit')}>
            <TicketUnitPicker placeholder={t('tkListAllUnits')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item name="serviceId" label={t('tkService')}>
            <TicketServicePicker placeholder={t('tkListAllServices')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="range" label={t('tkListAcceptedBetween')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={10}>
          <Form.Item label=" " colon={false}>
            <Space wrap size="middle">
              <Form.Item name="overdue" valuePropName="checked" noStyle><Checkbox>{t('tkListOverdueOnly')}</Checkbox></Form.Item>
              <Form.Item name="supervised" valuePropName="checked" noStyle><Checkbox>{t('tkListSupervisedOnly')}</Checkbox></Form.Item>
              <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); onChange({}); }}>{t('reset')}</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
