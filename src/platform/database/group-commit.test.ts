import { describe, expect, it } from 'vitest';
import { groupCommit, type Outcome } from './group-commit.js';

class Refused extends Error {}

/** A writer that records its batches; an item 'bad' makes the whole batch refused, 'lost' loses it. */
function recorder(options: { maxBatch?: number; maxInFlight?: number } = {}) {
  const batches: string[][] = [];
  let open = 0;
  let mostOpen = 0;
  const write = async (items: string[]): Promise<Array<Outcome<string>>> => {
    batches.push(items);
    open++;
    mostOpen = Math.max(mostOpen, open);
    await new Promise((resolve) => setTimeout(resolve, 5));
    open--;
    if (items.includes('lost')) throw new Error('connection lost');
    if (items.includes('bad')) throw new Refused('refused');
    return items.map((item) => (item.startsWith('no') ? { ok: false, error: new Error(`rule refused ${item}`) } : { ok: true, value: item.toUpperCase() }));
  };
  const submit = groupCommit(write, { maxBatch: options.maxBatch ?? 10, maxInFlight: options.maxInFlight ?? 1, failedWhole: (err) => err instanceof Refused });
  return { submit, batches, mostOpen: () => mostOpen };
}

describe('group commit', () => {
  it('writes a lone item at once, alone', async () => {
    const r = recorder();
    expect(await r.submit('a')).toBe('A');
    expect(r.batches).toEqual([['a']]);
  });

  it('gathers what arrives while a batch is in flight into the next, up to the largest batch', async () => {
    const r = recorder({ maxBatch: 3 });
    const first = r.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ['b', 'c', 'd', 'e', 'f'].map((x) => r.submit(x));
    expect(await Promise.all([first, ...rest])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(r.batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
    expect(r.mostOpen()).toBe(1);
  });

  it('keeps at most maxInFlight batches open', async () => {
    const r = recorder({ maxBatch: 2, maxInFlight: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => r.submit(x)));
    expect(r.mostOpen()).toBe(2);
    expect(r.batches.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('tells each item its own outcome', async () => {
    const r = recorder();
    const [a, no] = await Promise.allSettled([r.submit('a'), r.submit('no-1')]);
    expect(a).toEqual({ status: 'fulfilled', value: 'A' });
    expect(no.status === 'rejected' && String(no.reason)).toContain('rule refused no-1');
  });

  it('writes the items of a refused batch one by one, so that only the item at fault fails', async () => {
    const r = recorder();
    const settled = await Promise.allSettled(['a', 'bad', 'c'].map((x) => r.submit(x)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(r.batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('fails every item of a batch whose outcome is unknown, and never writes them again', async () => {
    const r = recorder();
    const settled = await Promise.allSettled(['a', 'lost', 'c'].map((x) => r.submit(x)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(r.batches).toEqual([['a', 'lost', 'c']]);
    expect(await r.submit('d')).toBe('D');
  });

  it('fails the items of a batch its writer did not answer for, rather than leaving them waiting', async () => {
    const submit = groupCommit(async (items: string[]) => items.slice(1).map((x): Outcome<string> => ({ ok: true, value: x })), {
      maxBatch: 10, maxInFlight: 1, failedWhole: () => false,
    });
    const settled = await Promise.allSettled(['a', 'b'].map((x) => submit(x)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
