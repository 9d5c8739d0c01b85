/**
 * Deciding a return (退单仲裁): accept it and name who takes the work instead (a returned lead needs a new
 * lead), or refuse it with a reason, so the unit keeps the work with its original deadlines.
 */
import { Alert, Descriptions, Form, Input, Radio, Select } from 'antd';
import { useI18n } from '../i18n';
import { label, RETURN_REASON_LABELS } from './TicketLabels';
import { TicketUnitPicker } from './TicketPickers';
import type { Assignment } from './TicketTypes';

export interface ArbitrateValues { assignmentId: number; decision: 'accept' | 'refuse'; leadUnitId?: number; coUnitIds?: number[]; reason?: string }

type Returned = Pick<Assignment, 'id' | 'unitId' | 'unitName' | 'role' | 'returnReasonCode' | 'returnReason'> & { evidence?: string | null };

/** Sits inside a Form whose values are ArbitrateValues. */
export function TicketArbitrateFields({ returns }: { returns: Returned[] }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<ArbitrateValues>();
  const id = Form.useWatch('assignmentId', form) as number | undefined;
  const decision = Form.useWatch('decision', form) as ArbitrateValues['decision'] | undefined;
  const chosen = returns.find((r) => r.id === id) ?? returns[0];
  const lead = chosen?.role === 'lead';
  return (
    <>
      {returns.length > 1 ? (
        <Form.Item name="assignmentId" label={t('tkArbReturnedBy')} rules={[{ required: true }]}>
          <Select options={returns.map((r) => ({ value: r.id, label: `${r.unitName}（${r.role === 'lead' ? t('tkRoleLead') : t('tkRoleCo')}）` }))} />
        </Form.Item>
      ) : <Form.Item name="assignmentId" hidden><Input /></Form.Item>}
      {chosen && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} items={[
          { key: 'unit', label: t('tkArbReturnedBy'), children: `${chosen.unitName}（${chosen.role === 'lead' ? t('tkRoleLead') : t('tkRoleCo')}）` },
          { key: 'code', label: t('tkArbReason'), children: `${label(RETURN_REASON_LABELS, chosen.returnReasonCode, lang)}：${chosen.returnReason ?? ''}` },
          ...(chosen.evidence ? [{ key: 'evidence', label: t('tkMoveReturnEvidence'), children: chosen.evidence }] : []),
        ]} />
      )}
      <Form.Item name="decision" label={t('tkArbDecision')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={[
          { value: 'accept', label: t('tkArbAccept') }, { value: 'refuse', label: t('tkArbRefuse') },
        ]} />
      </Form.Item>
      {decision === 'refuse' ? (
        <>
          <Alert type="info" showIcon title={t('tkArbRefuseIntro')} style={{ marginBottom: 16 }} />
          <Form.Item name="reason" label={t('tkArbRefuseReason')} rules={[{ required: true, whitespace: true, message: t('tkArbRefuseReasonRequired') }, { max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        </>
      ) : (
        <>
          <Alert type="info" showIcon title={lead ? t('tkArbAcceptLeadIntro') : t('tkArbAcceptCoIntro')} style={{ marginBottom: 16 }} />
          <Form.Item name="leadUnitId" label={t('tkArbNewLead')} rules={lead ? [{ required: true, message: t('tkAssignLeadRequired') }] : []} hidden={!lead}>
            <TicketUnitPicker exclude={chosen ? [chosen.unitId] : []} />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('tkCoUnits')} extra={t('tkAssignCoExtra')}>
            <TicketUnitPicker multiple exclude={chosen ? [chosen.unitId] : []} />
          </Form.Item>
        </>
      )}
    </>
  );
}
