/**
 * Scoring an analysis against ground-truth labels (`<name>.labels.json`), with the match rule of
 * the labelled real-data set (the README's "Measured accuracy"): a detected work interval matches a
 * labelled one when their overlap is at least 30 % of their union; each labelled interval, in
 * order, takes the unused detected interval it overlaps most (one-to-one). Boundary errors are
 * |detected − true| in seconds, for starts and ends of matched pairs. A continuous file (no
 * labelled work interval: one piece or a steady row) should come out as one work interval: every
 * detected one beyond the first is a false split. An ambiguous file is scored against its main and
 * its alternative reading, and keeps the better. Pure functions: the command does the file I/O.
 */
/** The part of an analysis (`analyze --json`, src/export/analysis-json.ts) the scoring reads. */
export interface AnalysedRowers {
  rowers: ReadonlyArray<{ id: string; intervals: ReadonlyArray<{ kind: string; start: number; end: number; verdict: { allOut: boolean | null } | null }> }>;
}

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
  /** the labels hold no work interval: one continuous piece or a steady row */
  continuous: boolean;
  /** the labels allow a second reading, and the better of the two was kept */
  ambiguous: boolean;
  /** continuous files: detected work intervals beyond the first */
  falseSplits: number;
  startErrorsS: number[];
  endErrorsS: number[];
  /** truly all-out reps: [judged all-out, total] */
  allOutAgree: [number, number];
  /** held-back reps: [judged not all-out, total] */
  heldAgree: [number, number];
}

/** Share of the union two intervals must overlap by to match (realdata README). */
export const MATCH_SHARE_OF_UNION = 0.3;

/** Overlap of two intervals, s. */
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const union = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(a.end, b.end) - Math.min(a.start, b.start);

/** Score one reading of a file's labels. */
function scoreReading(file: string, truth: readonly LabelWork[], detected: readonly DetectedWork[], continuous: boolean): FileScore {
  const used = new Set<number>();
  const score: FileScore = {
    file,
    truth: truth.length,
    detected: detected.length,
    matched: 0,
    continuous,
    ambiguous: false,
    falseSplits: continuous ? Math.max(0, detected.length - 1) : 0,
    startErrorsS: [],
    endErrorsS: [],
    allOutAgree: [0, 0],
    heldAgree: [0, 0],
  };
  for (const t of truth) {
    let best = -1;
    let bestOv = 0;
    detected.forEach((d, j) => {
      const ov = overlap(t, d);
      if (!used.has(j) && ov > bestOv && ov >= MATCH_SHARE_OF_UNION * union(t, d)) {
        best = j;
        bestOv = ov;
      }
    });
    if (best < 0) continue;
    used.add(best);
    const d = detected[best]!;
    score.matched++;
    score.startErrorsS.push(Math.abs(d.start - t.start));
    score.endErrorsS.push(Math.abs(d.end - t.end));
    if (t.allOut === true) score.allOutAgree = [score.allOutAgree[0] + (d.allOut === true ? 1 : 0), score.allOutAgree[1] + 1];
    else if (t.allOut === false) score.heldAgree = [score.heldAgree[0] + (d.allOut !== true ? 1 : 0), score.heldAgree[1] + 1];
  }
  return score;
}

/** How bad a reading's score is: missed and extra intervals first, then boundary error. */
const cost = (s: FileScore): number => s.falseSplits + (s.truth - s.matched) + (s.continuous ? 0 : s.detected - s.matched);

/**
 * Score one file's detected work intervals against its labelled ones; `alternative` is the second
 * reading of an ambiguous file (scored too; the better reading is kept).
 */
export function scoreFile(file: string, truth: readonly LabelWork[], detected: readonly DetectedWork[], alternative?: readonly LabelWork[]): FileScore {
  const main = scoreReading(file, truth, detected, truth.length === 0);
  if (alternative === undefined) return main;
  const alt = scoreReading(file, alternative, detected, alternative.length === 0);
  if (cost(alt) >= cost(main)) return { ...main, ambiguous: true };
  // the alternative reading fits better: a continuous file read as its alternative has no false split
  return { ...alt, ambiguous: true, continuous: main.continuous, falseSplits: main.continuous ? alt.detected - alt.matched : alt.falseSplits };
}

/** The detected work intervals of one rower of an analysis. */
export function detectedWork(doc: AnalysedRowers, rower?: string): DetectedWork[] {
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
  /** files labelled as one continuous piece (ambiguous ones too) */
  continuousFiles: number;
  /** of those, found as exactly one work interval (or as the alternative reading of an ambiguous one) */
  continuousAsOne: number;
  /** detected work intervals beyond the first in continuous files */
  falseSplits: number;
  ambiguousFiles: number;
  allOutJudgedAllOutPct: number | null;
  heldJudgedNotAllOutPct: number | null;
}

const pct = (a: [number, number]): number | null => (a[1] === 0 ? null : (100 * a[0]) / a[1]);

/** Totals over files: recall, precision and boundaries over the interval files, splits over the continuous ones. */
export function totals(scores: readonly FileScore[]): Totals {
  const sum = (f: (s: FileScore) => number): number => scores.reduce((a, s) => a + f(s), 0);
  const inIntervalFiles = (f: (s: FileScore) => number) => (s: FileScore): number => (s.continuous ? 0 : f(s));
  const truth = sum(inIntervalFiles((s) => s.truth));
  const detected = sum(inIntervalFiles((s) => s.detected));
  const matched = sum(inIntervalFiles((s) => s.matched));
  const starts = scores.flatMap((s) => (s.continuous ? [] : s.startErrorsS));
  const ends = scores.flatMap((s) => (s.continuous ? [] : s.endErrorsS));
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
    continuousFiles: scores.filter((s) => s.continuous).length,
    continuousAsOne: scores.filter((s) => s.continuous && (s.detected === 1 || (s.ambiguous && s.falseSplits === 0 && s.detected > 0))).length,
    falseSplits: sum((s) => s.falseSplits),
    ambiguousFiles: scores.filter((s) => s.ambiguous).length,
    allOutJudgedAllOutPct: pct([sum((s) => s.allOutAgree[0]), sum((s) => s.allOutAgree[1])]),
    heldJudgedNotAllOutPct: pct([sum((s) => s.heldAgree[0]), sum((s) => s.heldAgree[1])]),
  };
}
