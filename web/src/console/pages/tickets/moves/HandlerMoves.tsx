/** A unit's moves on its own part of the work: acknowledge, contact, note, pause, resume, hand down, reply, return, ask for time. */
import { Alert, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { formatFull } from '../../../components/TicketFormat';
import { postMove, TicketMoveModal } from '../../../components/TicketMoveModal';
import { CONTACT_METHOD_LABELS, options, RETURN_REASON_LABELS } from '../../../components/TicketLabels';
import { TicketUnitPicker } from '../../../components/TicketPickers';
import { ReplyCheckHints } from '../../../components/ReplyCheckHints';
import { useI18n } from '../../../i18n';
import type { MoveProps } from './moveProps';

const target = (p: MoveProps) => (p.mine ? { assignmentId: p.mine.id } : {});
const text = (max: number, message: string) => [{ required: true, whitespace: true, message }, { max }];

export function AcknowledgeMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal title={t('tkMoveAcknowledge')} open={p.open} onClose={p.onClose} okText={t('tkMoveAcknowledge')}
      submit={async () => p.onDone(await postMove('/api/v1/tickets/{id}/acknowledge', p.ticket.id, target(p)))}
      intro={<Typography.Paragraph>{t('tkMoveAcknowledgeIntro', { unit: p.mine?.unitName ?? '' })}</Typography.Paragraph>}>
      {null}
    </TicketMoveModal>
  );
}

export function ContactMove(p: MoveProps) {
  const { t, lang } = useI18n();
  return (
    <TicketMoveModal<{ contactMethod: string; body: string }> title={t('tkMoveContact')} open={p.open} onClose={p.onClose} initialValues={{ contactMethod: 'phone' }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/note', p.ticket.id, { kind: 'contact', contactMethod: v.contactMethod, body: v.body.trim(), ...target(p) }))}
      intro={<Typography.Paragraph type="secondary">{t('tkMoveContactIntro', { name: p.ticket.requesterName, phone: p.ticket.requesterPhone })}</Typography.Paragraph>}>
      <Form.Item name="contactMethod" label={t('tkMoveContactMethod')} rules={[{ required: true }]}>
        <Radio.Group options={options(CONTACT_METHOD_LABELS, lang)} optionType="button" />
      </Form.Item>
      <Form.Item name="body" label={t('tkMoveContactBody')} rules={text(5000, t('tkMoveContactBodyRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount placeholder={t('tkMoveContactPlaceholder')} />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function NoteMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ body: string }> title={t('tkMoveNote')} open={p.open} onClose={p.onClose}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/note', p.ticket.id, { kind: 'note', body: v.body.trim(), ...target(p) }))}>
      <Form.Item name="body" label={t('tkMoveNoteBody')} rules={text(5000, t('tkMoveNoteBodyRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function PauseMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ reason: string }> title={t('tkMovePause')} open={p.open} onClose={p.onClose}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/pause', p.ticket.id, { reason: v.reason.trim(), ...target(p) }))}
      intro={<Alert type="info" showIcon title={t('tkMovePauseIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="reason" label={t('tkMovePauseReason')} rules={text(500, t('tkMovePauseReasonRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount placeholder={t('tkMovePausePlaceholder')} />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function ResumeMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal title={t('tkMoveResume')} open={p.open} onClose={p.onClose}
      submit={async () => p.onDone(await postMove('/api/v1/tickets/{id}/resume', p.ticket.id, target(p)))}
      intro={<Typography.Paragraph>{t('tkMoveResumeIntro')}</Typography.Paragraph>}>
      {null}
    </TicketMoveModal>
  );
}

export function SubAssignMove(p: MoveProps) {
  const { t } = useI18n();
  const mineUnit = p.units.find((u) => u.id === p.mine?.unitId);
  const busy = p.ticket.assignments.filter((a) => a.parentId === p.mine?.id && (a.status === 'pending' || a.status === 'acknowledged')).map((a) => a.unitId);
  return (
    <TicketMoveModal<{ unitIds: number[] }> title={t('tkMoveSubAssign')} open={p.open} onClose={p.onClose}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/sub-assign', p.ticket.id, { unitIds: v.unitIds, ...target(p) }))}
      intro={<Alert type="info" showIcon title={t('tkMoveSubAssignIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="unitIds" label={t('tkMoveSubAssignUnits', { unit: mineUnit?.name ?? '' })} rules={[{ required: true, message: t('tkMoveSubAssignRequired') }]}>
        <TicketUnitPicker multiple under={mineUnit} exclude={busy} />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function ReplyMove(p: MoveProps) {
  const { t } = useI18n();
  const lead = p.mine?.role === 'lead' && p.mine.parentId === null;
  return (
    <TicketMoveModal<{ text: string }> title={lead ? t('tkMoveReply') : t('tkMoveContribute')} open={p.open} onClose={p.onClose} width={680}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/reply', p.ticket.id, { text: v.text.trim(), ...target(p) }))}
      intro={<Alert type={lead ? 'warning' : 'info'} showIcon title={lead ? t('tkMoveReplyIntroLead') : t('tkMoveReplyIntroCo')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="text" label={lead ? t('tkMoveReplyText') : t('tkMoveContributeText')} rules={text(5000, t('tkMoveReplyRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 5, maxRows: 14 }} maxLength={5000} showCount placeholder={t('tkMoveReplyPlaceholder')} />
      </Form.Item>
      <ReplyCheckHints ticketId={p.ticket.id} />
    </TicketMoveModal>
  );
}

export function ReturnMove(p: MoveProps) {
  const { t, lang } = useI18n();
  const window = p.ticket.clocks.find((c) => c.assignmentId === p.mine?.id && c.kind === 'return_window');
  return (
    <TicketMoveModal<{ reasonCode: 'jurisdiction' | 'ownership' | 'overlap' | 'other'; reason: string; evidence?: string }> title={t('tkMoveReturn')} open={p.open} onClose={p.onClose} danger width={640}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/return', p.ticket.id, { reasonCode: v.reasonCode, reason: v.reason.trim(), evidence: v.evidence?.trim() || null, ...target(p) }))}
      intro={<Alert type="warning" showIcon title={t('tkMoveReturnIntro')} description={window ? t('tkMoveReturnWindow', { at: formatFull(window.deadline, lang) }) : undefined} style={{ marginBottom: 16 }} />}>
      <Form.Item name="reasonCode" label={t('tkMoveReturnCode')} rules={[{ required: true, message: t('tkMoveReturnCodeRequired') }]}>
        <Radio.Group options={options(RETURN_REASON_LABELS, lang)} optionType="button" />
      </Form.Item>
      <Form.Item name="reason" label={t('tkMoveReturnReason')} rules={text(1000, t('tkMoveReturnReasonRequired'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder={t('tkMoveReturnPlaceholder')} />
      </Form.Item>
      <Form.Item name="evidence" label={t('tkMoveReturnEvidence')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('tkMoveReturnEvidencePlaceholder')} />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function ExtendMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ workingDays: number; reason: string }> title={t('tkMoveExtend')} open={p.open} onClose={p.onClose} initialValues={{ workingDays: 3 }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/extend', p.ticket.id, { workingDays: v.workingDays, reason: v.reason.trim(), ...target(p) }))}
      intro={<Alert type="info" showIcon title={t('tkMoveExtendIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="workingDays" label={t('tkMoveExtendDays')} rules={[{ required: true, message: t('tkMoveExtendDaysRequired') }, { type: 'integer', min: 1, max: 60, message: t('tkMoveExtendDaysRange') }]}>
        <InputNumber min={1} max={60} precision={0} suffix={t('tkWorkingDays')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('tkMoveExtendReason')} rules={text(1000, t('tkMoveExtendReasonRequired'))}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}

