/**
 * The samples an interval's statistics need: from the last report before `startMs` (its value
 * is held into the interval: sample-and-hold) through `untilMs`. Binary search, so summarising
 * stays cheap however long the session is.
 */
import type { Sample } from '../ftms/sample.js';

/** Reports that lead into the interval so holds and stroke counts are known at its start. */
const LEAD_REPORTS = 3;

/** samples[i] for t in [start − a few reports, untilMs], ms (samples sorted by t). */
export function window(samples: readonly Sample[], startMs: number, untilMs: number): Sample[] {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.t < startMs) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, lo - LEAD_REPORTS);
  let to = lo;
  while (to < samples.length && samples[to]!.t <= untilMs) to++;
  return samples.slice(from, to);
}
