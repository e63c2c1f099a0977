/**
 * The end-of-session smoother's edge rules: a pause is not a rest, a first or last effort clearly
 * easier than the others is the warm-up or cool-down, and on one level a warm-up (cool-down) rowed
 * straight into (out of) a piece is cut off where the power steps. `FINAL_PARAMS` for the numbers.
 */
import { dur, FINAL_PARAMS, power, type Effort, type S } from './final-params.js';

/** A pause between pieces of very unequal length is not a rest: the two are one piece. */
export function mergePauses(xs: readonly S[], efforts: Effort[]): Effort[] {
  const out: Effort[] = [];
  for (const e of efforts) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const a = dur(xs, prev);
      const b = dur(xs, e);
      const stop = xs[e.from]!.t - xs[prev.to]!.t;
      const shorter = Math.min(a, b);
      const longer = Math.max(a, b);
      const pa = power(xs, prev);
      const pb = power(xs, e);
      const similar = pa !== undefined && pb !== undefined && Math.min(pa, pb) >= FINAL_PARAMS.pausePowerRatio * Math.max(pa, pb);
      if (shorter >= FINAL_PARAMS.minWorkMs && shorter < FINAL_PARAMS.pauseLengthRatio * longer && stop < FINAL_PARAMS.pauseStopRatio * shorter && similar) {
        out[out.length - 1] = { from: prev.from, to: e.to };
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

/**
 * One-level sessions have no easy class, so a warm-up rowed straight into the first piece (or a
 * cool-down straight after the last) is part of its block. Where the block opens (ends) with a
 * clear step — minutes at ≤ 75 % of what follows, and a step, not a ramp — that part is cut off.
 */
export function trimEdgeSteps(xs: readonly S[], efforts: Effort[]): Effort[] {
  if (efforts.length === 0) return efforts;
  const out = efforts.slice();
  const first = stepAt(xs, out[0]!, 'start');
  if (first !== undefined) out[0] = { from: first, to: out[0]!.to };
  const last = stepAt(xs, out[out.length - 1]!, 'end');
  if (last !== undefined) out[out.length - 1] = { from: out[out.length - 1]!.from, to: last };
  return out;
}

/**
 * The best two-segment split of an effort's power (largest between-segment variance) where the
 * edge segment (warm-up at the start, cool-down at the end) is long enough and clearly easier:
 * the index where the kept part starts (side 'start') or ends (side 'end'), or undefined.
 */
function stepAt(xs: readonly S[], e: Effort, side: 'start' | 'end'): number | undefined {
  const idx: number[] = [];
  for (let i = e.from; i <= e.to; i++) if (xs[i]!.p !== undefined) idx.push(i);
  if (idx.length < 20) return undefined;
  const cw: number[] = [0];
  const cs: number[] = [0];
  for (const i of idx) {
    cw.push(cw[cw.length - 1]! + xs[i]!.w);
    cs.push(cs[cs.length - 1]! + xs[i]!.w * xs[i]!.p!);
  }
  const n = idx.length;
  const mean = (a: number, b: number): number => (cs[b]! - cs[a]!) / (cw[b]! - cw[a]!);
  /** first position whose time is ≥ t (positions index idx) */
  const at = (t: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[idx[mid]!]!.t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const t0 = xs[idx[0]!]!.t;
  const t1 = xs[idx[n - 1]!]!.t;
  const edgeMin = side === 'start' ? FINAL_PARAMS.warmupMinMs : FINAL_PARAMS.cooldownMinMs;
  let best = -1;
  let bestK = -1;
  for (let k = 1; k < n; k++) {
    const tk = xs[idx[k]!]!.t;
    const edgeLen = side === 'start' ? tk - t0 : t1 - tk;
    const keptLen = side === 'start' ? t1 - tk : tk - t0;
    if (edgeLen < edgeMin || keptLen < FINAL_PARAMS.stepKeptMinMs) continue;
    const wa = cw[k]!;
    const wb = cw[n]! - cw[k]!;
    const between = wa * wb * (mean(0, k) - mean(k, n)) ** 2;
    if (between > best) {
      best = between;
      bestK = k;
    }
  }
  if (bestK < 0) return undefined;
  const [edgeMean, keptMean] = side === 'start' ? [mean(0, bestK), mean(bestK, n)] : [mean(bestK, n), mean(0, bestK)];
  if (edgeMean > FINAL_PARAMS.stepPowerRatio * keptMean) return undefined;
  // a step, not a ramp: the minute on each side of the split differs nearly as much
  const tk = xs[idx[bestK]!]!.t;
  const before = mean(at(tk - FINAL_PARAMS.stepWindowMs), bestK);
  const after = mean(bestK, Math.max(bestK + 1, at(tk + FINAL_PARAMS.stepWindowMs)));
  const [edgeNear, keptNear] = side === 'start' ? [before, after] : [after, before];
  if (edgeNear > FINAL_PARAMS.stepNearRatio * keptNear) return undefined;
  // easy throughout: no minute of the edge part near the piece's level (a 2k's finish after a
  // near-stop is part of the piece, not a cool-down)
  const [ea, eb] = side === 'start' ? [0, bestK] : [bestK, n];
  for (let a = ea, b = ea; a < eb; a++) {
    while (b < eb && xs[idx[b]!]!.t - xs[idx[a]!]!.t < FINAL_PARAMS.stepWindowMs) b++;
    if (xs[idx[b - 1]!]!.t - xs[idx[a]!]!.t >= FINAL_PARAMS.stepWindowMs / 2 && mean(a, b) > FINAL_PARAMS.stepNearRatio * keptMean) return undefined;
  }
  return side === 'start' ? idx[bestK]! : idx[bestK - 1]!;
}

/** The first and last efforts clearly easier than every other are warm-up and cool-down. */
export function dropEdges(xs: readonly S[], efforts: Effort[]): Effort[] {
  if (efforts.length < 2) return efforts;
  const pw = efforts.map((e) => power(xs, e));
  const easier = (i: number): boolean => {
    const p = pw[i];
    if (p === undefined) return false;
    const others = pw.filter((_, j) => j !== i && pw[j] !== undefined) as number[];
    return others.length > 0 && p < FINAL_PARAMS.edgePowerRatio * Math.min(...others);
  };
  const durs = efforts.map((e) => dur(xs, e));
  const medianOthers = (i: number): number => {
    const o = durs.filter((_, j) => j !== i).sort((a, b) => a - b);
    return o[Math.floor(o.length / 2)] ?? 0;
  };
  let from = 0;
  let to = efforts.length;
  // a first piece that is one of a series (a step test's first step, the easiest of equal reps) is
  // work: a warm-up is longer than the pieces, or far easier
  const p0 = pw[0];
  const minOthers = Math.min(...(pw.slice(1).filter((p) => p !== undefined) as number[]));
  // (with one other effort there is no series: a warm-up, a stop and the test piece — unless the
  // two are alike in length, as 2 × 2k with the faster second)
  const pair = efforts.length === 2 && Math.abs(durs[0]! - durs[1]!) <= FINAL_PARAMS.pairLengthTolerance * durs[1]!;
  const longer = efforts.length === 2 ? !pair : durs[0]! >= FINAL_PARAMS.warmupLengthRatio * medianOthers(0);
  const far = p0 !== undefined && p0 < (efforts.length === 2 ? FINAL_PARAMS.pairFarRatio : FINAL_PARAMS.warmupFarRatio) * minOthers;
  if (easier(0) && (longer || far)) from = 1;
  if (to - from >= 2 && easier(efforts.length - 1) && durs[efforts.length - 1]! < FINAL_PARAMS.edgeLengthRatio * medianOthers(efforts.length - 1)) to--;
  return efforts.slice(from, to);
}
