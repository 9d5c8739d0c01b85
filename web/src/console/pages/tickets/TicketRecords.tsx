/** What the ticket says: the request itself, the reply and the rating, and the notes and contact log. */
import { Card, Descriptions, Empty, Image, List, Space, Tag, Typography } from 'antd';
import { CLOSE_KIND_LABELS, CONTACT_METHOD_LABELS, label, RESOLVED_LABELS, SATISFACTION_LABELS } from '../../components/TicketLabels';
import type { TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { formatTime } from '../../components/TicketFormat';

export function TicketRequest({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  // The requester's photos are read through the requester's own link (code and phone digits), which staff hold.
  const phone4 = ticket.requesterPhone.replace(/\D/g, '').slice(-4);
  const photos = ticket.attachments.filter((a) => a.public && a.contentType.startsWith('image/'));
  const files = ticket.attachments.filter((a) => !photos.includes(a));
  return (
    <Card title={t('tkRequestCard')} size="small">
      <Typography.Paragraph className="tk-prewrap" style={{ marginBottom: 0, fontSize: 15 }} data-testid="ticket-description">{ticket.description}</Typography.Paragraph>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap style={{ marginTop: 12 }}>
            {photos.map((p) => (
              <Image key={p.id} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt={p.filename}
                src={`/api/v1/public/tickets/${encodeURIComponent(ticket.trackingCode)}/photos/${p.id}?phone4=${phone4}`} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {files.length > 0 && (
        <div style={{ marginTop: 12 }}>
          {files.map((f) => <Tag key={f.id}>{f.filename} · {Math.ceil(f.size / 1024)} KB</Tag>)}
        </div>
      )}
    </Card>
  );
}

export function TicketReplyCard({ ticket }: { ticket: TicketDetail }) {
  const { t, lang } = useI18n();
  const satisfactionColor = ticket.ratingSatisfaction === 'unsatisfied' ? 'red' : ticket.ratingSatisfaction === 'basic' ? 'gold' : 'green';
  return (
    <Card title={t('tkReplyCard')} size="small" data-testid="ticket-reply">
      {ticket.replyText ? (
        <>
          <div className="tk-reply tk-prewrap">{ticket.replyText}</div>
          <div className="tk-event-meta" style={{ marginTop: 6 }}>{ticket.repliedAt ? t('tkRepliedAt', { at: formatTime(ticket.repliedAt, lang) }) : ''}</div>
        </>
      ) : <Typography.Text type="secondary">{t('tkReplyNone')}</Typography.Text>}
      {(ticket.ratedAt || ticket.closedAt) && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
          ...(ticket.ratedAt ? [
            { key: 'resolved', label: t('tkMoveRateResolved'), children: label(RESOLVED_LABELS, ticket.ratingResolved, lang) },
            { key: 'sat', label: t('tkMoveRateSatisfaction'), children: <Tag color={satisfactionColor}>{label(SATISFACTION_LABELS, ticket.ratingSatisfaction, lang)}</Tag> },
            ...(ticket.ratingComment ? [{ key: 'comment', label: t('tkMoveRateComment'), children: ticket.ratingComment }] : []),
            { key: 'ratedAt', label: t('tkRatedAt'), children: formatTime(ticket.ratedAt, lang) },
          ] : []),
          ...(ticket.closedAt ? [{ key: 'closed', label: t('tkClosedAt'), children: `${formatTime(ticket.closedAt, lang)} · ${label(CLOSE_KIND_LABELS, ticket.closeKind, lang)}` }] : []),
          ...(ticket.publicReason ? [{ key: 'reason', label: t('tkPublicReason'), children: ticket.publicReason }] : []),
        ]} />
      )}
    </Card>
  );
}

export function TicketNotes({ ticket }: { ticket: TicketDetail }) {
  const { t, lang } = useI18n();
  const unitOf = (id: number | null) => ticket.assignments.find((a) => a.id === id)?.unitName;
  return (
    <Card title={t('tkNotesCard')} size="small" data-testid="ticket-notes" extra={<Typography.Text type="secondary">{t('tkTrailCount', { n: ticket.notes.length })}</Typography.Text>}>
      {ticket.notes.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tkNotesEmpty')} /> : (
        <List size="small" dataSource={[...ticket.notes].reverse()} renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={(
                <span>
                  {n.kind === 'contact'
                    ? <Tag color="blue">{t('tkNoteContact')} · {label(CONTACT_METHOD_LABELS, n.contactMethod, lang)}</Tag>
                    : <Tag>{t('tkNoteNote')}</Tag>}
                  {n.authorName}{unitOf(n.assignmentId) ? ` · ${unitOf(n.assignmentId)}` : ''}
                </span>
              )}
              description={<><div className="tk-prewrap" style={{ color: 'rgba(0,0,0,0.85)' }}>{n.body}</div><div className="tk-event-meta">{formatTime(n.createdAt, lang)}</div></>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
