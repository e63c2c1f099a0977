/**
 * Limits `sample` messages to one per rower per `minIntervalMs` of wall time (4 Hz for displays),
 * always delivering the newest sample: one that arrives too early waits (replacing any older waiting
 * one) and goes out at its slot. Slots are `minIntervalMs` apart, so n samples take at least
 * (n − 1) × minIntervalMs. Other events are not this module's business.
 */
import type { SessionEvent } from '../session/state.js';

type SampleEvent = Extract<SessionEvent, { type: 'sample' }>;

/** Wall clock and timer, injectable for tests. */
export interface ThrottleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

interface Lane {
  /** earliest wall time the next sample may go out */
  nextAt: number;
  pending?: SampleEvent;
  timer?: unknown;
}

export class SampleThrottle {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly minIntervalMs: number,
    private readonly emit: (ev: SampleEvent) => void,
    private readonly clock: ThrottleClock = realClock,
  ) {}

  /** Offers one sample; it is emitted now or later (unless replaced by a newer one first). */
  push(ev: SampleEvent): void {
    const now = this.clock.now();
    let lane = this.lanes.get(ev.rower);
    if (lane === undefined) this.lanes.set(ev.rower, (lane = { nextAt: -Infinity }));
    const wait = lane.nextAt - now;
    if (wait <= 0 && lane.timer === undefined) {
      lane.nextAt = now + this.minIntervalMs;
      this.emit(ev);
      return;
    }
    lane.pending = ev;
    if (lane.timer === undefined) {
      const l = lane;
      l.timer = this.clock.setTimeout(() => this.flush(l), Math.max(0, wait));
    }
  }

  /** Cancels all waiting samples. */
  close(): void {
    for (const lane of this.lanes.values()) {
      if (lane.timer !== undefined) this.clock.clearTimeout(lane.timer);
    }
    this.lanes.clear();
  }

  private flush(lane: Lane): void {
    lane.timer = undefined;
    const ev = lane.pending;
    if (ev === undefined) return;
    lane.pending = undefined;
    // the next slot counts from this one's due time, not from when the timer fired: otherwise timer
    // lateness would pile up and a 4 Hz source would lag further behind at every sample
    lane.nextAt += this.minIntervalMs;
    this.emit(ev);
  }
}
