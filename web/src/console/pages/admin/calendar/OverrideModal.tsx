/** Set one date apart from the year's schedule: a day off announced late, a local make-up day. */
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import { DAY_KIND_LABELS, type DayKind } from '../common';
import { FormModal } from '../FormModal';

export interface OverrideDraft { date: string | null; kind?: DayKind; name?: string }
interface Values { date: Dayjs; kind: DayKind; name: string }

export function OverrideModal({ draft, version, onClose, onSaved }: { draft: OverrideDraft | null; version: number; onClose(): void; onSaved(): void }) {
  const { t, lang } = useI18n();
  const submit = async (v: Values) => {
    await call(api.PUT('/api/v1/calendar/overrides/{date}', {
      params: { path: { date: v.date.format('YYYY-MM-DD') } }, body: { kind: v.kind, name: v.name.trim(), version },
    }));
    onSaved();
  };
  // A weekday usually becomes a day off, a weekend day a make-up working day.
  const suggested = (d: string | null): DayKind => (d && [0, 6].includes(dayjs(d).day()) ? 'adjusted_workday' : 'holiday');
  return (
    <FormModal<Values> open={draft !== null} width={520} onClose={onClose} onSubmit={submit}
      title={draft?.date ? t('admCalOverrideFor', { date: draft.date }) : t('admCalOverrideNew')}
      initialValues={draft ? { date: draft.date ? dayjs(draft.date) : undefined, kind: draft.kind ?? suggested(draft.date), name: draft.name ?? '' } : undefined}>
      <Form.Item name="date" label={t('admCalDate')} rules={[{ required: true, message: t('admRequired') }]}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabled={!!draft?.date} />
      </Form.Item>
      <Form.Item name="kind" label={t('admCalKind')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid"
          options={(['holiday', 'adjusted_workday', 'workday', 'weekend'] as DayKind[]).map((k) => ({ value: k, label: DAY_KIND_LABELS[k][lang] }))} />
      </Form.Item>
      <Form.Item name="name" label={t('admCalOverrideName')} extra={t('admCalOverrideNameHint')} rules={[{ required: true, whitespace: true, message: t('admRequired') }]}>
        <Input maxLength={50} />
      </Form.Item>
    </FormModal>
  );
}
