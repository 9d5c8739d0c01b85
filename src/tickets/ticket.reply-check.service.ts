/**
 * 答复质量提示: check a draft reply against the ticket it answers, for the handlers who may answer it.
 * A hint only: the reply move never waits for it or refuses because of it.
 */
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import type { Actor } from '../platform/auth/roles.js';
import { checkTicketReplyText } from '../text/reply.service.js';
import type { ReplyCheck } from '../text/reply.rules.js';
import { canReadTicket } from './ticket.policy.js';
import { loadSnapshot } from './ticket.repository.js';

export async function checkTicketReply(ctx: AppContext, actor: Actor, id: number, reply: string): Promise<ReplyCheck> {
  const snap = await loadSnapshot(ctx.db, id, false);
  // A handler checks replies only on work of the unit's subtree; another unit's ticket answers as missing.
  if (!snap || !canReadTicket(actor, snap.assignments)) throw new DomainError('TICKET_NOT_FOUND');
  return checkTicketReplyText(ctx.db, snap.ticket, reply, ctx.clock.now());
}

/** What the audit event of a reply keeps of its check: the flags' codes and the relevance. */
export const replyCheckData = (check: ReplyCheck) => ({ flags: check.flags.map((f) => f.code), relevance: check.relevance });
