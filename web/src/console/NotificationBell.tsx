import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import { formatTime } from './components/TicketFormat';
import { useI18n } from './i18n';
import { useLiveTickets } from './live';
import { useAsync } from './useAsync';

export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const inbox = useAsync(() => call(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })), []);
  useLiveTickets(() => inbox.reload());
  const markAll = async () => {
    await call(api.POST('/api/v1/notifications/read', { body: {} }));
    inbox.reload();
  };
  const items = inbox.data?.items ?? [];
  const content = (
    <div style={{ width: 340 }}>
      <List size="small" dataSource={items} locale={{ emptyText: t('noNotifications') }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }} onClick={() => { setOpen(false); navigate(`/tickets/${n.workId}`); }}>
            <List.Item.Meta title={<span>{n.message}</span>}
              description={<Typography.Text type="secondary">{n.trackingCode} · {formatTime(n.createdAt, lang)}</Typography.Text>} />
          </List.Item>
        )} />
      {items.length > 0 && <Button type="link" block onClick={markAll}>{t('markAllRead')}</Button>}
    </div>
  );
  return (
    <Popover content={content} title={t('notifications')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={inbox.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications')} />
      </Badge>
    </Popover>
  );
}
