/** On a proactive ticket (未诉先办): the hotspot it was opened for, and the tickets whose problem it answers. */
import { FireOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, call } from '../../../api/client';
import { formatDate } from '../../components/TicketFormat';
import { StatusTag } from '../../components/TicketTags';
import { useI18n } from '../../i18n';
import { useAsync } from '../../useAsync';

export function TicketHotspotCard({ ticketId }: { ticketId: number }) {
  const { t, lang } = useI18n();
  const state = useAsync(() => call(api.GET('/api/v1/tickets/{id}/hotspot', { params: { path: { id: ticketId } } })), [ticketId]);
  const c = state.data?.case;
  if (!c) return null;
  return (
    <Card size="small" title={<Space><FireOutlined />{t('hsTicketCard')}</Space>} data-testid="ticket-hotspot">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>{c.name}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('hsTicketCardHint', { n: c.size })}</Typography.Text>
      </Typography.Paragraph>
      <Space size={4} wrap style={{ marginBottom: 8 }}>{c.keywords.map((k) => <Tag key={k}>{k}</Tag>)}</Space>
      <List size="small" dataSource={c.tickets} rowKey="id" renderItem={(x) => (
        <List.Item>
          <Space size={6} wrap>
            <StatusTag status={x.status} />
            <Link to={`/tickets/${x.id}`}>{x.title}</Link>
            <Typography.Text type="secondary">{formatDate(x.acceptedAt, lang)}</Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
