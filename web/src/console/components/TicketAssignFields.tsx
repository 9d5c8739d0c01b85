/**
 * The fields of 分类交办 (classify and assign) and of re-assigning after a return: the service, the lead
 * unit (by default the service's own unit) and any co-units. Used on the dispatch desk and the ticket page.
 */
import { Form } from 'antd';
import { useI18n } from '../i18n';
import { TicketServicePicker, TicketUnitPicker } from './TicketPickers';
import { useServices } from './TicketRefData';

export interface AssignValues { serviceId?: number | null; leadUnitId?: number; coUnitIds?: number[] }

/** Sits inside a Form whose values are AssignValues. */
export function TicketAssignFields({ needService, withService = true, exclude }: { needService: boolean; withService?: boolean; exclude?: number[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<AssignValues>();
  const services = useServices();
  const lead = Form.useWatch('leadUnitId', form) as number | undefined;
  return (
    <>
      {withService && (
        <Form.Item name="serviceId" label={t('tkService')} rules={needService ? [{ required: true, message: t('tkAssignServiceRequired') }] : []}
          extra={needService ? t('tkAssignServiceExtra') : t('tkAssignServiceKeep')}>
          <TicketServicePicker onChange={(id) => {
            const unit = services?.find((s) => s.id === id)?.unitId;
            if (unit) form.setFields([{ name: 'leadUnitId', value: unit, errors: [] }]);
          }} />
        </Form.Item>
      )}
      <Form.Item name="leadUnitId" label={t('tkLeadUnit')} rules={[{ required: true, message: t('tkAssignLeadRequired') }]}>
        <TicketUnitPicker exclude={exclude} />
      </Form.Item>
      <Form.Item name="coUnitIds" label={t('tkCoUnits')} extra={t('tkAssignCoExtra')}
        rules={[{ validator: (_, v: number[] | undefined) => (v?.includes(lead ?? -1) ? Promise.reject(new Error(t('tkAssignCoNotLead'))) : Promise.resolve()) }]}>
        <TicketUnitPicker multiple exclude={[...(exclude ?? []), ...(lead ? [lead] : [])]} />
      </Form.Item>
    </>
  );
}
