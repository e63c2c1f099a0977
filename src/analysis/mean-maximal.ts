/**
 * Mean-maximal power: the best continuous window of mean power for each of a set of durations
 * (the power–duration curve of one session, docs/science.md §2.1). Power is the analysis's cleaned
 * power (`cleanPower`: pace-only machines, stale consoles, spikes) held until the next report, as
 * interval stats integrate it; the windows are taken on a 1-s grid from the first report.
 */
import { cleanPower, type Point } from './series.js';

/** The window lengths the history keeps, s: 10 s, 30 s, 1, 2, 4, 5, 10, 20, 30 and 60 min. */
export const BEST_WINDOWS_S: readonly number[] = Object.freeze([10, 30, 60, 120, 240, 300, 600, 1200, 1800, 3600]);

export interface BestWindow {
  durationS: number;
  /** mean power over the window, W */
  powerW: number;
  /** window start, ms of data time */
  startMs: number;
}

/** A session's power as 1-s means: `watts[i]` covers [t0 + i s, t0 + (i + 1) s). */
export interface SecondSeries {
  t0Ms: number;
  watts: Float64Array;
}

/**
 * Sample-and-hold power (W) per second from the first report with power to the last point. A
 * second before any power is reported, or the held value of an unknown power, counts as 0 W.
 */
export function powerPerSecond(points: readonly Point[]): SecondSeries {
  const clean = cleanPower(points).filter((p) => p.powerW !== undefined);
  if (clean.length === 0) return { t0Ms: 0, watts: new Float64Array(0) };
  const t0 = clean[0]!.t;
  const tEnd = points[points.length - 1]!.t;
  const n = Math.max(0, Math.floor((tEnd - t0) / 1000));
  const watts = new Float64Array(n);
  // integrate the step function second by second
  let k = 0;
  for (let i = 0; i < n; i++) {
    const from = t0 + i * 1000;
    const to = from + 1000;
    while (k + 1 < clean.length && clean[k + 1]!.t <= from) k++;
    let sum = 0;
    let cursor = from;
    let j = k;
    while (cursor < to) {
      const next = j + 1 < clean.length ? Math.min(to, clean[j + 1]!.t) : to;
      sum += clean[j]!.powerW! * (next - cursor);
      cursor = next;
      if (next < to) j++;
    }
    watts[i] = sum / 1000;
  }
  return { t0Ms: t0, watts };
}

/** The best window of each duration in `durationsS` that fits in the series (shorter series: fewer windows). */
export function meanMaximal(series: SecondSeries, durationsS: readonly number[] = BEST_WINDOWS_S): BestWindow[] {
  const { watts, t0Ms } = series;
  const prefix = new Float64Array(watts.length + 1);
  for (let i = 0; i < watts.length; i++) prefix[i + 1] = prefix[i]! + watts[i]!;
  const out: BestWindow[] = [];
  for (const d of durationsS) {
    if (!(d >= 1) || !Number.isInteger(d) || d > watts.length) continue;
    let best = -1;
    let at = 0;
    for (let i = 0; i + d <= watts.length; i++) {
      const sum = prefix[i + d]! - prefix[i]!;
      if (sum > best) {
        best = sum;
        at = i;
      }
    }
    out.push({ durationS: d, powerW: best / d, startMs: t0Ms + at * 1000 });
  }
  return out;
}

/** Best windows of a session's points (sorted by t), W. */
export function bestWindows(points: readonly Point[], durationsS: readonly number[] = BEST_WINDOWS_S): BestWindow[] {
  return meanMaximal(powerPerSecond(points), durationsS);
}
