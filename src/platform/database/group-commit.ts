/**
 * Group commit for a hot write: items that arrive while earlier batches are being written wait and go
 * together in the next batch, written by one statement (one round trip, one commit, one WAL flush). With
 * one request in flight nothing waits: an item finds a free slot and is written at the next turn of the
 * event loop (items that arrived in the same turn share it). Under load the batches grow by themselves,
 * so the cost per item falls as the load rises, which is when it matters (bench/intake.bench.ts).
 */

/** What became of one item of a batch: the batch's writer says, item by item. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Largest batch. */
  maxBatch: number;
  /** Batches written at once (each holds a connection). */
  maxInFlight: number;
  /**
   * Whether a batch that failed as a whole certainly wrote nothing, so that its items may be written one by one
   * and the failure told only to the item it belongs to (a unique key taken, a check refused). A lost
   * connection is not such a failure: the commit may have happened, so every item of the batch gets the error.
   */
  failedWhole: (err: unknown) => boolean;
}

interface Waiting<I, O> { item: I; resolve: (value: O) => void; reject: (err: unknown) => void }

export function groupCommit<I, O>(write: (items: I[]) => Promise<Array<Outcome<O>>>, options: GroupCommitOptions): (item: I) => Promise<O> {
  const queue: Array<Waiting<I, O>> = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = (w: Waiting<I, O>, o: Outcome<O>) => (o.ok ? w.resolve(o.value) : w.reject(o.error));

  const alone = async (w: Waiting<I, O>) => {
    try {
      settle(w, (await write([w.item]))[0]!);
    } catch (err) {
      w.reject(err);
    }
  };

  const run = async (batch: Array<Waiting<I, O>>) => {
    let outcomes: Array<Outcome<O>>;
    try {
      outcomes = await write(batch.map((w) => w.item));
    } catch (err) {
      if (batch.length > 1 && options.failedWhole(err)) await Promise.all(batch.map(alone));
      else for (const w of batch) w.reject(err);
      return;
    }
    if (outcomes.length !== batch.length) {
      const err = new Error(`group commit: the writer answered ${outcomes.length} outcomes for ${batch.length} items`);
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => settle(w, outcomes[i]!));
  };

  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      inFlight++;
      void run(queue.splice(0, options.maxBatch)).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };

  function schedule() {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  }

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    schedule();
  });
}
