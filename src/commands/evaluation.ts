/**
 * Scoring an analysis against ground-truth labels (`<name>.labels.json`). A detected work interval
 * matches a labelled one when they overlap by at least half of the shorter of the two; pairs are
 * taken greedily by largest overlap, one-to-one. Boundary errors are |detected − true| in seconds,
 * for starts and ends of matched pairs. Pure functions: the command does the file I/O.
 */
import type { AnalysisJson } from './analysis-json.js';

export interface LabelWork {
  start: number;
  end: number;
  allOut?: boolean;
  rower?: string;
}

export interface DetectedWork {
  start: number;
  end: number;
  allOut: boolean | null;
}

export interface FileScore {
  file: string;
  truth: number;
  detected: number;
  matched: number;
  /** the labels hold no work interval (steady row, ladder, test piece without intervals) */
  steady: boolean;
  startErrorsS: number[];
  endErrorsS: number[];
  /** truly all-out reps: [judged all-out, total] */
  allOutAgree: [number, number];
  /** held-back reps: [judged not all-out, total] */
  heldAgree: [number, number];
}

/** Overlap of two intervals, s. */
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Score one file's detected work intervals against its labelled ones. */
export function scoreFile(file: string, truth: readonly LabelWork[], detected: readonly DetectedWork[]): FileScore {
  const pairs: Array<{ i: number; j: number; ov: number }> = [];
  truth.forEach((t, i) =>
    detected.forEach((d, j) => {
      const ov = overlap(t, d);
      if (ov > 0 && ov >= 0.5 * Math.min(t.end - t.start, d.end - d.start)) pairs.push({ i, j, ov });
    }),
  );
  pairs.sort((a, b) => b.ov - a.ov);
  const usedT = new Set<number>();
  const usedD = new Set<number>();
  const score: FileScore = { file, truth: truth.length, detected: detected.length, matched: 0, steady: truth.length === 0, startErrorsS: [], endErrorsS: [], allOutAgree: [0, 0], heldAgree: [0, 0] };
  for (const p of pairs) {
    if (usedT.has(p.i) || usedD.has(p.j)) continue;
    usedT.add(p.i);
    usedD.add(p.j);
    const t = truth[p.i]!;
    const d = detected[p.j]!;
    score.matched++;
    score.startErrorsS.push(Math.abs(d.start - t.start));
    score.endErrorsS.push(Math.abs(d.end - t.end));
    if (t.allOut === true) score.allOutAgree = [score.allOutAgree[0] + (d.allOut === true ? 1 : 0), score.allOutAgree[1] + 1];
    else if (t.allOut === false) score.heldAgree = [score.heldAgree[0] + (d.allOut !== true ? 1 : 0), score.heldAgree[1] + 1];
  }
  return score;
}

/** The detected work intervals of one rower of an analysis. */
export function detectedWork(doc: AnalysisJson, rower?: string): DetectedWork[] {
  const r = rower === undefined ? doc.rowers[0] : doc.rowers.find((x) => x.id === rower);
  return (r?.intervals ?? []).filter((iv) => iv.kind === 'work').map((iv) => ({ start: iv.start, end: iv.end, allOut: iv.verdict?.allOut ?? null }));
}

/** Quantile (0..1) of a list, linear interpolation; null when empty. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface Totals {
  files: number;
  recall: number | null;
  precision: number | null;
  startMedianS: number | null;
  startP90S: number | null;
  endMedianS: number | null;
  endP90S: number | null;
  boundaryMedianS: number | null;
  boundaryP90S: number | null;
  steadyFiles: number;
  steadyExtras: number;
  allOutJudgedAllOutPct: number | null;
  heldJudgedNotAllOutPct: number | null;
}

const pct = (a: [number, number]): number | null => (a[1] === 0 ? null : (100 * a[0]) / a[1]);

/** Totals over files. */
export function totals(scores: readonly FileScore[]): Totals {
  const sum = (f: (s: FileScore) => number): number => scores.reduce((a, s) => a + f(s), 0);
  const truth = sum((s) => s.truth);
  const detected = sum((s) => (s.steady ? 0 : s.detected));
  const matched = sum((s) => s.matched);
  const starts = scores.flatMap((s) => s.startErrorsS);
  const ends = scores.flatMap((s) => s.endErrorsS);
  const both = [...starts, ...ends];
  return {
    files: scores.length,
    recall: truth === 0 ? null : matched / truth,
    precision: detected === 0 ? null : matched / detected,
    startMedianS: quantile(starts, 0.5),
    startP90S: quantile(starts, 0.9),
    endMedianS: quantile(ends, 0.5),
    endP90S: quantile(ends, 0.9),
    boundaryMedianS: quantile(both, 0.5),
    boundaryP90S: quantile(both, 0.9),
    steadyFiles: scores.filter((s) => s.steady).length,
    steadyExtras: sum((s) => (s.steady ? s.detected : 0)),
    allOutJudgedAllOutPct: pct([sum((s) => s.allOutAgree[0]), sum((s) => s.allOutAgree[1])]),
    heldJudgedNotAllOutPct: pct([sum((s) => s.heldAgree[0]), sum((s) => s.heldAgree[1])]),
  };
}
