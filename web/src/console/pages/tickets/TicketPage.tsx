/**
 * /tickets/:id — the whole story of one ticket: the request, every clock, the units and what they did,
 * the trail, the reply and the rating, with the moves the signed-in person can make now. A ticket the
 * person may not see answers like a missing one, and the page shows nothing of it.
 */
import { Alert, Button, Col, Result, Row, Space } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useAuth } from '../../auth';
import { LoadError, Loading } from '../../components/PageState';
import { useServices, useUnits } from '../../components/TicketRefData';
import { OPEN_STATUSES } from '../../components/TicketTypes';
import '../../components/TicketStyles.css';
import { useI18n } from '../../i18n';
import { ACTION_LABELS, label } from '../../components/TicketLabels';
import { TicketAssignments } from './TicketAssignments';
import { TicketClocks, TicketPausesAndExtensions } from './TicketClocks';
import { TicketHeader } from './TicketHeader';
import { TicketMoveBar } from './TicketMoveBar';
import { availableMoves, myAssignment } from './ticketMoves';
import { TicketNotes, TicketReplyCard, TicketRequest } from './TicketRecords';
import { TicketHotspotCard } from './TicketHotspotCard';
import { TicketSimilarCard } from './TicketSimilarCard';
import { TicketTrail } from './TicketTrail';
import { useTicket } from './useTicket';

export function TicketPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? <TicketView id={id} /> : <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title={t('tkTicketNotFound')} subTitle={t('tkTicketNotFoundSub')} extra={<Button onClick={() => navigate('/tickets')}>{t('tkBackToList')}</Button>} />;
}

function TicketView({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const units = useUnits();
  const services = useServices();
  const state = useTicket(id);
  const { ticket } = state;
  const viewer = useMemo(() => ({ roles: me?.roles ?? [], unit: units?.find((u) => u.id === me?.unitId) }), [me, units]);
  const unitName = (uid: number) => units?.find((u) => u.id === uid)?.name ?? (uid ? `#${uid}` : '');
  const serviceName = (sid: number) => services?.find((s) => s.id === sid)?.name ?? `#${sid}`;

  if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 403)) return <NotFound />;
  if (!ticket && state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!ticket) return <Loading />;

  const moves = availableMoves(ticket, viewer, units ?? []);
  const mine = myAssignment(ticket, viewer);
  return (
    <div className="tk-page" data-testid="ticket-page">
      {state.changedElsewhere && (
        <Alert className="tk-banner" type="info" showIcon closable
          title={t('tkTicketChangedElsewhere', { action: label(ACTION_LABELS, state.changedElsewhere, lang) })} />
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <TicketHeader ticket={ticket} actions={<TicketMoveBar ticket={ticket} moves={moves} mine={mine} units={units ?? []} onDone={state.accept} />} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <TicketRequest ticket={ticket} />
              <TicketClocks ticket={ticket} />
              <TicketAssignments ticket={ticket} />
              <TicketNotes ticket={ticket} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <TicketReplyCard ticket={ticket} />
              {ticket.channel === 'proactive' && <TicketHotspotCard ticketId={ticket.id} />}
              {OPEN_STATUSES.includes(ticket.status) && <TicketSimilarCard ticket={ticket} canMerge={moves.has('merge')} onMerged={state.accept} />}
              <TicketPausesAndExtensions ticket={ticket} unitName={unitName} />
              <TicketTrail ticket={ticket} unitName={unitName} serviceName={serviceName} />
            </Space>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
