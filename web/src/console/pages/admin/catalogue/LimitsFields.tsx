/** The time limits of a service (CLOCKS.md): one row per clock; an empty amount means no such clock. */
import { Checkbox, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { LIMIT_KIND_LABELS, LIMIT_KINDS, LIMIT_UNIT_LABELS, LIMIT_UNITS, type LimitKind, type LimitUnit, type ServiceLimits } from '../common';

interface LimitRow { amount?: number | null; unit: LimitUnit; natural?: boolean }
export interface LimitsForm {
  rows: Record<LimitKind, LimitRow>;
  maxExtensions?: number | null;
  maxExtensionWorkingDays?: number | null;
  pauseNeedsApproval?: boolean;
}

// The usual unit of each clock when a new one is filled in.
const DEFAULT_UNIT: Record<LimitKind, LimitUnit> = { acknowledge: 'hours', firstContact: 'working_days', resolve: 'working_days', callback: 'working_days', returnWindow: 'working_days' };

export function limitsToForm(l: ServiceLimits): LimitsForm {
  const rows = {} as Record<LimitKind, LimitRow>;
  for (const k of LIMIT_KINDS) rows[k] = l[k] ? { amount: l[k].amount, unit: l[k].unit, natural: l[k].natural ?? false } : { amount: null, unit: DEFAULT_UNIT[k], natural: false };
  return { rows, maxExtensions: l.maxExtensions ?? null, maxExtensionWorkingDays: l.maxExtensionWorkingDays ?? null, pauseNeedsApproval: l.pauseNeedsApproval ?? false };
}

export function limitsFromForm(f: LimitsForm): ServiceLimits {
  const out: ServiceLimits = {};
  for (const k of LIMIT_KINDS) {
    const r = f.rows[k];
    if (!r?.amount) continue;
    // Natural (around-the-clock) time only applies to hours and minutes; the server refuses it elsewhere.
    const natural = (r.unit === 'hours' || r.unit === 'minutes') && r.natural ? { natural: true } : {};
    out[k] = { amount: r.amount, unit: r.unit, ...natural };
  }
  if (f.maxExtensions !== null && f.maxExtensions !== undefined) out.maxExtensions = f.maxExtensions;
  if (f.maxExtensionWorkingDays) out.maxExtensionWorkingDays = f.maxExtensionWorkingDays;
  if (f.pauseNeedsApproval) out.pauseNeedsApproval = true;
  return out;
}

export function LimitsFields() {
  const { t, lang } = useI18n();
  const unitOptions = LIMIT_UNITS.map((u) => ({ value: u, label: LIMIT_UNIT_LABELS[u][lang] }));
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0' }}>
      <legend style={{ fontSize: 14, fontWeight: 600, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>{t('admCatLimits')}</legend>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('admCatLimitsHint')}</Typography.Paragraph>
      {LIMIT_KINDS.map((k) => (
        <Space key={k} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
          <label htmlFor={`limit-${k}`} style={{ display: 'inline-block', width: 80 }}>{LIMIT_KIND_LABELS[k][lang]}</label>
          <Space.Compact>
            <Form.Item name={['limits', 'rows', k, 'amount']} noStyle>
              <InputNumber id={`limit-${k}`} min={1} max={10000} precision={0} placeholder={t('admCatNoClock')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={['limits', 'rows', k, 'unit']} noStyle>
              <Select options={unitOptions} style={{ width: 120 }} aria-label={`${LIMIT_KIND_LABELS[k][lang]} ${t('admCatUnitOfLimit')}`} />
            </Form.Item>
          </Space.Compact>
          <Form.Item noStyle shouldUpdate={(a: { limits?: LimitsForm }, b: { limits?: LimitsForm }) => a.limits?.rows[k]?.unit !== b.limits?.rows[k]?.unit}>
            {({ getFieldValue }) => {
              const unit = getFieldValue(['limits', 'rows', k, 'unit']) as LimitUnit;
              return unit === 'hours' || unit === 'minutes'
                ? <Form.Item name={['limits', 'rows', k, 'natural']} valuePropName="checked" noStyle><Checkbox>{t('admCatNatural')}</Checkbox></Form.Item>
                : null;
            }}
          </Form.Item>
        </Space>
      ))}
      <Space wrap size="large" style={{ margin: '12px 0' }}>
        <Form.Item name={['limits', 'maxExtensions']} label={t('admCatMaxExtensions')} style={{ marginBottom: 0 }}>
          <InputNumber min={0} max={10} precision={0} placeholder="1" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name={['limits', 'maxExtensionWorkingDays']} label={t('admCatMaxExtensionDays')} style={{ marginBottom: 0 }}>
          <InputNumber min={1} max={60} precision={0} placeholder="10" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name={['limits', 'pauseNeedsApproval']} label={t('admCatPauseApproval')} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch />
        </Form.Item>
      </Space>
    </fieldset>
  );
}
