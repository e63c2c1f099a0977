/**
 * Time-series helpers over rower points (1–4 Hz samples or per-stroke events, `t` in ms).
 * Values are sample-and-hold: a reported value stays in force until the next report.
 */
import { powerFromPace } from '../rowing/power.js';

/** One observation; a `Sample` from the decoder fits as it is. */
export interface Point {
  /** data time, ms */
  t: number;
  powerW?: number;
  strokeRate?: number;
  heartRate?: number;
  distanceM?: number;
  energyKcal?: number;
  strokeCount?: number;
  /** s/500 m: the source of power for machines that send pace only */
  paceS500?: number;
}

export type NumericKey = 'powerW' | 'strokeRate' | 'heartRate' | 'distanceM' | 'energyKcal' | 'strokeCount';

/** A stroke as reported: its report time (ms), power (W) and rate (spm) when known. */
export interface Stroke {
  t: number;
  powerW: number;
  strokeRate?: number;
}

/** Index of the first point with t ≥ tMs (points sorted by t). */
export function lowerBound(points: readonly Point[], tMs: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.t < tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Time-weighted mean of `key` over [fromMs, toMs] with sample-and-hold: the value in force at
 * `fromMs` is the last report at or before it (or, if none, the first report inside the window).
 * Undefined when the window is empty or holds no value.
 */
export function holdMean(points: readonly Point[], key: NumericKey, fromMs: number, toMs: number): number | undefined {
  if (!(toMs > fromMs)) return undefined;
  let held: number | undefined;
  const first = lowerBound(points, fromMs);
  for (let i = Math.min(first, points.length - 1); i >= 0; i--) {
    const p = points[i]!;
    if (p.t <= fromMs && p[key] !== undefined) {
      held = p[key];
      break;
    }
  }
  let cursor = fromMs;
  let sum = 0;
  let covered = 0;
  for (let i = first; i < points.length; i++) {
    const p = points[i]!;
    if (p.t >= toMs) break;
    const v = p[key];
    if (v === undefined) continue;
    if (held === undefined) {
      held = v; // nothing before the window: back-fill from the first report inside it
    } else {
      sum += held * (p.t - cursor);
      covered += p.t - cursor;
    }
    held = v;
    cursor = p.t;
  }
  if (held === undefined) return undefined;
  sum += held * (toMs - cursor);
  covered += toMs - cursor;
  return sum / covered;
}

/**
 * The points that matter for [fromMs, toMs]: those inside plus a margin of `margin` reports on
 * each side (the value held at the start, spike neighbours), so callers can hand in a whole session.
 */
export function around<P extends Point>(points: readonly P[], fromMs: number, toMs: number, margin = 10): P[] {
  const from = Math.max(0, lowerBound(points, fromMs) - margin);
  const to = Math.min(points.length, lowerBound(points, toMs + 1) + margin);
  return points.slice(from, to);
}

/** Sample-and-hold value of `key` at tMs (last report at or before it), if any. */
export function valueAt(points: readonly Point[], key: NumericKey, tMs: number): number | undefined {
  for (let i = Math.min(lowerBound(points, tMs), points.length - 1); i >= 0; i--) {
    const p = points[i]!;
    if (p.t <= tMs && p[key] !== undefined) return p[key];
  }
  return undefined;
}

/**
 * Strokes reported in (fromMs, toMs]. With a stroke counter, a stroke is a point where the
 * counter rose; without one, a point whose (power, rate) pair changed (1 Hz sample-and-hold repeats
 * the last stroke). A 0 W report with a positive rate carries no information and is skipped.
 */
export function strokesIn(points: readonly Point[], fromMs: number, toMs: number): Stroke[] {
  const start = lowerBound(points, fromMs);
  let hasCounter = false;
  for (let i = start; i < points.length && points[i]!.t <= toMs && !hasCounter; i++) hasCounter = points[i]!.strokeCount !== undefined;
  let prev: Point | undefined;
  for (let i = start - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.powerW !== undefined && (!hasCounter || p.strokeCount !== undefined)) {
      prev = p;
      break;
    }
  }
  const out: Stroke[] = [];
  for (let i = start; i < points.length; i++) {
    const p = points[i]!;
    if (p.t > toMs) break;
    if (p.t <= fromMs || p.powerW === undefined) continue;
    if (p.powerW === 0 && (p.strokeRate ?? 0) > 0) continue;
    const isNew = hasCounter
      ? p.strokeCount !== undefined && (prev?.strokeCount === undefined || p.strokeCount > prev.strokeCount)
      : prev === undefined || p.powerW !== prev.powerW || p.strokeRate !== prev.strokeRate;
    if (hasCounter && p.strokeCount === undefined) continue;
    if (isNew) out.push(p.strokeRate === undefined ? { t: p.t, powerW: p.powerW } : { t: p.t, powerW: p.powerW, strokeRate: p.strokeRate });
    prev = p;
  }
  return out;
}

/** No new stroke for this long: the athlete is not rowing, ms [docs/science.md §9.2: 6 s without a stroke is a pause]. */
const NOT_ROWING_MS = 6000;

/**
 * Power cleaned for analysis: 0 W (and 0 spm) once no stroke has come for 6 s, whatever a console
 * still shows; a machine that sends pace only gets P = 2.80 / (pace/500)³; a 0 W report with a positive rate (some consoles write 0 W on the
 * first stroke of a segment) loses its power, and a spike under 2.5 s above 1.8 × both neighbours —
 * impossible through a flywheel whose time constant is ~2 s — is replaced by the larger neighbour.
 */
export function cleanPower<P extends Point>(points: readonly P[]): P[] {
  let count: number | undefined;
  let countSince = 0;
  const out = points.map((p) => {
    // the stroke count frozen for a while: not rowing, whatever the console still shows (a rest
    // sat out on a console that holds its last stroke's numbers: WaterRower S4, PM3 via Painsled)
    if (p.strokeCount !== undefined) {
      if (p.strokeCount !== count) {
        count = p.strokeCount;
        countSince = p.t;
      } else if (p.t - countSince > NOT_ROWING_MS) return { ...p, powerW: 0, strokeRate: 0 };
    }
    if (p.powerW === undefined && p.paceS500 !== undefined && p.paceS500 > 0) return { ...p, powerW: powerFromPace(p.paceS500) };
    return p.powerW === 0 && (p.strokeRate ?? 0) > 0 ? { ...p, powerW: undefined } : p;
  });
  const idx: number[] = [];
  for (let i = 0; i < out.length; i++) if (out[i]!.powerW !== undefined) idx.push(i);
  // runs of equal values (sample-and-hold repeats one stroke), judged against the runs around them
  const runs: { from: number; to: number; powerW: number }[] = [];
  for (let k = 0; k < idx.length; k++) {
    const v = out[idx[k]!]!.powerW!;
    const last = runs[runs.length - 1];
    if (last && last.powerW === v) last.to = k;
    else runs.push({ from: k, to: k, powerW: v });
  }
  for (let r = 1; r < runs.length - 1; r++) {
    const bound = Math.max(runs[r - 1]!.powerW, runs[r + 1]!.powerW);
    const run = runs[r]!;
    const lastedMs = out[idx[runs[r + 1]!.from]!]!.t - out[idx[run.from]!]!.t;
    if (bound > 0 && run.powerW > 1.8 * bound && lastedMs < 2500) {
      for (let k = run.from; k <= run.to; k++) out[idx[k]!] = { ...out[idx[k]!]!, powerW: bound };
    }
  }
  return out;
}

/** Reused buffer for short medians (sorting a copy of ≤ 32 values in place; never observable). */
const SCRATCH = new Float64Array(32);

/**
 * Median of a list (undefined for an empty one). Short lists — the stroke detector asks for the
 * median of its last 9 sample gaps on every sample — are insertion-sorted in a reused buffer;
 * longer ones are copied to a typed array, which sorts numerically without a comparator.
 */
export function median(values: readonly number[]): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  if (n === 1) return values[0];
  let s: Float64Array;
  if (n <= SCRATCH.length) {
    s = SCRATCH;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      let j = i - 1;
      for (; j >= 0 && s[j]! > v; j--) s[j + 1] = s[j]!;
      s[j + 1] = v;
    }
  } else s = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
