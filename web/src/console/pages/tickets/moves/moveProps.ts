import type { Assignment, TicketDetail, Unit } from '../../../components/TicketTypes';

/** What every move's form gets: the ticket as it stands, the handler's own assignment, and where the answer goes. */
export interface MoveProps {
  ticket: TicketDetail;
  mine: Assignment | undefined;
  units: readonly Unit[];
  open: boolean;
  onClose(): void;
  onDone(t: TicketDetail): void;
}
