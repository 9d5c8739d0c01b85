/** The buttons for exactly the moves the signed-in person can make now, each opening its form. */
import {
  AuditOutlined, BranchesOutlined, CheckCircleOutlined, CheckOutlined, ClockCircleOutlined, EditOutlined, FieldTimeOutlined, FlagOutlined,
  MergeCellsOutlined, MessageOutlined, NotificationOutlined, PauseCircleOutlined, PhoneOutlined, PlayCircleOutlined, RedoOutlined,
  RollbackOutlined, SendOutlined, StarOutlined, StopOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from '../../messages';
import { useI18n } from '../../i18n';
import type { Assignment, TicketDetail, Unit } from '../../components/TicketTypes';
import type { MoveKey } from './ticketMoves';
import type { MoveProps } from './moves/moveProps';
import { AcknowledgeMove, ContactMove, ExtendMove, NoteMove, PauseMove, ReplyMove, ResumeMove, ReturnMove, SubAssignMove } from './moves/HandlerMoves';
import { ArbitrateMove, AssignMove, CloseMove, MergeMove, RateMove, RejectMove, ReopenMove } from './moves/DispatchMoves';
import { DecideExtensionMove, SuperviseMove, UrgeMove } from './moves/SupervisionMoves';

interface MoveDef { label: MessageKey; icon: ReactNode; form: ComponentType<MoveProps>; primary?: boolean; danger?: boolean }

/** In the order the buttons appear: the likely next step first, the exceptional moves last. */
const MOVES: Array<[MoveKey, MoveDef]> = [
  ['assign', { label: 'tkMoveAssign', icon: <SendOutlined />, form: AssignMove, primary: true }],
  ['arbitrate', { label: 'tkMoveArbitrate', icon: <AuditOutlined />, form: ArbitrateMove, primary: true }],
  ['acknowledge', { label: 'tkMoveAcknowledge', icon: <CheckOutlined />, form: AcknowledgeMove, primary: true }],
  ['rate', { label: 'tkMoveRate', icon: <StarOutlined />, form: RateMove, primary: true }],
  ['decideExtension', { label: 'tkMoveDecideExtension', icon: <FieldTimeOutlined />, form: DecideExtensionMove, primary: true }],
  ['reply', { label: 'tkMoveReply', icon: <MessageOutlined />, form: ReplyMove }],
  ['contact', { label: 'tkMoveContact', icon: <PhoneOutlined />, form: ContactMove }],
  ['note', { label: 'tkMoveNote', icon: <EditOutlined />, form: NoteMove }],
  ['subAssign', { label: 'tkMoveSubAssign', icon: <BranchesOutlined />, form: SubAssignMove }],
  ['pause', { label: 'tkMovePause', icon: <PauseCircleOutlined />, form: PauseMove }],
  ['resume', { label: 'tkMoveResume', icon: <PlayCircleOutlined />, form: ResumeMove }],
  ['extend', { label: 'tkMoveExtend', icon: <ClockCircleOutlined />, form: ExtendMove }],
  ['close', { label: 'tkMoveClose', icon: <CheckCircleOutlined />, form: CloseMove }],
  ['urge', { label: 'tkMoveUrge', icon: <NotificationOutlined />, form: UrgeMove }],
  ['supervise', { label: 'tkMoveSupervise', icon: <FlagOutlined />, form: SuperviseMove }],
  ['reopen', { label: 'tkMoveReopen', icon: <RedoOutlined />, form: ReopenMove }],
  ['merge', { label: 'tkMoveMerge', icon: <MergeCellsOutlined />, form: MergeMove }],
  ['return', { label: 'tkMoveReturn', icon: <RollbackOutlined />, form: ReturnMove, danger: true }],
  ['reject', { label: 'tkMoveReject', icon: <StopOutlined />, form: RejectMove, danger: true }],
];

export function TicketMoveBar({ ticket, moves, mine, units, onDone }: {
  ticket: TicketDetail; moves: Set<MoveKey>; mine: Assignment | undefined; units: readonly Unit[]; onDone(t: TicketDetail): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<MoveKey | null>(null);
  const shown = MOVES.filter(([k]) => moves.has(k));
  // With an acknowledge pending the reply is not the next step; without one it is.
  const primary = (k: MoveKey, d: MoveDef) => d.primary || (k === 'reply' && !moves.has('acknowledge'));
  const current = MOVES.find(([k]) => k === open)?.[1];
  const Form = current?.form;
  const closeLabel = ticket.status === 'new' ? 'tkMoveCloseDirect' : 'tkMoveClose';
  const contribute = mine && !(mine.role === 'lead' && mine.parentId === null);
  if (shown.length === 0) return null;
  return (
    <div className="tk-actions" data-testid="ticket-moves">
      {shown.map(([k, d]) => (
        <Button key={k} icon={d.icon} type={primary(k, d) ? 'primary' : 'default'} danger={d.danger} onClick={() => setOpen(k)}>
          {t(k === 'close' ? closeLabel : k === 'reply' && contribute ? 'tkMoveContribute' : d.label)}
        </Button>
      ))}
      {Form && <Form ticket={ticket} mine={mine} units={units} open onClose={() => setOpen(null)} onDone={onDone} />}
    </div>
  );
}
