/** Withdraw a service from a date: a version with active = false; tickets already accepted are unaffected. */
import { Alert, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../../../api/client';
import { useI18n } from '../../../i18n';
import type { ServiceVersion } from '../common';
import { FormModal } from '../FormModal';

export function DeactivateModal({ open, latest, onClose, onDone }: { open: boolean; latest: ServiceVersion; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const submit = async (v: { effectiveFrom?: Dayjs | null }) => {
    await call(api.POST('/api/v1/services/{id}/deactivate', {
      params: { path: { id: latest.id } }, body: { version: latest.version, effectiveFrom: v.effectiveFrom ? v.effectiveFrom.toISOString() : undefined },
    }));
    onDone();
  };
  return (
    <FormModal<{ effectiveFrom?: Dayjs | null }> open={open} title={t('admCatWithdrawTitle', { name: latest.name })} okText={t('admCatWithdraw')}
      onClose={onClose} onSubmit={submit} width={480}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('admCatWithdrawHint')} />
      <Form.Item name="effectiveFrom" label={t('admCatEffectiveFrom')} extra={t('admCatEffectiveHint')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} placeholder={t('admCatNow')} />
      </Form.Item>
    </FormModal>
  );
}
