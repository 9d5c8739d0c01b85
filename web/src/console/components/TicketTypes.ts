/** The ticket shapes the console reads, taken from the server's OpenAPI document (never declared twice). */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type TicketDetail = Json<paths['/api/v1/tickets/{id}']['get']['responses'][200]>;
export type TicketPage = Json<paths['/api/v1/tickets']['get']['responses'][200]>;
export type TicketListItem = TicketPage['items'][number];
export type TicketListQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;
export type TicketStatus = TicketDetail['status'];
export type Channel = TicketDetail['channel'];
export type Assignment = TicketDetail['assignments'][number];
export type Clock = TicketDetail['clocks'][number];
export type TicketEvent = TicketDetail['events'][number];
export type IntakeBody = Json<paths['/api/v1/tickets']['post']['requestBody']>;
export type SimilarTicket = Json<paths['/api/v1/tickets/similar']['post']['responses'][200]>['items'][number];
export type Suggestion = Json<paths['/api/v1/tickets/suggest']['post']['responses'][200]>['suggestions'][number];
export type ArbitrationItem = Json<paths['/api/v1/queues/arbitration']['get']['responses'][200]>[number];
export type Service = Json<paths['/api/v1/services']['get']['responses'][200]>[number];
export type Unit = Json<paths['/api/v1/units']['get']['responses'][200]>[number];

/** The moves on a ticket: one verb endpoint each, answering with the ticket as it now stands. */
export type MovePath = Extract<keyof paths, `/api/v1/tickets/{id}/${string}`> & { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
export type MoveBody<P extends MovePath> = paths[P] extends { post: { requestBody: infer R } } ? Json<R> : never;

export const CHANNELS = ['hotline', 'web', 'app', 'api', 'open311', 'window', 'enterprise', 'proactive'] as const satisfies readonly Channel[];
export const STATUSES = ['new', 'assigned', 'in_progress', 'arbitration', 'replied', 'closed', 'merged', 'rejected'] as const satisfies readonly TicketStatus[];
export const OPEN_STATUSES: TicketStatus[] = ['new', 'assigned', 'in_progress', 'arbitration', 'replied'];
