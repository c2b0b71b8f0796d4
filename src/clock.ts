// Time is a dependency: tests and the demo console move it forward.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move (tests, the demo's "+1 working day"). */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date = new Date()) {
    this.#now = start.getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(at: Date): void {
    this.#now = at.getTime();
  }
  advance(milliseconds: number): Date {
    this.#now += milliseconds;
    return this.now();
  }
}

/** Real time that can be shifted forward: the demo's clock keeps ticking after a jump. */
export class OffsetClock implements Clock {
  #offset = 0;
  now(): Date {
    return new Date(Date.now() + this.#offset);
  }
  advance(milliseconds: number): Date {
    this.#offset += milliseconds;
    return this.now();
  }
  advanceTo(at: Date): Date {
    this.#offset = Math.max(this.#offset, at.getTime() - Date.now());
    return this.now();
  }
}
