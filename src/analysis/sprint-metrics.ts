/** The shape and level numbers of one sprint that the all-out verdict reads (docs/science.md §7.3). */
import { bestThreeStrokes, HR_LAG_MS } from './interval-stats.js';
import { repShape, type RepShape } from './rep-shape.js';
import { around, cleanPower, holdMean, lowerBound, median, strokesIn, type Point } from './series.js';

export interface SprintMetrics {
  startMs: number;
  endMs: number;
  durationS: number;
  /** MP: energy ÷ time, W */
  meanPowerW: number;
  /** PP3: best 3-stroke mean, W (= meanPowerW when fewer than 3 strokes) */
  peakPowerW: number;
  /** TTP: start → the middle stroke of the best 3-stroke window, s */
  timeToPeakS: number;
  /** the best 3-stroke window lies in the second half of the sprint */
  peakInSecondHalf: boolean;
  /** FI: (PP3 − mean of the last 3 strokes) / PP3, fraction (0.14 = faded 14 %) */
  fade: number;
  /** ES: mean(last 5 s) / mean(10–25 s); null when the sprint is too short to tell */
  endSpurt: number | null;
  /** FL: mean(3–13 s) / mean(20–30 s); null when the sprint is too short to tell */
  frontLoading: number | null;
  /** median stroke rate, spm (null when the machine sends none) */
  strokeRate: number | null;
  /** peak heart rate in [start, end + 30 s], bpm */
  peakHeartRate: number | null;
  strokes: number;
  /** share of the sprint covered by data, 0..1 */
  coverage: number;
  /** longest stretch without data beyond the normal report spacing, s */
  maxGapS: number;
  /** shape by fractions of the rep (docs/science.md §7.3), read by bands B–F; absent under 15 s */
  shape?: RepShape | null;
}

/** Mean power over [a, b] s after the start (clipped to the sprint); null when under 4 s remain. */
function windowMean(points: readonly Point[], startMs: number, endMs: number, aS: number, bS: number): number | null {
  const from = Math.max(startMs, startMs + aS * 1000);
  const to = Math.min(endMs, startMs + bS * 1000);
  if (to - from < 4000) return null;
  return holdMean(points, 'powerW', from, to) ?? null;
}

/**
 * Coverage and the longest missing stretch. The longest gap is the time between reports beyond
 * their usual spacing. Coverage lets sample-and-hold bridge one lost report (a held value is
 * still true a spacing later), so only gaps beyond twice the usual spacing count as missing.
 */
function dataQuality(points: readonly Point[], startMs: number, endMs: number): { coverage: number; maxGapS: number } {
  const times: number[] = [];
  for (let i = lowerBound(points, startMs); i < points.length && points[i]!.t <= endMs; i++) {
    if (points[i]!.powerW !== undefined) times.push(points[i]!.t);
  }
  const edges = [startMs, ...times, endMs];
  const spacings = times.slice(1).map((t, i) => t - times[i]!);
  const usual = Math.max(median(spacings) ?? 1000, 1000);
  let missing = 0;
  let maxGap = 0;
  for (let i = 1; i < edges.length; i++) {
    const between = edges[i]! - edges[i - 1]!;
    missing += Math.max(0, between - 2 * usual);
    maxGap = Math.max(maxGap, between - usual);
  }
  const duration = endMs - startMs;
  return { coverage: duration > 0 ? Math.max(0, 1 - missing / duration) : 0, maxGapS: maxGap / 1000 };
}

/**
 * Metrics of the sprint [startMs, endMs] (ms of data time) from samples or stroke events.
 * Points after `endMs` (up to +30 s) are read only for the heart-rate peak.
 */
export function sprintMetrics(
  points: readonly Point[],
  startMs: number,
  endMs: number,
  opts: { hrWindowEndMs?: number } = {},
): SprintMetrics {
  const hrEnd = opts.hrWindowEndMs ?? endMs + HR_LAG_MS;
  const clean = cleanPower(around(points, startMs, Math.max(endMs, hrEnd)));
  const durationS = Math.max(0, endMs - startMs) / 1000;
  const meanPowerW = holdMean(clean, 'powerW', startMs, endMs) ?? 0;
  const strokes = strokesIn(clean, startMs, endMs);
  const best = bestThreeStrokes(strokes);
  const peakPowerW = best?.powerW ?? meanPowerW;
  const timeToPeakS = best ? (strokes[best.middle]!.t - startMs) / 1000 : 0;
  const lastThree = strokes.slice(-3);
  const lastMean = lastThree.reduce((s, x) => s + x.powerW, 0) / Math.max(1, lastThree.length);
  const fade = best && peakPowerW > 0 ? (peakPowerW - lastMean) / peakPowerW : 0;
  const middle = windowMean(clean, startMs, endMs, 10, Math.min(25, durationS - 5));
  const last5 = windowMean(clean, startMs, endMs, durationS - 5, durationS);
  const early = windowMean(clean, startMs, endMs, 3, 13);
  const late = windowMean(clean, startMs, endMs, 20, 30);
  const rates = strokes.flatMap((s) => (s.strokeRate !== undefined && s.strokeRate > 0 ? [s.strokeRate] : []));
  let peakHeartRate: number | null = null;
  for (let i = lowerBound(clean, startMs); i < clean.length && clean[i]!.t <= hrEnd; i++) {
    const hr = clean[i]!.heartRate;
    if (hr !== undefined && hr > 0 && (peakHeartRate === null || hr > peakHeartRate)) peakHeartRate = hr;
  }
  return {
    startMs,
    endMs,
    durationS,
    meanPowerW,
    peakPowerW,
    timeToPeakS,
    peakInSecondHalf: timeToPeakS > durationS / 2,
    fade,
    endSpurt: middle && last5 !== null && durationS >= 20 ? last5 / middle : null,
    frontLoading: early && late !== null && durationS >= 24 ? early / late : null,
    strokeRate: median(rates) ?? null,
    peakHeartRate,
    strokes: strokes.length,
    ...dataQuality(clean, startMs, endMs),
    shape: repShape(clean, strokes, startMs, endMs),
  };
}
