/** Summary numbers of one interval (work, rest, warm-up or cool-down) from samples or stroke events. */
import { around, cleanPower, holdMean, strokesIn, valueAt, type Point, type Stroke } from './series.js';
import { paceFromPower } from '../rowing/power.js';
import type { IntervalStats } from './types.js';

export type { Point } from './series.js';

/** How long after an interval its heart-rate peak is still counted: HR lags effort by tens of seconds. */
export const HR_LAG_MS = 30_000;

/** Best mean power of 3 consecutive strokes, W, with the index of the middle stroke. */
export function bestThreeStrokes(strokes: readonly Stroke[]): { powerW: number; middle: number } | undefined {
  let best: { powerW: number; middle: number } | undefined;
  for (let i = 0; i + 2 < strokes.length; i++) {
    const mean = (strokes[i]!.powerW + strokes[i + 1]!.powerW + strokes[i + 2]!.powerW) / 3;
    if (!best || mean > best.powerW) best = { powerW: mean, middle: i + 1 };
  }
  return best;
}

/** Highest heart rate reported in [fromMs, toMs], bpm (points sorted by t). */
export function peakHeartRate(points: readonly Point[], fromMs: number, toMs: number): number | undefined {
  return peakOf(points, 'heartRate', fromMs, toMs);
}

/** Max of `key` over reports in [fromMs, toMs]. */
function peakOf(points: readonly Point[], key: 'heartRate', fromMs: number, toMs: number): number | undefined {
  let peak: number | undefined;
  for (const p of points) {
    const v = p[key];
    if (p.t >= fromMs && p.t <= toMs && v !== undefined && v > 0 && (peak === undefined || v > peak)) peak = v;
  }
  return peak;
}

/**
 * Statistics of [startMs, endMs] (ms of data time). Mean power is energy ÷ time (the
 * sample-and-hold integral of power), never the watts of the mean pace; peak is the best
 * 3-stroke mean; heart-rate peak looks until `hrWindowEndMs` (default end + 30 s).
 */
export function summariseInterval(
  points: readonly Point[],
  startMs: number,
  endMs: number,
  opts: { hrWindowEndMs?: number } = {},
): IntervalStats {
  const hrEnd = opts.hrWindowEndMs ?? endMs + HR_LAG_MS;
  const clean = cleanPower(around(points, startMs, Math.max(endMs, hrEnd)));
  const stats: IntervalStats = { durationS: Math.max(0, endMs - startMs) / 1000 };
  if (!(endMs > startMs)) return stats;
  const avgPowerW = holdMean(clean, 'powerW', startMs, endMs);
  if (avgPowerW !== undefined) stats.avgPowerW = avgPowerW;
  const strokes = strokesIn(clean, startMs, endMs);
  const best = bestThreeStrokes(strokes);
  if (best) stats.peakPowerW = best.powerW;
  const rate = holdMean(clean, 'strokeRate', startMs, endMs);
  if (rate !== undefined) stats.avgStrokeRate = rate;
  const hr = holdMean(clean.filter((p) => p.heartRate === undefined || p.heartRate > 0), 'heartRate', startMs, endMs);
  if (hr !== undefined) stats.avgHeartRate = hr;
  const hrPeak = peakOf(clean, 'heartRate', startMs, hrEnd);
  if (hrPeak !== undefined) stats.peakHeartRate = hrPeak;
  const d0 = valueAt(clean, 'distanceM', startMs);
  const d1 = valueAt(clean, 'distanceM', endMs);
  if (d0 !== undefined && d1 !== undefined && d1 > d0) {
    stats.distanceM = d1 - d0;
    stats.avgPaceS500 = (stats.durationS / stats.distanceM) * 500;
  } else if (avgPowerW !== undefined && avgPowerW > 0) {
    stats.avgPaceS500 = paceFromPower(avgPowerW);
  }
  const c0 = valueAt(clean, 'strokeCount', startMs);
  const c1 = valueAt(clean, 'strokeCount', endMs);
  stats.strokes = c0 !== undefined && c1 !== undefined ? Math.max(0, c1 - c0) : strokes.length;
  return stats;
}
