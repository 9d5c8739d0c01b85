/** The top of the ticket page: who asked what, where and how, where it stands, and the moves available. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { CHANNEL_LABELS, label } from '../../components/TicketLabels';
import { StatusTag } from '../../components/TicketTags';
import type { TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { formatTime } from '../../components/TicketFormat';

export function TicketHeader({ ticket, actions }: { ticket: TicketDetail; actions: ReactNode }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <Card className="tk-header" styles={{ body: { paddingBottom: 16 } }}>
      <div className="tk-header-title">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('tkBack')} />
        <Typography.Text copyable={{ text: ticket.trackingCode, tooltips: [t('tkIntakeCopy'), t('tkIntakeCopied')] }} className="tk-code" style={{ fontSize: 15 }} data-testid="ticket-code">
          {ticket.trackingCode}
        </Typography.Text>
        <StatusTag status={ticket.status} />
        {ticket.supervised && <Tag color="volcano">{t('tkSupervisedTag')}</Tag>}
        {ticket.urgeCount > 0 && <Tag color="orange">{t('tkUrgedTimes', { n: ticket.urgeCount })}</Tag>}
        {ticket.reopenCount > 0 && <Tag color="purple">{t('tkReopenedTimes', { n: ticket.reopenCount })}</Tag>}
        {ticket.mergedIntoId && <Button size="small" type="link" onClick={() => navigate(`/tickets/${ticket.mergedIntoId}`)}>{t('tkMergedInto')}</Button>}
      </div>
      <Typography.Title level={3} style={{ margin: '8px 0 16px' }} data-testid="ticket-title">{ticket.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'service', label: t('tkService'), children: ticket.serviceName ?? <Typography.Text type="secondary">{t('tkUnclassified')}</Typography.Text> },
        { key: 'lead', label: t('tkLeadUnit'), children: ticket.leadUnitName ?? '—' },
        { key: 'channel', label: t('tkChannel'), children: label(CHANNEL_LABELS, ticket.channel, lang) },
        {
          key: 'requester', label: t('tkRequester'),
          children: <Space size={4}>{ticket.requesterName}<Typography.Text type="secondary">{ticket.requesterPhone}</Typography.Text>{ticket.enterpriseName ? <Tag>{ticket.enterpriseName}</Tag> : null}</Space>,
        },
        { key: 'location', label: t('tkIntakeLocation'), children: ticket.locationText },
        { key: 'accepted', label: t('tkAcceptedAt'), children: formatTime(ticket.acceptedAt, lang) },
      ]} />
      {actions && <div style={{ marginTop: 8, paddingTop: 16, borderTop: '1px solid #f0f0f0' }}>{actions}</div>}
    </Card>
  );
}
