/**
 * The history store plugged into the commands (wiring only): personal references for the analysis
 * of a recording or a live session (athlete → their judged efforts and declared 2k), and the
 * store mapped onto the display server's read interface (`/api/history`, `/history`).
 */
import { athleteReferences, type AthleteHistorySource } from '../analysis/athlete-references.js';
import type { ReferenceInputs } from '../analysis/reference.js';
import type { BandId, ExecutionMode } from '../analysis/bands.js';
import type { Interval, IntervalKind, SessionSummary, Verdict, VerdictKind } from '../analysis/types.js';
import type { JsonInterval, JsonRower } from '../export/analysis-json.js';
import type { HistoryReader, HistorySession } from '../server/history-reader.js';
import type { HistoryIndex } from '../store/history-index.js';
import type { SessionDetail } from '../store/session-rows.js';
import type { AnalysisOptionsInput, StoreAnalysisOptions } from '../store/session-record.js';

/** Declared times a rower without an athlete (or an athlete without a 2k) is judged against. */
export type DeclaredTimes = Pick<ReferenceInputs, 'declared2kS' | 'declared500mS'>;

/** The declared times among verdict settings (`--ref-2k` / `--ref-500m`). */
export function declaredTimes(v: DeclaredTimes): DeclaredTimes {
  return { ...(v.declared2kS !== undefined ? { declared2kS: v.declared2kS } : {}), ...(v.declared500mS !== undefined ? { declared500mS: v.declared500mS } : {}) };
}

/** The store as the references' source: `athleteOf` names the athlete bound to a rower. */
export function historySource(store: HistoryIndex, athleteOf: (rower: string) => string | undefined): AthleteHistorySource {
  return {
    athleteOf: (rower) => {
      const name = athleteOf(rower);
      if (name === undefined) return undefined;
      const known = store.getAthlete(name);
      return known?.time2kS !== undefined ? { name, declared2kS: known.time2kS } : { name };
    },
    efforts: (q) => store.efforts(q),
  };
}

/** Analysis options for indexing or analysing a recording: its athletes' history as of its start. */
export function historyAnalysis(store: HistoryIndex, base: StoreAnalysisOptions, declared: DeclaredTimes): AnalysisOptionsInput {
  return (ctx) => ({ ...base, references: athleteReferences(historySource(store, (r) => ctx.athletes[r]), ctx.startedAtMs, declared) });
}

/** Per-rower references of a live session starting at `atMs` (ms since the epoch) for the rower's athlete. */
export function liveReferences(store: HistoryIndex, declared: DeclaredTimes): (rower: string, at: { athlete?: string; atMs: number }) => ReferenceInputs | undefined {
  return (rower, at) => athleteReferences(historySource(store, () => at.athlete), at.atMs, declared)(rower);
}

/** The store as the display server reads it. */
export function historyReader(store: HistoryIndex): HistoryReader {
  return {
    list: (q) => store.list(q).flatMap((item) => {
      const d = store.get(item.id);
      return d ? [toSession(d)] : [];
    }),
    get: (id) => {
      const d = store.get(id);
      return d ? toSession(d) : undefined;
    },
    bests: (q) => ({ curve: store.bests(q).curve.map((p) => ({ durationS: p.durationS, powerW: p.powerW, sessionId: p.sessionId, startedAt: p.start })) }),
    remove: (id) => store.remove(id),
  };
}

function toSession(d: SessionDetail): HistorySession {
  const s: HistorySession = {
    id: d.id,
    startedAt: d.start,
    rower: d.rower,
    machine: d.machine,
    durationS: d.durationS,
    distanceM: d.distanceM ?? 0,
    intervals: d.analysis.intervals.map((iv) => fromJsonInterval(d.rower, iv)),
    bests: d.bests.map((b) => ({ durationS: b.durationS, powerW: b.powerW })),
  };
  if (d.athlete !== null) s.athlete = d.athlete;
  if (d.plan !== null) s.plan = d.plan;
  const summary = fromJsonSummary(d.analysis.summary);
  if (summary) s.summary = summary;
  return s;
}

// The stored document is our own `analyze --json` output, so its strings are the enums it was
// written from: the casts below restore those types (the JSON contract keeps them as strings).
function fromJsonInterval(rower: string, iv: JsonInterval): Interval {
  const stats: Interval['stats'] = { durationS: iv.durationS };
  if (iv.avgPower !== null) stats.avgPowerW = iv.avgPower;
  if (iv.peakPower !== null) stats.peakPowerW = iv.peakPower;
  if (iv.avgStrokeRate !== null) stats.avgStrokeRate = iv.avgStrokeRate;
  if (iv.avgHeartRate !== null) stats.avgHeartRate = iv.avgHeartRate;
  if (iv.distanceM !== undefined) stats.distanceM = iv.distanceM;
  const out: Interval = { rower, index: iv.index, kind: iv.kind as IntervalKind, start: Math.round(iv.start * 1000), end: Math.round(iv.end * 1000), stats };
  const v = iv.verdict;
  if (v) {
    const verdict: Verdict = { allOut: v.allOut, score: v.score, kind: v.kind as VerdictKind, reasons: v.reasons };
    if (v.message !== undefined) verdict.message = v.message;
    if (v.band !== undefined) verdict.band = v.band as BandId;
    if (v.mode !== undefined) verdict.mode = v.mode as ExecutionMode;
    if (iv.avgPower !== null) verdict.meanPowerW = iv.avgPower;
    out.verdict = verdict;
  }
  return out;
}

function fromJsonSummary(s: JsonRower['summary']): SessionSummary | undefined {
  if (!s) return undefined;
  const out: SessionSummary = { sprints: s.sprints, allOut: s.allOut, notes: s.notes };
  if (s.decrementPct !== null) out.decrementPct = s.decrementPct;
  if (s.decrementReading !== null) out.decrementReading = s.decrementReading;
  if (s.band !== undefined) out.band = s.band as BandId;
  if (s.mode !== undefined) out.mode = s.mode as ExecutionMode;
  return out;
}
