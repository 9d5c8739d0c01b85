/**
 * Photos the requester adds from the public portal: stored as public attachments (shown back to the
 * requester, never staff evidence), checked by their first bytes rather than by the type the phone claims.
 */
import { maybeOne, one, withTransaction } from '../platform/database/db.js';
import type { Queryable } from '../platform/database/db.js';
import { DomainError } from '../platform/errors.js';
import type { AppContext } from '../platform/http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Ticket } from './ticket.js';
import { WORK_TYPE } from './ticket.repository.js';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** The portal shrinks photos before sending; 5 MiB still takes an unshrunk phone photo. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Nine, as in a WeChat post: enough to show a problem, not a photo album. */
export const PHOTO_MAX_COUNT = 9;

const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** What the bytes are, whatever the header said: a renamed file of another kind is refused. */
export function sniffPhoto(data: Buffer): PhotoType | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

// A finished loop takes no more evidence: the requester rates, or asks anew.
const ENDED = new Set<Ticket['status']>(['closed', 'merged', 'rejected']);

export async function addPublicPhoto(ctx: AppContext, ticket: Ticket, claimed: string, data: Buffer): Promise<{ id: number; filename: string }> {
  const type = sniffPhoto(data);
  if (!type || type !== claimed) throw new DomainError('ATTACHMENT_TYPE_REFUSED', undefined, '仅接受 JPEG、PNG 或 WebP 照片', 'only JPEG, PNG or WebP photos are accepted');
  if (data.length > PHOTO_MAX_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
  if (ENDED.has(ticket.status)) throw new DomainError('TICKET_MOVE_NOT_ALLOWED', undefined, '诉求已办结，不能再添加照片', 'the request is finished; no more photos');
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    // The ticket row lock serialises two uploads racing for the last free place.
    await tx.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [ticket.id]);
    const { n } = await one<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM attachments WHERE ticket_id = $1 AND public', [ticket.id]);
    if (n >= PHOTO_MAX_COUNT) throw new DomainError('PHOTO_LIMIT_REACHED');
    const filename = `photo-${n + 1}.${EXTENSION[type]}`;
    const { id } = await one<{ id: number }>(tx,
      `INSERT INTO attachments (ticket_id, filename, content_type, size, data, public, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, true, NULL, $6) RETURNING id`, [ticket.id, filename, type, data.length, data, now]);
    await recordAudit(tx, { at: now, actorId: null, actorLabel: 'public', entityType: WORK_TYPE, entityId: ticket.id, action: 'photo_added', data: { attachmentId: id, filename, size: data.length } });
    return { id: Number(id), filename };
  });
}

export async function readPublicPhoto(q: Queryable, ticketId: number, photoId: number): Promise<{ contentType: string; data: Buffer }> {
  const row = await maybeOne<{ content_type: string; data: Buffer }>(q,
    'SELECT content_type, data FROM attachments WHERE id = $1 AND ticket_id = $2 AND public', [photoId, ticketId]);
  if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND');
  return { contentType: row.content_type, data: row.data };
}
