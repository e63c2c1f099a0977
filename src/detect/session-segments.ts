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
import type { Segment, StrokeEvent } from '../pipeline/pipe-item.js';

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
  /** a short dip below the threshold inside an effort is not a rest, ms [science §5.2 merge gap 4 s] */
  mergeGapMs: 4_000,
  /** a stop is a pause, not a rest, when the shorter piece around it is under this share of the longer… [measured: realdata painsled-30min-justrow-pause] */
  pauseLengthRatio: 0.25,
  /** …and the stop is shorter than this share of the shorter piece [J] */
  pauseStopRatio: 0.35,
  /** first/last effort below this share of every other effort's power is warm-up/cool-down [measured: smartrow-12-pieces cool-down 0.80, its easiest pieces 0.97] */
  edgePowerRatio: 0.85,
  /** a last effort this long relative to the others stays work even when easier (an eased last rep) [measured: rowpro-4x20min-r2 rep 4] */
  edgeLengthRatio: 0.75,
  /** an effort whose first hard stroke is at most this many strokes after a standstill starts at the standstill [measured: realdata first strokes 34–74 W before 180 W] */
  launchStrokes: 3,
  /** rate refinement of edges needs work and rest rates this far apart, spm [science §5.2: a sprint is ≥ 8 spm above a slow row; half of it] */
  minRateSpan: 4,
  /** edges move by at most this many strokes [J: one monitor averaging window] */
  edgeStrokes: 2,
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
export function levels(xs: readonly { p: number | undefined; w: number }[]): number | undefined {
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
  if (wl < FINAL_PARAMS.minEasyShare * total) return undefined;
  const a = low + 0.25 * (high - low);
  const b = high - 0.25 * (high - low);
  const valley = pts.reduce((acc, x) => {
    const p = Math.exp(x.v);
    return p > a && p < b ? acc + x.w : acc;
  }, 0);
  if (process.env['SEG_DEBUG']) console.error(JSON.stringify({ low: Math.round(low), high: Math.round(high), wl: Math.round(wl / 1000), wh: Math.round(wh / 1000), valley: Math.round(valley / 1000), total: Math.round(total / 1000) }));
  if (valley > FINAL_PARAMS.maxValleyShare * total) return undefined;
  return (low + high) / 2;
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
    for (let n = 0; n < FINAL_PARAMS.edgeStrokes && to > from; n++) {
      const last = xs[to]!;
      if (last.r === undefined || last.r >= mid) break;
      to--;
    }
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
      const similar = pa !== undefined && pb !== undefined && Math.min(pa, pb) >= FINAL_PARAMS.edgePowerRatio * Math.max(pa, pb);
      if (shorter >= FINAL_PARAMS.minWorkMs && shorter < FINAL_PARAMS.pauseLengthRatio * longer && stop < FINAL_PARAMS.pauseStopRatio * shorter && similar) {
        out[out.length - 1] = { from: prev.from, to: e.to };
        continue;
      }
    }
    out.push(e);
  }
  return out;
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
  if (easier(0)) from = 1;
  if (to - from >= 2 && easier(efforts.length - 1) && durs[efforts.length - 1]! < FINAL_PARAMS.edgeLengthRatio * medianOthers(efforts.length - 1)) to--;
  return efforts.slice(from, to);
}

/** Debug aid (not exported from the package surface): the level split of a session's strokes. */
export function debugLevels(strokes: readonly StrokeEvent[]): number | undefined {
  return levels(clean(strokes));
}
