/**
 * Personal references from judged past efforts (docs/science.md §2): a max envelope of mean power
 * per duration built only from efforts the verdict judged all-out, over the 42 days before the
 * session (fallback 90 days, marked stale); the equivalent-2k index (§2.2), a personal Paul
 * constant once two maximal points ≥ 2× apart exist (§2.3) and CP/W′ from a work–time fit once
 * there are maximal efforts at 3–5 and 10–30 min (§2.4). Pure: the session's start `atMs` is data,
 * never the clock.
 */
import type { JudgedEffort } from './judged-effort.js';
import { bandOf } from './bands.js';
import { PAUL_K_S, powerDurationRatio } from './power-duration.js';
import type { HistoryReference, ReferenceProvider } from './reference.js';
import { formatRowTime } from '../rowing/format.js';
import { durationWords } from './verdict-messages.js';
import type { PowerModel } from './w-prime.js';
import { paceFromPower as paceFromPowerS500 } from '../rowing/power.js';

const DAY_MS = 86_400_000;

/** §2 item 1: the envelope's window and its stale fallback, days (intervals.icu shows 42 days; GoldenCheetah's rolling 6 weeks). */
export const HISTORY_WINDOW_DAYS = Object.freeze({ fresh: 42, stale: 90 });
/** An effort within this share of a rep's duration is "the same duration" (the 20 % of `similarReps`, [J]). */
export const SAME_DURATION_SHARE = 0.2;
/** §2.2: envelope points between 2 and 40 min feed the equivalent-2k index. */
export const INDEX_RANGE_S = Object.freeze({ minS: 120, maxS: 2400 });
/** §2.2: the index is the max, or the 90th percentile once there are this many points. */
export const INDEX_PERCENTILE_FROM = 5;
/** §1.3: Paul's law holds from 90 s to 40 min; §2.3 clips the personal constant to 3–8 s per doubling. */
export const PAUL_RANGE = Object.freeze({ minS: 90, maxS: 2400, minK: 3, maxK: 8, minSpan: 2 });
/**
 * §2.4 and the issue: CP/W′ only with maximal efforts at 3–5 min and at 10–30 min, points ≥ 3× apart,
 * fitted over 2–30 min, accepted when 0.75 ≤ CP/P2k ≤ 0.95 and 8 kJ ≤ W′ ≤ 35 kJ.
 */
export const CP_FIT = Object.freeze({ shortS: [180, 300], longS: [600, 1800], fitS: [120, 1800], minSpan: 3, cpShare: [0.75, 0.95], wPrimeJ: [8000, 35000] });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "12 Nov": the UTC day of `ms`, fixed English month names (no locale, no time zone of the machine). */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!}`;
}

/** P2k, W, of which a maximal effort of `durationS` at `powerW` is R(T) (R is level-dependent: settled by iteration). */
export function equivalent2kW(durationS: number, powerW: number, k = PAUL_K_S): number {
  let p2k = powerW / powerDurationRatio(durationS, undefined, k);
  for (let i = 0; i < 4; i++) p2k = powerW / powerDurationRatio(durationS, p2k, k);
  return p2k;
}

/** The equivalent-2k index of one effort: its P2k and the 2k time that stands for, s (§2.2). */
export function effortIndex(effort: Pick<JudgedEffort, 'durationS' | 'meanPowerW'>, k = PAUL_K_S): { p2kW: number; time2kS: number } {
  const p2kW = equivalent2kW(effort.durationS, effort.meanPowerW, k);
  return { p2kW, time2kS: 4 * paceFromPowerS500(p2kW) };
}

export interface PersonalCurveOptions {
  /** window and stale fallback, days (default HISTORY_WINDOW_DAYS) */
  freshDays?: number;
  staleDays?: number;
}

export interface PersonalCurve {
  /** the efforts the curve is built from: all-out, started before `atMs`, inside the window; by duration */
  points: JudgedEffort[];
  /** the window used, days */
  windowDays: number;
  /** nothing all-out in the fresh window: the points come from the fallback window */
  stale: boolean;
  /** the maximal points: no other point is at least as long and stronger (the envelope's corners) */
  envelope: JudgedEffort[];
  /** §2.3 personal Paul constant, s/500 m per doubling, with the points it came from */
  paulK?: { k: number; points: number };
  /** §2.2 equivalent-2k index, W, and the effort that sets it */
  index?: { p2kW: number; time2kS: number; effort: JudgedEffort };
  /** §2.4 CP/W′ from the work–time fit, when accepted */
  model?: PowerModel;
}

function inWindow(efforts: readonly JudgedEffort[], atMs: number, days: number): JudgedEffort[] {
  const from = atMs - days * DAY_MS;
  return efforts.filter((e) => e.allOut === true && e.startMs < atMs && e.startMs >= from && e.durationS > 0 && e.meanPowerW > 0);
}

/** Points no other point dominates (as long or longer and stronger). */
function envelopeOf(points: readonly JudgedEffort[]): JudgedEffort[] {
  return points.filter((p) => !points.some((q) => q !== p && q.durationS >= p.durationS && q.meanPowerW > p.meanPowerW));
}

/** Least-squares slope and intercept of y on x. */
function fitLine(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** §2.3: split = a + k·log₂(distance) over the maximal points in Paul's range, clipped to 3–8 s. */
function personalPaulK(envelope: readonly JudgedEffort[]): PersonalCurve['paulK'] {
  const pts = envelope.filter((e) => e.durationS >= PAUL_RANGE.minS && e.durationS <= PAUL_RANGE.maxS);
  if (pts.length < 2) return undefined;
  const durations = pts.map((p) => p.durationS);
  if (Math.max(...durations) / Math.min(...durations) < PAUL_RANGE.minSpan) return undefined;
  const splits = pts.map((p) => paceFromPowerS500(p.meanPowerW));
  const log2d = pts.map((p, i) => Math.log2(p.distanceM ?? (p.durationS * 500) / splits[i]!));
  const { slope } = fitLine(log2d, splits);
  return { k: Math.min(PAUL_RANGE.maxK, Math.max(PAUL_RANGE.minK, slope)), points: pts.length };
}

/** §2.2: max of P2k_eq over envelope points in 2–40 min (90th percentile from 5 on); sprints only → over all points. */
function indexOf(envelope: readonly JudgedEffort[], k: number): PersonalCurve['index'] {
  const ranged = envelope.filter((e) => e.durationS >= INDEX_RANGE_S.minS && e.durationS <= INDEX_RANGE_S.maxS);
  // a sprint-only history still stands for a level (reference.ts did rep 1 ÷ R(30 s) before): used when nothing longer exists
  const pts = ranged.length > 0 ? ranged : envelope;
  if (pts.length === 0) return undefined;
  const scored = pts.map((effort) => ({ effort, ...effortIndex(effort, k) })).sort((a, b) => a.p2kW - b.p2kW);
  const at = scored.length >= INDEX_PERCENTILE_FROM ? Math.ceil(0.9 * scored.length) - 1 : scored.length - 1;
  return scored[at]!;
}

/** §2.4: W = CP·t + W′ over maximal points in 2–30 min, with one at 3–5 and one at 10–30 min, ≥ 3× apart. */
function cpModel(envelope: readonly JudgedEffort[], p2kW: number | undefined): PowerModel | undefined {
  if (p2kW === undefined) return undefined;
  const inRange = (e: JudgedEffort, [lo, hi]: readonly number[]): boolean => e.durationS >= lo! && e.durationS <= hi!;
  const pts = envelope.filter((e) => inRange(e, CP_FIT.fitS));
  if (!pts.some((e) => inRange(e, CP_FIT.shortS)) || !pts.some((e) => inRange(e, CP_FIT.longS))) return undefined;
  const t = pts.map((e) => e.durationS);
  if (Math.max(...t) / Math.min(...t) < CP_FIT.minSpan) return undefined;
  const { slope: cpW, intercept: wPrimeJ } = fitLine(t, pts.map((e) => e.meanPowerW * e.durationS));
  const share = cpW / p2kW;
  if (share < CP_FIT.cpShare[0]! || share > CP_FIT.cpShare[1]! || wPrimeJ < CP_FIT.wPrimeJ[0]! || wPrimeJ > CP_FIT.wPrimeJ[1]!) return undefined;
  return { cpW, wPrimeJ, p2kW };
}

/** The athlete's curve at `atMs` from judged efforts (only those before `atMs`, only all-out ones). */
export function personalCurve(efforts: readonly JudgedEffort[], atMs: number, opts: PersonalCurveOptions = {}): PersonalCurve {
  const freshDays = opts.freshDays ?? HISTORY_WINDOW_DAYS.fresh;
  const staleDays = opts.staleDays ?? HISTORY_WINDOW_DAYS.stale;
  const fresh = inWindow(efforts, atMs, freshDays);
  const stale = fresh.length === 0;
  const points = (stale ? inWindow(efforts, atMs, staleDays) : fresh).sort((a, b) => a.durationS - b.durationS || a.startMs - b.startMs);
  const envelope = envelopeOf(points);
  const curve: PersonalCurve = { points, windowDays: stale ? staleDays : freshDays, stale, envelope };
  const paulK = personalPaulK(envelope);
  if (paulK) curve.paulK = paulK;
  const index = indexOf(envelope, paulK?.k ?? PAUL_K_S);
  if (index) curve.index = index;
  const model = cpModel(envelope, index?.p2kW);
  if (model) curve.model = model;
  return curve;
}

/** "sprint", "4-minute rep", "20-minute piece" for an effort. */
function effortWords(e: JudgedEffort): string {
  const d = durationWords(e.durationS);
  if (e.kind === 'piece') return `${d} piece`;
  return bandOf(e.durationS).repWord === 'sprint' ? `${d} sprint` : `${d} rep`;
}

/**
 * The reference for a rep of `durationS` from a curve: the best same-duration point (±20 %), placed
 * at T by R(T)/R(D), else the equivalent-2k index extrapolated by R(T) (`testS` = the effort's
 * length, so the tolerance widens with the distance, §7.4).
 */
export function curveReference(curve: PersonalCurve, durationS: number): HistoryReference | undefined {
  const index = curve.index;
  if (!index) return undefined;
  const k = curve.paulK?.k ?? PAUL_K_S;
  const ratio = (t: number): number => powerDurationRatio(t, index.p2kW, k);
  // no parentheses: the verdict puts the source inside its own "(from …)"
  const old = curve.stale ? ` — over ${HISTORY_WINDOW_DAYS.fresh} days old` : '';
  const same = curve.points
    .filter((e) => Math.abs(e.durationS - durationS) <= SAME_DURATION_SHARE * durationS)
    .map((e) => ({ e, powerW: (e.meanPowerW * ratio(durationS)) / ratio(e.durationS) }))
    .sort((a, b) => b.powerW - a.powerW || b.e.startMs - a.e.startMs)[0];
  const common = { p2kW: index.p2kW, stale: curve.stale, windowDays: curve.windowDays };
  const extra = { ...(curve.paulK ? { paulK: curve.paulK.k } : {}), ...(curve.model ? { model: curve.model } : {}) };
  if (same) {
    return { ...common, ...extra, powerW: same.powerW, dateMs: same.e.startMs, sessionId: same.e.sessionId, source: `your best ${effortWords(same.e)} of the last ${curve.windowDays} days, ${formatDay(same.e.startMs)}${old}` };
  }
  const e = index.effort;
  return {
    ...common,
    ...extra,
    powerW: index.p2kW * ratio(durationS),
    dateMs: e.startMs,
    sessionId: e.sessionId,
    testS: e.durationS,
    source: `your ${effortWords(e)} of ${formatDay(e.startMs)}, worth a ${formatRowTime(Math.round(index.time2kS))} 2k, the best of the last ${curve.windowDays} days${old}`,
  };
}

/**
 * A `ReferenceProvider` over one athlete's judged efforts, as of `atMs` (the session's start, ms
 * since the epoch). The rower argument is ignored: the caller picks the athlete's efforts per rower.
 */
export function historyReferences(efforts: readonly JudgedEffort[], atMs: number, opts: PersonalCurveOptions = {}): ReferenceProvider & { curve: PersonalCurve } {
  const curve = personalCurve(efforts, atMs, opts);
  const at = (durationS: number): HistoryReference | undefined => curveReference(curve, durationS);
  return {
    curve,
    rep1PowerW: () => {
      const ref = at(30);
      return ref ? { powerW: ref.powerW, source: ref.source } : undefined;
    },
    capacityW: (_rower, durationS) => at(durationS)?.powerW,
    referenceFor: (_rower, durationS) => at(durationS),
  };
}
