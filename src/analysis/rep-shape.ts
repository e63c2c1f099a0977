/**
 * Within-rep shape by fractions of the rep, for reps longer than a sprint (docs/science.md
 * §7.3): the 30-s metrics (fixed 5-s windows, time to peak) mean little in a
 * 5-minute rep, where the monitor lag of the first strokes is noise.
 */
import { holdMean, type Point, type Stroke } from './series.js';

export interface RepShape {
  /** MID: mean power over 40–80 % of the rep, W */
  midW: number;
  /** ES_T: mean(last 10 %, 5–60 s long) ÷ MID */
  endSpurt: number;
  /** START: mean(first 10 %, from the 3rd stroke) ÷ MID */
  start: number;
  /** NS: mean(second half) ÷ mean(first half) */
  negativeSplit: number;
  /** mean of the last third ÷ the rep's mean */
  lastThird: number;
  /** the best 10-s window starts in the last third of the rep */
  best10sInLastThird: boolean;
  /** length of the end window ES_T reads, s */
  endWindowS: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The fraction-based shape of [startMs, endMs] from cleaned points; null when under 15 s or no power. */
export function repShape(points: readonly Point[], strokes: readonly Stroke[], startMs: number, endMs: number): RepShape | null {
  const durMs = endMs - startMs;
  if (durMs < 15_000) return null;
  const at = (f: number): number => startMs + f * durMs;
  const mean = (a: number, b: number): number | undefined => holdMean(points, 'powerW', a, b);
  const mid = mean(at(0.4), at(0.8));
  const all = mean(startMs, endMs);
  if (mid === undefined || all === undefined || !(mid > 0) || !(all > 0)) return null;
  const endWindowMs = clamp(0.1 * durMs, 5000, 60_000);
  const last = mean(endMs - endWindowMs, endMs);
  const from = strokes.length >= 3 ? Math.max(startMs, strokes[2]!.t) : startMs;
  const first = mean(from, Math.max(from + 3000, at(0.1)));
  const firstHalf = mean(startMs, at(0.5));
  const secondHalf = mean(at(0.5), endMs);
  const lastThird = mean(at(2 / 3), endMs);
  let best = -Infinity;
  let bestAt = startMs;
  for (let t = startMs; t + 10_000 <= endMs; t += 1000) {
    const m = mean(t, t + 10_000);
    if (m !== undefined && m > best) {
      best = m;
      bestAt = t;
    }
  }
  return {
    midW: mid,
    endSpurt: (last ?? mid) / mid,
    start: (first ?? mid) / mid,
    negativeSplit: firstHalf && secondHalf ? secondHalf / firstHalf : 1,
    lastThird: (lastThird ?? all) / all,
    best10sInLastThird: bestAt >= at(2 / 3),
    endWindowS: endWindowMs / 1000,
  };
}
