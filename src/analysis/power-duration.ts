/**
 * The single-effort power–duration reference R(T) = P(T) / P2k (docs/science.md
 * §1.3): a measured table below 60 s, Paul's law (+5 s/500 m per doubling of
 * distance, §1.1) from 90 s on, a linear blend in between. Powers from paces by Concept2's
 * P = 2.80 / (pace/500)³.
 */
import { paceFromPower as paceFromPowerS500, powerFromPace as powerFromPaceW } from '../rowing/power.js';

/** Short-effort anchors [duration s, R] (docs/science.md §1.3: Jensen [P], Cerasola 2022). */
export const SHORT_R: readonly (readonly [number, number])[] = Object.freeze([
  [10, 1.73],
  [20, 1.68],
  [30, 1.62],
  [60, 1.52],
]);
/** Paul's constant, s/500 m per doubling of distance (§1.1: author 5 s; logbook median 5.04). */
export const PAUL_K_S = 5.0;
/** Paul's law is used from this duration on; below SHORT_R's last anchor the table (§1.3). */
export const PAUL_FROM_S = 90;
/** The level the table is quoted at when no 2k is known: a 7:00 2k (≈ 302 W, §1.3). */
export const DEFAULT_2K_S = 420;

/** P2k, W, from a 2000 m time in s. */
export function p2kFromTimeW(time2kS: number): number {
  return powerFromPaceW(time2kS / 4);
}

/** The distance, m, rowed in `durationS` at Paul's-law pace for a 2k split `split2kS` (bisection). */
function paulDistanceM(durationS: number, split2kS: number, k: number): number {
  let lo = 10;
  let hi = 200_000;
  for (let i = 0; i < 60; i++) {
    const d = Math.sqrt(lo * hi);
    const t = (d * (split2kS + k * Math.log2(d / 2000))) / 500;
    if (t < durationS) lo = d;
    else hi = d;
  }
  return Math.sqrt(lo * hi);
}

/** R(T) by Paul's law at the level of a 2k split `split2kS`. */
function paulR(durationS: number, split2kS: number, k: number): number {
  const d = paulDistanceM(durationS, split2kS, k);
  const split = split2kS + k * Math.log2(d / 2000);
  return (split2kS / split) ** 3;
}

function tableR(durationS: number): number {
  const first = SHORT_R[0]!;
  if (durationS <= first[0]) return first[1];
  for (let i = 1; i < SHORT_R.length; i++) {
    const [t1, r1] = SHORT_R[i]!;
    const [t0, r0] = SHORT_R[i - 1]!;
    if (durationS <= t1) return r0 + ((r1 - r0) * Math.log(durationS / t0)) / Math.log(t1 / t0);
  }
  return SHORT_R[SHORT_R.length - 1]![1];
}

/**
 * R(T): the mean power of one maximal effort of `durationS` ÷ 2k power, for an athlete whose 2k
 * power is `p2kW` (Paul's law is level-dependent: a constant seconds penalty is a smaller power
 * penalty for slower rowers). `k` = personal Paul constant when history knows it.
 */
export function powerDurationRatio(durationS: number, p2kW = p2kFromTimeW(DEFAULT_2K_S), k = PAUL_K_S): number {
  const split = paceFromPowerS500(p2kW);
  const last = SHORT_R[SHORT_R.length - 1]!;
  if (durationS <= last[0]) return tableR(durationS);
  if (durationS >= PAUL_FROM_S) return paulR(durationS, split, k);
  const w = (durationS - last[0]) / (PAUL_FROM_S - last[0]);
  return (1 - w) * last[1] + w * paulR(PAUL_FROM_S, split, k);
}

/** C(T) = P2k × R(T): what one maximal effort of `durationS` should average, W. */
export function capacityW(p2kW: number, durationS: number): number {
  return p2kW * powerDurationRatio(durationS, p2kW);
}

