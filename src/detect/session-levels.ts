/**
 * Is a session rowed on two levels (hard and easy strokes) or one? The end-of-session smoother's
 * level split (`FINAL_PARAMS` for the numbers).
 */
import { FINAL_PARAMS } from './final-params.js';

/**
 * The power threshold between easy and hard strokes, or undefined for a one-level session.
 * Otsu on log power (time-weighted), then the separation and valley tests.
 */
export function levels(xs: readonly { t: number; p: number | undefined; w: number }[]): number | undefined {
  // strokes by log power, in time order within a value: the order a stable sort of the strokes by
  // value gives, built with a native numeric sort of the distinct values (no comparator calls)
  const byValue = new Map<number, number[]>();
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = xs[i]!.p;
    if (p === undefined || !(p > 0)) continue;
    const v = Math.log(p);
    const same = byValue.get(v);
    if (same === undefined) byValue.set(v, [xs[i]!.w]);
    else same.push(xs[i]!.w);
    n++;
  }
  if (n < 10) return undefined;
  const pts: { v: number; w: number }[] = [];
  for (const v of Float64Array.from(byValue.keys()).sort()) for (const w of byValue.get(v)!) pts.push({ v, w });
  const total = pts.reduce((a, x) => a + x.w, 0);
  const totalSum = pts.reduce((a, x) => a + x.w * x.v, 0);
  let w0 = 0;
  let s0 = 0;
  let best = -1;
  let bestI = -1;
  for (let i = 0; i < pts.length - 1; i++) {
    w0 += pts[i]!.w;
    s0 += pts[i]!.w * pts[i]!.v;
    if (pts[i + 1]!.v === pts[i]!.v) continue;
    const w1 = total - w0;
    if (w0 <= 0 || w1 <= 0) continue;
    const m0 = s0 / w0;
    const m1 = (totalSum - s0) / w1;
    const between = w0 * w1 * (m0 - m1) ** 2;
    if (between > best) {
      best = between;
      bestI = i;
    }
  }
  if (bestI < 0) return undefined;
  let wl = 0;
  let sl = 0;
  for (let i = 0; i <= bestI; i++) {
    wl += pts[i]!.w;
    sl += pts[i]!.w * Math.exp(pts[i]!.v);
  }
  let wh = 0;
  let sh = 0;
  for (let i = bestI + 1; i < pts.length; i++) {
    wh += pts[i]!.w;
    sh += pts[i]!.w * Math.exp(pts[i]!.v);
  }
  const low = sl / wl;
  const high = sh / wh;
  if (high < FINAL_PARAMS.minLevelRatio * low || wh < FINAL_PARAMS.minHardMs) return undefined;
  // the split between the classes: their geometric mean, nearer the easy class than the middle,
  // so the easiest pieces of a set (a step test's first step) stay hard; edges are refined by rate
  const split = Math.sqrt(low * high);
  // rests rowed between hard stretches, again and again: two levels, however the hard ones vary
  if (easyStretches(xs, split) >= FINAL_PARAMS.minEasyStretches) return split;
  if (wl < FINAL_PARAMS.minEasyShare * total) return undefined;
  // otherwise (a warm-up and one piece, say) the middle between the levels must be nearly empty:
  // a ramp or a ladder has no two levels
  const a = low + 0.25 * (high - low);
  const b = high - 0.25 * (high - low);
  const valley = pts.reduce((acc, x) => {
    const p = Math.exp(x.v);
    return p > a && p < b ? acc + x.w : acc;
  }, 0);
  if (valley > FINAL_PARAMS.maxValleyShare * total) return undefined;
  return split;
}

/** Easy stretches (≥ minEasyStretchMs) with hard strokes on both sides: rests rowed between pieces. */
function easyStretches(xs: readonly { t: number; p: number | undefined }[], split: number): number {
  let count = 0;
  let seenHard = false;
  let easyFrom: number | undefined;
  for (const x of xs) {
    if (x.p === undefined) continue;
    if (x.p >= split) {
      if (seenHard && easyFrom !== undefined && x.t - easyFrom >= FINAL_PARAMS.minEasyStretchMs) count++;
      seenHard = true;
      easyFrom = undefined;
    } else if (seenHard) easyFrom ??= x.t;
  }
  return count;
}
