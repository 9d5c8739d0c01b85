/** The dispatch desk's forms: assign with adjustments, and reject. */
import { Alert, Form, Input } from 'antd';
import { TicketAssignFields, type AssignValues } from '../../components/TicketAssignFields';
import { postMove, TicketMoveModal } from '../../components/TicketMoveModal';
import { useServices } from '../../components/TicketRefData';
import type { TicketListItem } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';

type Item = Pick<TicketListItem, 'id' | 'title' | 'serviceId' | 'suggestedServiceId' | 'trackingCode'>;

export function DispatchAssignModal({ item, coUnitIds, onClose, onDone }: { item: Item; coUnitIds: number[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const services = useServices();
  const serviceId = item.serviceId ?? item.suggestedServiceId ?? undefined;
  return (
    <TicketMoveModal<AssignValues> title={`${t('tkMoveAssign')} · ${item.trackingCode}`} open onClose={onClose} width={620}
      initialValues={{ serviceId, leadUnitId: services?.find((s) => s.id === serviceId)?.unitId, coUnitIds }}
      intro={<Alert type="info" showIcon title={item.title} style={{ marginBottom: 16 }} />}
      submit={async (v) => {
        await postMove('/api/v1/tickets/{id}/assign', item.id, {
          leadUnitId: v.leadUnitId!, coUnitIds: v.coUnitIds ?? [], ...(v.serviceId && v.serviceId !== item.serviceId ? { serviceId: v.serviceId } : {}),
        });
        onDone();
      }}>
      <TicketAssignFields needService={item.serviceId === null} />
    </TicketMoveModal>
  );
}

export function DispatchRejectModal({ item, onClose, onDone }: { item: Item; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ reason: string }> title={`${t('tkMoveReject')} · ${item.trackingCode}`} open onClose={onClose} danger
      intro={<Alert type="warning" showIcon title={t('tkMoveRejectIntro')} style={{ marginBottom: 16 }} />}
      submit={async (v) => { await postMove('/api/v1/tickets/{id}/reject', item.id, { reason: v.reason.trim() }); onDone(); }}>
      <Form.Item name="reason" label={t('tkMoveRejectReason')} rules={[{ required: true, whitespace: true, message: t('tkMoveRejectReasonRequired') }, { max: 500 }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}
