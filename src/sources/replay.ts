/**
 * Replay: recorded frames and events → the same `SourceItem` stream a live source produces.
 * Item with data time `t` is emitted `t / speed` ms (scheduler time) after subscription, keeping its
 * original `t`; 'instant' emits everything synchronously. Items are expected in non-decreasing t
 * (as `readRecording` guarantees); an out-of-order item is emitted without waiting.
 */
import { Observable, asyncScheduler, type SchedulerLike } from 'rxjs';
import type { Frame, Heartbeat, RowerEvent, SourceItem } from '../ftms/frame.js';

export interface ReplayOptions {
  /** 1 = real time, 10 = ten times faster; 'instant' = synchronously, as fast as possible */
  speed: number | 'instant';
  /** drives timing (tests pass a TestScheduler); default asyncScheduler */
  scheduler?: SchedulerLike;
  /** start again after the end, each pass's t offset by (last t + 1000 ms) so data time keeps increasing */
  loop?: boolean;
  /** also emit a Heartbeat at every multiple of this many ms of DATA time (like the live source) */
  heartbeatMs?: number;
}

/**
 * The longest delay handed to the scheduler, ms: setTimeout fires at once (with a warning) past
 * 2^31 − 1 ms, so a longer wait (a slow replay across a long recorded gap) is taken in steps.
 */
export const MAX_DELAY_MS = 2 ** 31 - 1;

/** Gap of data time between the last item of one loop pass and t = 0 of the next, ms. */
export const LOOP_GAP_MS = 1000;

export class ReplayOptionsError extends Error {
  readonly code = 'BAD_OPTION';
  constructor(message: string) {
    super(message);
    this.name = 'ReplayOptionsError';
  }
}

/** Replay recorded items at recorded pace ÷ speed (or instantly), optionally looping and with heartbeats. */
export function replay$(items: ReadonlyArray<Frame | RowerEvent>, opts: ReplayOptions): Observable<SourceItem> {
  const { speed, heartbeatMs, loop = false } = opts;
  if (speed !== 'instant' && !(typeof speed === 'number' && Number.isFinite(speed) && speed > 0)) {
    throw new ReplayOptionsError(`speed must be a positive number or 'instant', got ${String(speed)}`);
  }
  if (heartbeatMs !== undefined && !(Number.isFinite(heartbeatMs) && heartbeatMs > 0)) {
    throw new ReplayOptionsError(`heartbeatMs must be a positive number, got ${String(heartbeatMs)}`);
  }
  return new Observable<SourceItem>((subscriber) => {
    if (speed === 'instant' && !loop && heartbeatMs === undefined) {
      // the common case (analyze, evaluate): a plain loop, no generator per item
      for (let i = 0; i < items.length && !subscriber.closed; i++) subscriber.next(items[i]!);
      subscriber.complete();
      return;
    }
    const it = timeline(items, loop, heartbeatMs);
    let next = it.next();
    if (speed === 'instant') {
      while (!next.done && !subscriber.closed) {
        subscriber.next(next.value);
        next = it.next();
      }
      subscriber.complete();
      return;
    }
    const scheduler = opts.scheduler ?? asyncScheduler;
    const startMs = scheduler.now();
    const dueIn = (t: number): number => Math.max(0, startMs + t / speed - scheduler.now());
    const delay = (t: number): number => Math.min(dueIn(t), MAX_DELAY_MS);
    if (next.done) {
      subscriber.complete();
      return;
    }
    return scheduler.schedule(function step() {
      // Emit everything due now (same t, or late because of a slow consumer), then sleep until the next.
      while (!next.done && !subscriber.closed && dueIn(next.value.t) === 0) {
        subscriber.next(next.value);
        next = it.next();
      }
      if (subscriber.closed) return;
      if (next.done) subscriber.complete();
      else this.schedule(undefined, delay(next.value.t));
    }, delay(next.value.t));
  });
}

/** The items (re-stamped per loop pass) merged with heartbeats, in t order; infinite when looping. */
function* timeline(items: ReadonlyArray<Frame | RowerEvent>, loop: boolean, heartbeatMs: number | undefined): Generator<SourceItem> {
  const last = items[items.length - 1];
  if (last === undefined) return;
  const periodMs = last.t + LOOP_GAP_MS;
  let nextBeat = heartbeatMs ?? Infinity;
  for (let offset = 0; ; offset += periodMs) {
    for (const item of items) {
      const t = item.t + offset;
      // A heartbeat at the same t as an item comes after it.
      for (; nextBeat < t; nextBeat += heartbeatMs as number) yield heartbeat(nextBeat);
      yield offset === 0 ? item : { ...item, t };
    }
    if (!loop) break;
  }
  for (; nextBeat <= last.t; nextBeat += heartbeatMs as number) yield heartbeat(nextBeat);
}

const heartbeat = (t: number): Heartbeat => ({ kind: 'heartbeat', t });
