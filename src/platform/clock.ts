/** The time source of the shell. Rules never read it: services pass `now` into them. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests and simulations can set and move. */
export function fixedClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => { current = new Date(at); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}
