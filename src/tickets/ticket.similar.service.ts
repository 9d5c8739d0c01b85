/**
 * Open tickets like the one being typed (or like a given ticket): the in-memory index of src/text/similar.ts,
 * kept current with the database that every server process shares.
 *
 * The database stays the truth. Each lookup first reads the tickets created since the last one (a primary-
 * key range, usually empty), and every hit is checked against the database before it is shown, so a
 * ticket closed by another process drops out at once. The whole index is rebuilt every quarter of an
 * hour, which also clears the tickets closed meanwhile that no lookup happened to touch.
 */
import type { Db } from '../platform/database/db.js';
import type { Actor } from '../platform/auth/roles.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { SimilarityIndex, type SimilarHit, type SimilarInput } from '../text/similar.js';
import { listTickets, type TicketListItem } from './ticket.query.js';
import * as repo from './ticket.similar.repository.js';

const REBUILD_MS = 15 * 60_000;
// Tickets are numbered when inserted but become visible when committed, so a later number can show up
// first. Each catch-up looks this far back for tickets it has not seen.
const LOOK_BACK = 500;

interface Live { index: SimilarityIndex; maxId: number; builtAt: number }
const indexes = new WeakMap<Db, { live?: Live; building?: Promise<Live> }>();

async function build(db: Db): Promise<Live> {
  const maxId = await repo.maxTicketId(db);
  const index = new SimilarityIndex();
  for (const doc of await repo.openTicketTexts(db, 0, maxId)) index.add(doc);
  return { index, maxId, builtAt: Date.now() };
}

/** The index of this database, built on first use and rebuilt when stale; concurrent callers share one build. */
async function current(db: Db): Promise<Live> {
  let slot = indexes.get(db);
  if (!slot) indexes.set(db, (slot = {}));
  const stale = !slot.live || Date.now() - slot.live.builtAt > REBUILD_MS || slot.live.index.waste > 0.5;
  if (stale && !slot.building) {
    const s = slot;
    s.building = build(db).then((live) => { s.live = live; return live; }).finally(() => { s.building = undefined; });
  }
  // A stale index still answers while its replacement is built; only the very first lookup waits.
  const live = slot.live ?? (await slot.building!);
  const unseen = (await repo.openTicketIdsAfter(db, Math.max(0, live.maxId - LOOK_BACK))).filter((id) => !live.index.has(id));
  if (unseen.length) {
    for (const doc of await repo.ticketTexts(db, unseen)) live.index.add(doc);
    live.maxId = Math.max(live.maxId, ...unseen);
  }
  return live;
}

/** Build the index now, so that the first operator of the day does not wait for it. */
export async function warmSimilarIndex(db: Db): Promise<void> {
  await current(db);
}

export interface SimilarTicket extends TicketListItem { similarity: Omit<SimilarHit, 'id'> }

/**
 * Open tickets the actor may see that look like `input`, best first. Hits the database no longer
 * calls open are dropped from the index on the way.
 */
export async function similarTickets(
  db: Db, actor: Actor, input: SimilarInput, opts: { limit: number; excludeIds?: number[]; cal: WorkCalendar; now: Date },
): Promise<SimilarTicket[]> {
  const live = await current(db);
  const hits = live.index.query(input, { limit: opts.limit * 3, excludeIds: opts.excludeIds });
  if (hits.length === 0) return [];
  const open = await repo.stillOpen(db, hits.map((h) => h.id));
  for (const h of hits) if (!open.has(h.id)) live.index.remove(h.id);
  const wanted = hits.filter((h) => open.has(h.id));
  if (wanted.length === 0) return [];
  const { items } = await listTickets(db, actor, { ids: wanted.map((h) => h.id), limit: wanted.length }, { cal: opts.cal, now: opts.now });
  const byId = new Map(items.map((i) => [i.id, i]));
  return wanted.flatMap(({ id, ...similarity }) => {
    const item = byId.get(id);
    return item ? [{ ...item, similarity }] : [];
  }).slice(0, opts.limit);
}

/** The text of one ticket, to look for others like it. */
export async function ticketAsInput(db: Db, id: number): Promise<SimilarInput | null> {
  return (await repo.ticketTexts(db, [id]))[0] ?? null;
}
