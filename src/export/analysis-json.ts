/**
 * The `ergsprint analyze --json` contract (DESIGN.md): per rower, its intervals with times in
 * seconds since the recording start (0.1 s), powers in whole W, stroke rate to 0.1 spm, heart
 * rate in whole bpm, and the verdict of each work interval. Extra fields (verdict kind and
 * message, distanceM, a per-rower summary) are additions; contract fields are never renamed.
 */
import type { Interval, Reason, SessionSummary } from '../analysis/types.js';
import type { AnalysisResult } from '../pipeline/analyze-recording.js';

export interface JsonReason {
  code: string;
  pass: boolean;
  value: number | null;
  threshold: number | null;
  message: string;
}

export interface JsonVerdict {
  allOut: boolean | null;
  score: number;
  reasons: JsonReason[];
  kind: string;
  message?: string;
  /** duration band A–F and execution mode (README "Verdicts by duration") */
  band?: string;
  mode?: string;
}

export interface JsonInterval {
  index: number;
  kind: string;
  start: number;
  end: number;
  durationS: number;
  avgPower: number | null;
  peakPower: number | null;
  avgStrokeRate: number | null;
  avgHeartRate: number | null;
  verdict: JsonVerdict | null;
  distanceM?: number;
}

export interface JsonRower {
  id: string;
  name: string;
  intervals: JsonInterval[];
  summary?: { sprints: number; allOut: number; decrementPct: number | null; decrementReading: string | null; notes: string[]; band?: string; mode?: string };
}

export interface AnalysisJson {
  rowers: JsonRower[];
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r0 = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : Math.round(x));
const rr = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 1000);

function reason(r: Reason): JsonReason {
  return { code: r.code, pass: r.pass, value: rr(r.value), threshold: rr(r.threshold), message: r.message };
}

function interval(iv: Interval): JsonInterval {
  const s = iv.stats;
  const start = r1(iv.start / 1000);
  const end = r1(iv.end / 1000);
  const out: JsonInterval = {
    index: iv.index,
    kind: iv.kind,
    start,
    end,
    durationS: r1(end - start),
    avgPower: r0(s.avgPowerW),
    peakPower: r0(s.peakPowerW),
    avgStrokeRate: s.avgStrokeRate === undefined ? null : r1(s.avgStrokeRate),
    avgHeartRate: r0(s.avgHeartRate),
    verdict: null,
  };
  if (iv.verdict) {
    const v = iv.verdict;
    out.verdict = { allOut: v.allOut, score: Math.round(v.score), reasons: v.reasons.map(reason), kind: v.kind };
    if (v.message !== undefined) out.verdict.message = v.message;
    if (v.band !== undefined) out.verdict.band = v.band;
    if (v.mode !== undefined) out.verdict.mode = v.mode;
  }
  if (s.distanceM !== undefined) out.distanceM = Math.round(s.distanceM);
  return out;
}

function summary(s: SessionSummary): NonNullable<JsonRower['summary']> {
  return {
    sprints: s.sprints,
    allOut: s.allOut,
    decrementPct: s.decrementPct === undefined ? null : r1(s.decrementPct),
    decrementReading: s.decrementReading ?? null,
    notes: s.notes,
    ...(s.band !== undefined ? { band: s.band } : {}),
    ...(s.mode !== undefined ? { mode: s.mode } : {}),
  };
}

/** The contract document for an analysis result. */
export function analysisToJson(result: AnalysisResult): AnalysisJson {
  return {
    rowers: result.rowers.map((r) => {
      const row: JsonRower = { id: r.id, name: r.name, intervals: r.intervals.map(interval) };
      if (r.summary) row.summary = summary(r.summary);
      return row;
    }),
  };
}
