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
 * Parts: `session-levels.ts` (step 2), `session-edges.ts` (steps 4–5), `final-params.ts` (the numbers).
 */
import { dropEdges, mergePauses, trimEdgeSteps } from './session-edges.js';
import { levels } from './session-levels.js';
import { median as medianOf } from '../analysis/series.js';
import { dur, FINAL_PARAMS, type Effort, type S } from './final-params.js';
import type { Segment, StrokeEvent } from './types.js';

export { FINAL_PARAMS } from './final-params.js';
export { levels } from './session-levels.js';

export interface FinalOptions {
  /** efforts shorter than this are surges, ms (a plan may lower it) */
  minWorkMs?: number;
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
 * Power lags the effort on many consoles (averaged over the stroke: docs/science.md §8.1) while the stroke
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

/** Is there a known easy stroke strictly between a and b? */
function hasEasy(xs: readonly S[], hard: (i: number) => boolean, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (xs[k]!.p !== undefined && !hard(k)) return true;
  return false;
}

