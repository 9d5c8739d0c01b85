/**
 * 转为未诉先办: open a proactive case for a hotspot. The text is drafted from the hotspot (what, where, how
 * many, over which period) for the dispatcher to edit; the service decides the unit, as at intake.
 */
import { Alert, Form, Input } from 'antd';
import { api, call } from '../../../api/client';
import { TicketMoveModal } from '../../components/TicketMoveModal';
import { TicketServicePicker } from '../../components/TicketPickers';
import { useI18n } from '../../i18n';
import type { Hotspot, HotspotReport } from './types';

interface CaseValues { title: string; description: string; location: string; serviceId?: number | null }

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export function CaseModal({ hotspot, report, onClose, onDone }: {
  hotspot: Hotspot | null; report: HotspotReport; onClose(): void; onDone(created: { ticketId: number; trackingCode: string }): void;
}) {
  const { t } = useI18n();
  if (!hotspot) return null;
  const initial: CaseValues = {
    title: hotspot.name.slice(0, 100),
    description: t('hsCaseDraft', {
      from: day(report.from), to: day(report.to), n: hotspot.size, place: hotspot.place ?? '', keywords: hotspot.keywords.join('、'),
      codes: hotspot.tickets.slice(0, 5).map((x) => x.trackingCode).join('、'),
    }),
    location: hotspot.place ?? hotspot.tickets[0]?.locationText ?? '',
    serviceId: null,
  };
  return (
    <TicketMoveModal<CaseValues> title={t('hsCaseTitle')} open onClose={onClose} width={680} initialValues={initial}
      intro={<Alert type="info" showIcon title={t('hsCaseIntro', { n: hotspot.size })} style={{ marginBottom: 16 }} />}
      submit={async (v) => onDone(await call(api.POST('/api/v1/hotspots/cases', {
        body: {
          hotspotKey: hotspot.key, name: hotspot.name, place: hotspot.place, keywords: hotspot.keywords, from: report.from, to: report.to,
          memberIds: hotspot.memberIds, title: v.title.trim(), description: v.description.trim(), location: v.location.trim(), serviceId: v.serviceId ?? null,
        },
      })))}>
      <Form.Item name="title" label={t('hsCaseName')} rules={[{ required: true, whitespace: true, message: t('hsCaseNameRequired') }, { max: 100 }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('hsCaseDescription')} rules={[{ required: true, whitespace: true, message: t('hsCaseDescriptionRequired') }, { max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="location" label={t('hsCaseLocation')} rules={[{ required: true, whitespace: true, message: t('hsCaseLocationRequired') }, { max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="serviceId" label={t('hsCaseService')} extra={t('hsCaseServiceHint')}>
        <TicketServicePicker placeholder={t('hsCaseServicePlaceholder')} />
      </Form.Item>
    </TicketMoveModal>
  );
}
