/**
 * 相似在办工单 on the ticket page: the same problem at the same place may be a repeat call. A dispatcher
 * merges this ticket into the other one from here; everyone else sees where the problem is being handled.
 */
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Spin, Typography } from 'antd';
import { errorText } from '../../components/PageState';
import { SimilarTicketList } from '../../components/SimilarTickets';
import { postMove } from '../../components/TicketMoveModal';
import type { TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { useSimilar } from './useSimilar';

export function TicketSimilarCard({ ticket, canMerge, onMerged }: { ticket: TicketDetail; canMerge: boolean; onMerged(t: TicketDetail): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const similar = useSimilar(ticket.id, ticket.version);
  const merge = async (mainTicketId: number) => {
    try {
      onMerged(await postMove('/api/v1/tickets/{id}/merge', ticket.id, { mainTicketId }));
      message.success(t('tkMoveDone'));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Card size="small" title={<Space><CopyOutlined />{t('tkSimilarCard')}</Space>} extra={similar.loading ? <Spin size="small" /> : null} data-testid="ticket-similar">
      {similar.items.length === 0
        ? <Typography.Text type="secondary">{t('tkSimilarNone')}</Typography.Text>
        : (
          <SimilarTicketList items={similar.items} action={canMerge ? (s) => (
            <Popconfirm title={t('tkMoveMergeIntro')} okText={t('tkSimilarMergeHere')} cancelText={t('cancel')} onConfirm={() => merge(s.id)}>
              <Button size="small">{t('tkSimilarMergeHere')}</Button>
            </Popconfirm>
          ) : undefined} />
        )}
    </Card>
  );
}
