/**
 * Open tickets like this one: the same problem at the same place (a duplicate to merge) first, then the
 * same problem elsewhere. Shown at intake while the call is taken, and on the ticket page.
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { List, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';
import { formatDate } from './TicketFormat';
import { StatusTag } from './TicketTags';
import type { SimilarTicket } from './TicketTypes';

export function SimilarTicketList({ items, action }: { items: SimilarTicket[]; action?: (item: SimilarTicket) => ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <List size="small" dataSource={items} data-testid="similar-tickets" renderItem={(s) => (
      <List.Item extra={action?.(s)}>
        <List.Item.Meta
          title={(
            <Space size={4} wrap>
              {s.similarity.duplicate
                ? <Tag color="red">{t('tkSimilarDuplicate')}</Tag>
                : <Tag color="gold">{t('tkSimilarRelated')}</Tag>}
              <Link to={`/tickets/${s.id}`} target="_blank">{s.title}</Link>
            </Space>
          )}
          description={(
            <Space size={6} wrap>
              <StatusTag status={s.status} />
              <Typography.Text code>{s.trackingCode}</Typography.Text>
              <span>{formatDate(s.acceptedAt, lang)}</span>
              {s.leadUnitName && <span>{s.leadUnitName}</span>}
              <Tooltip title={t('tkSimilarScores', { text: Math.round(s.similarity.text * 100), place: Math.round(s.similarity.place * 100) })}>
                <span><EnvironmentOutlined /> {s.locationText}{s.similarity.distanceM !== null ? ` · ${t('tkSimilarMetres', { m: s.similarity.distanceM })}` : ''}</span>
              </Tooltip>
            </Space>
          )} />
      </List.Item>
    )} />
  );
}
