/**
 * The end-of-session smoother: the final work/rest segmentation of one rower's whole session,
 * computed from its strokes once the data has ended (DESIGN "Final intervals may be revised by a
 * later pass"). It sees the whole session, so it can do what no causal rule can: tell from the
 * power distribution whether the session has two levels at all (intervals rowed hard/easy) or
 * one (pieces separated only by stops), and weigh a stop against the pieces around it.
 *
 * Pure and deterministic: the same strokes give the same segments whatever the replay speed.
 *
 * Steps (each a small function below; numbers in `FINAL_PARAMS` with their sources):
 * 1. clean: a power value repeated over 4+ strokes is a frozen console field, not a measurement;
 * 2. levels: Otsu's two-class split of the time-weighted log power; the session is two-level
 *    when the classes are far apart and the valley between them is nearly empty;
 * 3. efforts: runs of hard strokes (two-level) or of any strokes (one level), split at stops;
 * 4. stops: a stop splits efforts unless it is a short pause between pieces of very unequal
 *    length (one pause inside a long row is not an interval structure);
 * 5. edges: a first or last effort clearly easier than every other is the warm-up or cool-down;
 * 6. efforts shorter than the minimum are surges.
 */
import type { Segment, StrokeEvent } from './types.js';

export const FINAL_PARAMS = Object.freeze({
  /** identical power over this many strokes is a frozen field (PM3 in rest, WaterRower S4) [measured: realdata painsled-3x20min-r2] */
  frozenRun: 4,
  /** observed silence between strokes that makes a stop, ms [measured: realdata in-piece stops ≤ 17.6 s, rests sat out ≥ 25 s] */
  stopMs: 19_000,
  /** two-level session: high/low class means at least this far apart [measured: one-level sets 1.0–1.45, interval sets ≥ 2] */
  minLevelRatio: 1.55,
  /** two-level session: at most this share of rowing time in the middle half between the levels [J] */
  maxValleyShare: 0.2,
  /** two-level session: at least this much time in the hard class, ms (one 15-s sprint) [science §5.2 min work] */
  minHardMs: 15_000,
  /** two-level session: at least this share of rowing time in the easy class (rests rowed, warm-up) [measured: one-level pieces ≤ 11 % (slow starts), 10 × 100 s / 20 s rowed ≈ 17 %] */
  minEasyShare: 0.15,
  /** …or at least this many rowed rests between hard stretches (short rests, 100 s / 20 s) [J] */
  minEasyStretches: 2,
  /** shortest rowed rest counted, ms [J: a 15-s rest less a stroke either side] */
  minEasyStretchMs: 8_000,
  /** a short dip below the threshold inside an effort is not a rest, ms [science §5.2 merge gap 4 s] */
  mergeGapMs: 4_000,
  /** a stop is a pause, not a rest, when the shorter piece around it is under this share of the longer… [measured: realdata painsled-30min-justrow-pause] */
  pauseLengthRatio: 0.25,
  /** …and the stop is shorter than this share of the shorter piece [J] */
  pauseStopRatio: 0.35,
  /** …and the pieces on both sides are rowed alike: the easier at least this share of the harder [measured: painsled-30min-justrow-pause 0.82; warm-ups ≤ 0.7] */
  pausePowerRatio: 0.75,
  /** first/last effort below this share of every other effort's power is warm-up/cool-down [measured: smartrow-12-pieces cool-down 0.80, its easiest pieces 0.97] */
  edgePowerRatio: 0.85,
  /** a first effort is a warm-up only when also this much longer than the others… [J: a step test's first step is as long as the rest] */
  warmupLengthRatio: 1.5,
  /** …or this far below every other [J: warm-ups at ≤ 70 % of work] */
  warmupFarRatio: 0.7,
  /** two efforts within this share of each other's length are a pair of pieces (2 × 2k), not warm-up and piece [J] */
  pairLengthTolerance: 0.15,
  /** …unless the first is this far below the second [J: warm-ups at ≤ 70–75 % of work] */
  pairFarRatio: 0.75,
  /** a last effort this long relative to the others stays work even when easier (an eased last rep) [measured: rowpro-4x20min-r2 rep 4] */
  edgeLengthRatio: 0.75,
  /** an effort whose first hard stroke is at most this many strokes after a standstill starts at the standstill [measured: realdata first strokes 34–74 W before 180 W] */
  launchStrokes: 3,
  /** rate refinement of edges needs work and rest rates this far apart, spm [science §5.2: a sprint is ≥ 8 spm above a slow row; half of it] */
  minRateSpan: 4,
  /** a last stroke below this share of the effort's median power is the first rest stroke seen through the monitor's lag [measured: fixtures pm5-split 0.62–0.74] */
  lagPowerShare: 0.75,
  /** edges move by at most this many strokes [J: one monitor averaging window] */
  edgeStrokes: 2,
  /** one-level sessions: a warm-up rowed into the first piece lasts at least this long, ms [J; science background §5.6: 5–10 min warm-ups] */
  warmupMinMs: 120_000,
  /** …a cool-down rowed on from the last piece, ms [J] */
  cooldownMinMs: 60_000,
  /** …and the piece it is cut from is at least this long, ms [J] */
  stepKeptMinMs: 60_000,
  /** …at most this share of the piece's mean power [J: warm-ups at ≤ 70 % of work; 2k/5k pacing varies ±5 %] */
  stepPowerRatio: 0.75,
  /** …and a step: the minute before the split at most this share of the minute after [J: tells a step from a progressive piece] */
  stepNearRatio: 0.8,
  stepWindowMs: 60_000,
  /** efforts shorter than this are surges, ms [science §5.2] */
  minWorkMs: 15_000,
  /** fraction of a stroke period by which a work interval starts before its first hard stroke is reported [measured on both sets] */
  startLead: 0.5,
});

export interface FinalOptions {
  /** efforts shorter than this are surges, ms (a plan may lower it) */
  minWorkMs?: number;
}

/** A stroke as the smoother reads it. */
interface S {
  t: number;
  /** when it would have been seen had no notification been lost, ms */
  seen: number;
  period: number;
  p: number | undefined;
  /** trusted stroke rate, spm */
  r: number | undefined;
  /** p was blanked as a frozen repeat: this stroke says nothing about effort */
  frozen: boolean;
  /** observed silence before this stroke, ms */
  gap: number;
  /** weight: the time this stroke stands for, ms */
  w: number;
}

interface Effort {
  from: number;
  to: number;
}

/** Final work segments of a whole session. */
export function finalSegments(strokes: readonly StrokeEvent[], opts: FinalOptions = {}): Segment[] {
  const minWork = opts.minWorkMs ?? FINAL_PARAMS.minWorkMs;
  const xs = clean(strokes);
  if (xs.length < 2) return [];
  const split = levels(xs);
  const hard = (i: number): boolean => split === undefined || xs[i]!.p === undefined || xs[i]!.p! >= split;
  let efforts = runs(xs, hard, split !== undefined);
  if (split !== undefined) efforts = refineByRate(xs, efforts, split);
  efforts = mergePauses(xs, efforts);
  efforts = efforts.filter((e) => dur(xs, e) >= Math.min(minWork, FINAL_PARAMS.minWorkMs) || dur(xs, e) >= minWork);
  efforts = dropEdges(xs, efforts);
  if (split === undefined) efforts = trimEdgeSteps(xs, efforts);
  return efforts.map((e) => {
    const first = xs[e.from]!;
    const long = dur(xs, e) >= minWork;
    return { kind: long ? 'work' : 'surge', start: Math.round(first.t - FINAL_PARAMS.startLead * first.period), end: xs[e.to]!.t };
  });
}

const dur = (xs: readonly S[], e: Effort): number => xs[e.to]!.t - xs[e.from]!.t + FINAL_PARAMS.startLead * xs[e.from]!.period;

/** Strokes with frozen power runs blanked and observed gaps computed. */
function clean(strokes: readonly StrokeEvent[]): S[] {
  const out: S[] = strokes.map((s, i) => {
    const prev = strokes[i - 1];
    const seen = s.seenT ?? s.t;
    const gap = prev === undefined ? 0 : seen - prev.t;
    return { t: s.t, seen, period: s.periodMs, p: s.powerW, r: s.rateTrusted ? s.strokeRate : undefined, frozen: false, gap, w: prev === undefined ? s.periodMs : Math.min(s.t - prev.t, 3 * s.periodMs) };
  });
  let i = 0;
  while (i < out.length) {
    let j = i + 1;
    while (j < out.length && out[i]!.p !== undefined && out[j]!.p === out[i]!.p) j++;
    if (j - i >= FINAL_PARAMS.frozenRun) for (let k = i + 1; k < j; k++) {
        out[k]!.p = undefined;
        out[k]!.frozen = true;
      }
    i = j;
  }
  return out;
}

/**
 * The power threshold between easy and hard strokes, or undefined for a one-level session.
 * Otsu on log power (time-weighted), then the separation and valley tests.
 */
export function levels(xs: readonly { t: number; p: number | undefined; w: number }[]): number | undefined {
  const pts = xs.filter((x) => x.p !== undefined && x.p > 0).map((x) => ({ v: Math.log(x.p!), w: x.w }));
  if (pts.length < 10) return undefined;
  pts.sort((a, b) => a.v - b.v);
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

/**
 * Runs of hard strokes, split at stops; a dip shorter than the merge gap stays inside.
 * Strokes without power (frozen, zero) never start or end a run.
 */
function runs(xs: readonly S[], hard: (i: number) => boolean, twoLevel: boolean): Effort[] {
  const out: Effort[] = [];
  let cur: Effort | undefined;
  let lastHard = -1;
  let blockStart = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (cur !== undefined && x.gap >= FINAL_PARAMS.stopMs) {
      out.push({ from: cur.from, to: lastHard });
      cur = undefined;
    }
    if (x.gap >= FINAL_PARAMS.stopMs || i === 0) blockStart = i;
    // a frozen repeat says nothing of effort: on one level it carries an effort on, never starts one
    if (x.frozen) {
      if (cur !== undefined && !twoLevel) lastHard = i;
      continue;
    }
    // a stroke without power is rowing, but on which level is unknown
    if (x.p === undefined && twoLevel) continue;
    if (hard(i)) {
      if (cur !== undefined && x.t - xs[lastHard]!.t > FINAL_PARAMS.mergeGapMs + x.period && hasEasy(xs, hard, lastHard, i)) {
        out.push({ from: cur.from, to: lastHard });
        cur = undefined;
      }
      // the first strokes from standstill are slow to build: they belong to the effort they start
      cur ??= { from: i - blockStart <= FINAL_PARAMS.launchStrokes ? blockStart : i, to: i };
      lastHard = i;
    }
  }
  if (cur !== undefined) out.push({ from: cur.from, to: lastHard });
  return out;
}

/**
 * Power lags the effort on many consoles (a running average: background §3.2) while the stroke
 * rate changes at once, so in a two-level session each edge is moved by up to two strokes to
 * where the rate crosses halfway between the rest rate and the effort's own rate.
 */
function refineByRate(xs: readonly S[], efforts: Effort[], split: number): Effort[] {
  const easyRates = xs.filter((x) => x.p !== undefined && x.p < split && x.r !== undefined).map((x) => x.r!);
  const restRate = medianOf(easyRates);
  if (restRate === undefined) return efforts;
  return efforts.map((e) => {
    const workRate = medianOf(xs.slice(e.from, e.to + 1).flatMap((x) => (x.r === undefined ? [] : [x.r])));
    if (workRate === undefined || workRate - restRate < FINAL_PARAMS.minRateSpan) return e;
    const mid = (restRate + workRate) / 2;
    let { from, to } = e;
    for (let n = 0; n < FINAL_PARAMS.edgeStrokes && from > 0; n++) {
      const prev = xs[from - 1]!;
      if (xs[from]!.gap >= FINAL_PARAMS.stopMs || prev.r === undefined || prev.r < mid) break;
      from--;
    }
    const workPower = medianOf(xs.slice(e.from, e.to + 1).flatMap((x) => (x.p === undefined ? [] : [x.p])));
    // the first easy stroke: its rate is down already, or its power, lagging, is well on its way down
    const easy = (x: S): boolean =>
      (x.r !== undefined && x.r < mid) || (workPower !== undefined && x.p !== undefined && x.p < FINAL_PARAMS.lagPowerShare * workPower);
    for (let n = 0; n < FINAL_PARAMS.edgeStrokes && to > from; n++) {
      if (!easy(xs[to]!)) break;
      to--;
    }
    // frozen repeats at the effort's rate carry it on (a console holding its power field)
    while (to + 1 < xs.length && xs[to + 1]!.frozen && xs[to + 1]!.gap < FINAL_PARAMS.stopMs && xs[to + 1]!.r !== undefined && xs[to + 1]!.r! >= mid) to++;
    return { from, to };
  });
}

function medianOf(v: number[]): number | undefined {
  if (v.length === 0) return undefined;
  v.sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** Is there a known easy stroke strictly between a and b? */
function hasEasy(xs: readonly S[], hard: (i: number) => boolean, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (xs[k]!.p !== undefined && !hard(k)) return true;
  return false;
}

/** Mean power of an effort's strokes with power, W (time-weighted). */
function power(xs: readonly S[], e: Effort): number | undefined {
  let w = 0;
  let s = 0;
  for (let i = e.from; i <= e.to; i++) {
    const x = xs[i]!;
    if (x.p === undefined) continue;
    w += x.w;
    s += x.w * x.p;
  }
  return w > 0 ? s / w : undefined;
}

/** A pause between pieces of very unequal length is not a rest: the two are one piece. */
function mergePauses(xs: readonly S[], efforts: Effort[]): Effort[] {
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
function trimEdgeSteps(xs: readonly S[], efforts: Effort[]): Effort[] {
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
function dropEdges(xs: readonly S[], efforts: Effort[]): Effort[] {
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

