/** Open tickets like this one (GET /tickets/{id}/similar), asked again when the ticket changes. */
import { api, call } from '../../../api/client';
import type { SimilarTicket } from '../../components/TicketTypes';
import { useAsync } from '../../useAsync';

export function useSimilar(id: number, version: number): { items: SimilarTicket[]; loading: boolean } {
  const state = useAsync(() => call(api.GET('/api/v1/tickets/{id}/similar', { params: { path: { id }, query: { limit: 5 } } })), [id, version]);
  return { items: state.data?.items ?? [], loading: state.loading };
}
