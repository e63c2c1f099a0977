/**
 * The samples an interval's statistics need: from the last report before `startMs` (its value
 * is held into the interval: sample-and-hold) through `untilMs`. Binary search, so summarising
 * stays cheap however long the session is.
 */
import type { Sample } from '../ftms/sample.js';

/** Reports that lead into the interval so holds and stroke counts are known at its start. */
const LEAD_REPORTS = 3;

/** The extent [from, to) in `samples` of `window(samples, startMs, untilMs)`. */
function windowRange(samples: readonly Sample[], startMs: number, untilMs: number): [number, number] {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.t < startMs) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < samples.length && samples[to]!.t <= untilMs) to++;
  return [Math.max(0, lo - LEAD_REPORTS), to];
}

/** samples[i] for t in [start − a few reports, untilMs], ms (samples sorted by t). */
export function window(samples: readonly Sample[], startMs: number, untilMs: number): Sample[] {
  const [from, to] = windowRange(samples, startMs, untilMs);
  return samples.slice(from, to);
}

/**
 * Results of a pure function of one window of a rower's samples, kept by the window's extent.
 * The stages append samples and never change one, so the same extent [from, to) of the array,
 * with the same arguments, is the same input: the interval statistics and verdict inputs that a
 * sprint's second emission and the end-of-session revision ask for again are computed once.
 */
export class WindowMemo<T> {
  private readonly results = new Map<string, T>();

  constructor(private readonly samples: readonly Sample[]) {}

  /** `compute(window(samples, startMs, untilMs))`, or its result for the same extent and `args`. */
  get(startMs: number, untilMs: number, args: readonly number[], compute: (points: Sample[]) => T): T {
    const [from, to] = windowRange(this.samples, startMs, untilMs);
    const key = `${from} ${to} ${startMs} ${untilMs} ${args.join(' ')}`;
    if (this.results.has(key)) return this.results.get(key) as T;
    const result = compute(this.samples.slice(from, to));
    this.results.set(key, result);
    return result;
  }
}
