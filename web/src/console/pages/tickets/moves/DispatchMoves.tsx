/** The dispatch desk's moves on one ticket: assign, reject, decide a return, merge, close, reopen, record the rating. */
import { Alert, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../../../../api/client';
import { TicketArbitrateFields, type ArbitrateValues } from '../../../components/TicketArbitrateFields';
import { TicketAssignFields, type AssignValues } from '../../../components/TicketAssignFields';
import { postMove, TicketMoveModal } from '../../../components/TicketMoveModal';
import { options, RESOLVED_LABELS, SATISFACTION_LABELS } from '../../../components/TicketLabels';
import { TicketUnitPicker } from '../../../components/TicketPickers';
import { useServices } from '../../../components/TicketRefData';
import { StatusTag } from '../../../components/TicketTags';
import type { SimilarTicket, TicketListItem } from '../../../components/TicketTypes';
import { OPEN_STATUSES } from '../../../components/TicketTypes';
import { useI18n } from '../../../i18n';
import { useSimilar } from '../useSimilar';
import type { MoveProps } from './moveProps';

const text = (max: number, message: string) => [{ required: true, whitespace: true, message }, { max }];

export function AssignMove(p: MoveProps) {
  const { t } = useI18n();
  const services = useServices();
  const serviceId = p.ticket.serviceId ?? p.ticket.suggestedServiceId;
  const unitId = services?.find((s) => s.id === serviceId)?.unitId;
  return (
    <TicketMoveModal<AssignValues> title={t('tkMoveAssign')} open={p.open} onClose={p.onClose} width={620}
      initialValues={{ serviceId: serviceId ?? undefined, leadUnitId: unitId }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/assign', p.ticket.id, {
        leadUnitId: v.leadUnitId!, coUnitIds: v.coUnitIds ?? [], ...(v.serviceId && v.serviceId !== p.ticket.serviceId ? { serviceId: v.serviceId } : {}),
      }))}>
      <TicketAssignFields needService={p.ticket.serviceId === null} />
    </TicketMoveModal>
  );
}

export function RejectMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ reason: string }> title={t('tkMoveReject')} open={p.open} onClose={p.onClose} danger
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/reject', p.ticket.id, { reason: v.reason.trim() }))}
      intro={<Alert type="warning" showIcon title={t('tkMoveRejectIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="reason" label={t('tkMoveRejectReason')} rules={text(500, t('tkMoveRejectReasonRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function ArbitrateMove(p: MoveProps) {
  const { t } = useI18n();
  const returned = p.ticket.assignments.filter((a) => a.status === 'returned' && a.returnDecision === null);
  const first = returned[0];
  return (
    <TicketMoveModal<ArbitrateValues> title={t('tkMoveArbitrate')} open={p.open} onClose={p.onClose} width={640}
      initialValues={{ assignmentId: first?.id, decision: 'accept' }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/arbitrate', p.ticket.id, v.decision === 'refuse'
        ? { assignmentId: v.assignmentId, decision: 'refuse', reason: v.reason!.trim() }
        : { assignmentId: v.assignmentId, decision: 'accept', leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] }))}>
      <TicketArbitrateFields returns={returned} />
    </TicketMoveModal>
  );
}

/** Find the main ticket by its code or words, among open tickets; before any search, the similar ones. */
function TicketSearch({ value, onChange, excludeId, version }: { value?: number; onChange?: (v: number) => void; excludeId: number; version: number }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<TicketListItem[]>([]);
  const similar = useSimilar(excludeId, version);
  useEffect(() => {
    if (q.trim().length < 2) { setFound([]); return; }
    let live = true;
    const h = setTimeout(() => {
      call(api.GET('/api/v1/tickets', { params: { query: { q: q.trim(), status: OPEN_STATUSES, limit: 10 } } }))
        .then((r) => { if (live) setFound(r.items.filter((i) => i.id !== excludeId)); }, () => undefined);
    }, 300);
    return () => { live = false; clearTimeout(h); };
  }, [q, excludeId]);
  const searching = q.trim().length >= 2;
  const shown: Array<TicketListItem | SimilarTicket> = searching ? found : similar.items;
  return (
    <Select showSearch={{ filterOption: false, onSearch: setQ }} value={value} onChange={onChange} placeholder={t('tkMoveMergeSearch')}
      notFoundContent={searching ? t('empty') : t('tkMoveMergeHint')}
      options={shown.map((i) => ({
        value: i.id,
        label: (
          <span>
            {'similarity' in i && <Tag color={i.similarity.duplicate ? 'red' : 'gold'}>{t(i.similarity.duplicate ? 'tkSimilarDuplicate' : 'tkSimilarRelated')}</Tag>}
            <StatusTag status={i.status} />{i.trackingCode} · {i.title}
          </span>
        ),
      }))} />
  );
}

export function MergeMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ mainTicketId: number }> title={t('tkMoveMerge')} open={p.open} onClose={p.onClose} width={640}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/merge', p.ticket.id, { mainTicketId: v.mainTicketId }))}
      intro={<Alert type="warning" showIcon title={t('tkMoveMergeIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="mainTicketId" label={t('tkMoveMergeMain')} rules={[{ required: true, message: t('tkMoveMergeRequired') }]}>
        <TicketSearch excludeId={p.ticket.id} version={p.ticket.version} />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function CloseMove(p: MoveProps) {
  const { t } = useI18n();
  const direct = p.ticket.status === 'new';
  return (
    <TicketMoveModal<{ note: string }> title={direct ? t('tkMoveCloseDirect') : t('tkMoveClose')} open={p.open} onClose={p.onClose}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/close', p.ticket.id, { note: v.note.trim() }))}
      intro={<Alert type="info" showIcon title={direct ? t('tkMoveCloseDirectIntro') : t('tkMoveCloseIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="note" label={direct ? t('tkMoveCloseDirectNote') : t('tkMoveCloseNote')} rules={text(2000, t('tkMoveCloseNoteRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function ReopenMove(p: MoveProps) {
  const { t } = useI18n();
  return (
    <TicketMoveModal<{ reason: string; leadUnitId?: number }> title={t('tkMoveReopen')} open={p.open} onClose={p.onClose}
      initialValues={{ leadUnitId: p.ticket.leadUnitId ?? undefined }}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/reopen', p.ticket.id, { reason: v.reason.trim(), ...(v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}) }))}
      intro={<Alert type="warning" showIcon title={t('tkMoveReopenIntro')} style={{ marginBottom: 16 }} />}>
      <Form.Item name="reason" label={t('tkMoveReopenReason')} rules={text(1000, t('tkMoveReopenReasonRequired'))}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('tkMoveReopenUnit')} rules={[{ required: true, message: t('tkAssignLeadRequired') }]}>
        <TicketUnitPicker />
      </Form.Item>
    </TicketMoveModal>
  );
}

export function RateMove(p: MoveProps) {
  const { t, lang } = useI18n();
  return (
    <TicketMoveModal<{ resolved: 'yes' | 'partly' | 'no'; satisfaction: 'satisfied' | 'basic' | 'unsatisfied'; comment?: string }>
      title={t('tkMoveRate')} open={p.open} onClose={p.onClose} width={620}
      submit={async (v) => p.onDone(await postMove('/api/v1/tickets/{id}/rate', p.ticket.id, { resolved: v.resolved, satisfaction: v.satisfaction, comment: v.comment?.trim() || null }))}
      intro={(
        <>
          <Typography.Paragraph type="secondary">{t('tkMoveRateIntro', { name: p.ticket.requesterName, phone: p.ticket.requesterPhone })}</Typography.Paragraph>
          {p.ticket.replyText && <div className="tk-reply tk-prewrap" style={{ marginBottom: 16 }}>{p.ticket.replyText}</div>}
        </>
      )}>
      <Form.Item name="resolved" label={t('tkMoveRateResolved')} rules={[{ required: true, message: t('tkMoveRateResolvedRequired') }]}>
        <Radio.Group options={options(RESOLVED_LABELS, lang)} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <Form.Item name="satisfaction" label={t('tkMoveRateSatisfaction')} rules={[{ required: true, message: t('tkMoveRateSatisfactionRequired') }]}
        extra={t('tkMoveRateUnsatisfiedExtra')}>
        <Radio.Group options={options(SATISFACTION_LABELS, lang)} optionType="button" buttonStyle="solid" />
      </Form.Item>
      <Form.Item name="comment" label={t('tkMoveRateComment')} rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </TicketMoveModal>
  );
}
