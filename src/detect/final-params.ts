/**
 * What the end-of-session smoother's parts share: its parameter table (every number with its
 * source), the stroke as it reads it, an effort as a range of strokes, and small measures.
 */

export const FINAL_PARAMS = Object.freeze({
  /** identical power over this many strokes is a frozen field (PM3 in rest, WaterRower S4) [measured: realdata painsled-3x20min-r2] */
  frozenRun: 4,
  /** observed silence between strokes that makes a stop, ms [measured: realdata in-piece stops ≤ 17.6 s, rests sat out ≥ 25 s] */
  stopMs: 19_000,
  /** two-level session: high/low class means at least this far apart [measured: one-level sets 1.0–1.45, interval sets ≥ 2] */
  minLevelRatio: 1.55,
  /** two-level session: at most this share of rowing time in the middle half between the levels [J] */
  maxValleyShare: 0.2,
  /** two-level session: at least this much time in the hard class, ms (one 15-s sprint) [docs/science.md §9.2 minimum interval] */
  minHardMs: 15_000,
  /** two-level session: at least this share of rowing time in the easy class (rests rowed, warm-up) [measured: one-level pieces ≤ 11 % (slow starts), 10 × 100 s / 20 s rowed ≈ 17 %] */
  minEasyShare: 0.15,
  /** …or at least this many rowed rests between hard stretches (short rests, 100 s / 20 s) [J] */
  minEasyStretches: 2,
  /** shortest rowed rest counted, ms [J: a 15-s rest less a stroke either side] */
  minEasyStretchMs: 8_000,
  /** a short dip below the threshold inside an effort is not a rest, ms [docs/science.md §9.2 merge gap 4 s] */
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
  /** rate refinement of edges needs work and rest rates this far apart, spm [docs/science.md §4: a sprint is ≥ 8 spm above a slow row; half of it] */
  minRateSpan: 4,
  /** a last stroke below this share of the effort's median power is the first rest stroke seen through the monitor's lag [measured: fixtures pm5-split 0.62–0.74] */
  lagPowerShare: 0.75,
  /** edges move by at most this many strokes [J: one monitor averaging window] */
  edgeStrokes: 2,
  /** one-level sessions: a warm-up rowed into the first piece lasts at least this long, ms [J] */
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
  /** efforts shorter than this are surges, ms [docs/science.md §9.2] */
  minWorkMs: 15_000,
  /** fraction of a stroke period by which a work interval starts before its first hard stroke is reported [measured on both sets] */
  startLead: 0.5,
});

/** A stroke as the smoother reads it. */
export interface S {
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

export interface Effort {
  from: number;
  to: number;
}

/** Length of an effort, ms (from half a stroke before its first stroke to its last). */
export const dur = (xs: readonly S[], e: Effort): number => xs[e.to]!.t - xs[e.from]!.t + FINAL_PARAMS.startLead * xs[e.from]!.period;

/** Mean power of an effort's strokes with power, W (time-weighted). */
export function power(xs: readonly S[], e: Effort): number | undefined {
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
