/**
 * A new service (version 1) or the next version of one. Fields start from the latest version; the new
 * version is in force from the chosen instant (now by default), and tickets accepted before keep theirs.
 */
import { Alert, Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import { shanghai, type ServiceVersion, type Unit } from '../common';
import { FormModal } from '../FormModal';
import { buildUnitTree, unitOptions } from '../unitTree';
import { LimitsFields, limitsFromForm, limitsToForm, type LimitsForm } from './LimitsFields';

export type VersionMode = { kind: 'create' } | { kind: 'version'; latest: ServiceVersion };

interface Values {
  code: string; name: string; groupName: string; description?: string; keywords?: string[]; unitId: number;
  effectiveFrom?: Dayjs | null; limits: LimitsForm;
}

export function VersionFormModal({ open, mode, units, onClose, onSaved }: { open: boolean; mode: VersionMode; units: readonly Unit[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const options = useMemo(() => unitOptions(buildUnitTree(units.filter((u) => u.active)), t('admInactiveMark')), [units, t]);
  const latest = mode.kind === 'version' ? mode.latest : null;
  const submit = async (v: Values) => {
    const effectiveFrom = v.effectiveFrom ? v.effectiveFrom.toISOString() : undefined;
    const common = {
      name: v.name.trim(), groupName: v.groupName.trim(), description: v.description?.trim() ?? '',
      keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean), unitId: v.unitId, limits: limitsFromForm(v.limits), effectiveFrom,
    };
    if (latest) {
      await call(api.POST('/api/v1/services/{id}/versions', { params: { path: { id: latest.id } }, body: { version: latest.version, ...common } }));
    } else {
      await call(api.POST('/api/v1/services', { body: { code: v.code.trim(), ...common } }));
    }
    onSaved();
  };
  const initial: Partial<Values> = latest
    ? { ...latest, limits: limitsToForm(latest.limits), effectiveFrom: null }
    : { limits: limitsToForm({ resolve: { amount: 5, unit: 'working_days' }, acknowledge: { amount: 2, unit: 'hours' } }), keywords: [] };
  return (
    <FormModal<Values> open={open} width={820} onClose={onClose} onSubmit={submit} initialValues={initial}
      title={latest ? t('admCatAddVersionTitle', { name: latest.name, version: latest.version + 1 }) : t('admCatNew')}>
      {latest && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={t('admCatVersionHint', { version: latest.version, at: shanghai(latest.effectiveFrom) })} />
      )}
      <Row gutter={16}>
        {!latest && (
          <Col span={8}>
            <Form.Item name="code" label={t('admCatCode')} rules={[{ required: true, message: t('admRequired') }, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('admCodePattern') }]}>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
        )}
        <Col span={latest ? 12 : 8}>
          <Form.Item name="name" label={t('admCatName')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={latest ? 12 : 8}>
          <Form.Item name="groupName" label={t('admCatGroup')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="unitId" label={t('admCatUnit')} rules={[{ required: true, message: t('admRequired') }]}>
            <TreeSelect treeData={options} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder={t('admPickUnit')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="effectiveFrom" label={t('admCatEffectiveFrom')} extra={t('admCatEffectiveHint')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} placeholder={t('admCatNow')}
              disabledDate={(d) => (latest ? d.isBefore(dayjs(latest.effectiveFrom), 'day') : false)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="keywords" label={t('admCatKeywords')} extra={t('admCatKeywordsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="description" label={t('admCatDescription')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <LimitsFields />
    </FormModal>
  );
}
