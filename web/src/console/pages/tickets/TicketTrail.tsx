/** The timeline of every recorded event, oldest first, with who did it and what it said. */
import { Card, Timeline, Typography } from 'antd';
import type { TicketDetail } from '../../components/TicketTypes';
import { useI18n } from '../../i18n';
import { describeEvent } from './ticketEvents';
import { formatTime } from '../../components/TicketFormat';

// Explicit colours: the theme's primary is red, which would make every ordinary step look alarming.
const TONE_COLORS = { blue: '#1677ff', green: '#52c41a', red: '#f5222d', orange: '#fa8c16', gray: '#bfbfbf' } as const;

export function TicketTrail({ ticket, unitName, serviceName }: { ticket: TicketDetail; unitName(id: number): string; serviceName(id: number): string }) {
  const { t, lang } = useI18n();
  const items = ticket.events.map((e) => {
    const d = describeEvent(e, unitName, lang, serviceName);
    const actor = e.actorName ?? t('tkSystem');
    return {
      key: e.id,
      color: TONE_COLORS[d.tone],
      content: (
        <div data-testid={`event-${e.action}`}>
          <Typography.Text strong>{d.title}</Typography.Text>
          <div className="tk-event-meta">{formatTime(e.at, lang)} · {actor === 'system' ? t('tkSystem') : actor}</div>
          {d.detail && <div className="tk-event-detail tk-prewrap">{d.detail}</div>}
        </div>
      ),
    };
  });
  return (
    <Card title={t('tkTrailCard')} size="small" data-testid="ticket-trail" extra={<Typography.Text type="secondary">{t('tkTrailCount', { n: ticket.events.length })}</Typography.Text>}>
      <Timeline items={items} style={{ marginTop: 8 }} />
    </Card>
  );
}
