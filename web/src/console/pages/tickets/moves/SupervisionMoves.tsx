/** Supervision's moves: decide an extension, urge the units at work, put the ticket under formal supervision. */
import { Alert, Descriptions, Form, Input, Radio, Select } from 'antd';
import { formatFull } from '../../../components/TicketFormat';
import { postMove, TicketMoveModal } from '../../../components/TicketMoveModal';
import { useI18n } from '../../../i18n';
import type { MoveProps } from './moveProps';

const text = (max: number, message: string) => [{ required: true, whitespace: true, message }, { max }];

export function DecideExtensionMove(p: MoveProps) {
  const { t, lang } = useI18n();
  const pending = p.ticket.extensions.filter((e) => e.decision === null);
  const unitOf = (assignmentId: number) => p.ticket.assignments.find((a) => a.id === assignmentId)?.unitName ?? '';
  const first = pending[0];
  return (
    <TicketMoveModal<{ extensionId: number; approve: boolean; note?: string }> title={t('tkMoveDecideExtension')} open={p.open} onClose={p.onClose} width={620}
      initialValues={{ extensionId: first?.id, approve: true }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/decide-extension', p.ticket.id, { extensionId: v.extensionId, approve: v.approve, note: v.note?.trim() ?? '' }))}
      intro={first && pending.length === 1 ? (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} items={[
          { key: 'unit', label: t('tkExtUnit'), children: unitOf(first.assignmentId) },
          { key: 'days', label: t('tkMoveExtendDays'), children: `${first.workingDays} ${t('tkWorkingDays')}` },
          { key: 'reason', label: t('tkMoveExtendReason'), children: first.reason },
          { key: 'at', label: t('tkExtRequestedAt'), children: formatFull(first.requestedAt, lang) },
        ]} />
      ) : undefined}>
      <Form.Item name="extensionId" label={t('tkExtRequest')} hidden={pending.length <= 1} rules={[{ required: true }]}>
        <Select options={pending.map((e) => ({ value: e.id, label: `${unitOf(e.assignmentId)} · ${e.workingDays} ${t('tkWorkingDays')} · ${e.reason}` }))} />
      </Form.Item>
      <Form.Item name="approve" label={t('tkArbDecision')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: t('tkExtApprove') }, { value: false, label: t('tkExtRefuse') }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: { approve?: boolean }, b: { approve?: boolean }) => a.approve !== b.approve}>
        {({ getFieldValue }) => (
          <Form.Item name="note" label={t('tkExtNote')} rules={getFieldValue('approve') === false ? text(1000, t('tkExtNoteRequired')) : [{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        )}
      </Form.Item>
    </TicketMoveModal>
  );
}

export function UrgeMove(p: MoveProps) {
  const { t } = useI18n();
  const active = [...new Map(p.ticket.assignments.filter((a) => a.status === 'pending' || a.status === 'acknowledged').map((a) => [a.unitId, a.unitName])).entries()];
  return (
    <TicketMoveModal<{ message: string; unitIds?: number[] }> title={t('tkMoveUrge')} open={p.open} onClose={p.onClose}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/urge', p.ticket.id, { message: v.message.trim(), ...(v.unitIds?.length ? { unitIds: v.unitIds } : {}) }))}>
      <Form.Item name="unitIds" label={t('tkMoveUrgeUnits')} extra={t('tkMoveUrgeUnitsExtra')}>
        <Select mode="multiple" allowClear options={active.map(([value, label]) => ({ value, label }))} placeholder={t('tkMoveUrgeAll')} />
      </Form.Item>
      <Form.Item name="message" label={t('tkMoveUrgeMessage')} rules={text(500, t('tkMoveUrgeMessageRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function SuperviseMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ message: string }> title={t('tkMoveSupervise')} open={p.open} onClose={p.onClose} danger
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/supervise', p.ticket.id, { message: v.message.trim() }))}
      intro={<Alert type="warning" showIcon title={t('tkMoveSuperviseIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="message" label={t('tkMoveSuperviseMessage')} rules={text(500, t('tkMoveSuperviseMessageRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}
