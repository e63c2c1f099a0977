/**
 * One recording → the history rows of its sessions (one per rower that rowed): the same analysis
 * as `ergsprint analyze` (the session pipeline over an instant replay), plus start, machine,
 * athlete, plan, totals, best windows of mean power and the judged efforts personal references
 * are built from.
 */
import type { JudgedEffort } from '../analysis/judged-effort.js';
import { bestWindows, type BestWindow } from '../analysis/mean-maximal.js';
import type { Point } from '../analysis/series.js';
import { analysisToJson, type JsonRower } from '../export/analysis-json.js';
import { collectAnalysis, sessionEvents, type AnalyzeOptions, type RecordingLike } from '../pipeline/analyze-recording.js';
import type { SessionEvent } from '../session/state.js';
import { replay$ } from '../sources/replay.js';
import { contentHash, sessionId } from './content-hash.js';
import { rowerFacts } from './rower-facts.js';

export { contentHash, sessionId };

/** Analysis options (plan, verdict inputs, references) without the source, which the store sets. */
export type StoreAnalysisOptions = Omit<AnalyzeOptions, 'source$'>;

/** What the options callback knows about a recording before it is analysed. */
export interface RecordingContext {
  path: string;
  /** header startedAt, ms since the Unix epoch: references must use efforts strictly before it */
  startedAtMs: number;
  /** athlete name by rower id, for rowers a recorded `athlete` event names */
  athletes: Readonly<Record<string, string>>;
}

/** Fixed options, or options chosen per recording (e.g. personal references for its athletes). */
export type AnalysisOptionsInput = StoreAnalysisOptions | ((ctx: RecordingContext) => StoreAnalysisOptions);

export interface SessionRecord {
  id: string;
  contentHash: string;
  rower: string;
  path: string;
  /** session start (first stroke), ms since the Unix epoch, and as ISO-8601 */
  startMs: number;
  start: string;
  /** the rower's advertised name */
  machine: string;
  athlete?: string;
  plan?: string;
  /** first stroke to last sample, s */
  durationS: number;
  distanceM?: number;
  /** the rower's part of the `analyze --json` document (intervals, verdicts, summary) */
  analysis: JsonRower;
  bests: BestWindow[];
  efforts: JudgedEffort[];
}

/** Run the pipeline instantly over the recording, keeping samples (for best windows) apart. */
function runAnalysis(recording: RecordingLike, opts: StoreAnalysisOptions): { events: SessionEvent[]; points: Map<string, Point[]> } {
  const points = new Map<string, Point[]>();
  const keep = (rower: string, sample: Point): void => {
    let list = points.get(rower);
    if (!list) points.set(rower, (list = []));
    list.push(sample);
  };
  const events = sessionEvents(recording, { ...opts, source$: replay$(recording.items, { speed: 'instant' }) }, keep);
  return { events, points };
}

const active = (p: Point): boolean => (p.powerW ?? 0) > 0 || (p.strokeRate ?? 0) > 0;

/** The history rows of a recording's sessions (rowers that never rowed have none), in header order. */
export function sessionRecords(recording: RecordingLike, bytes: Uint8Array, path: string, options: AnalysisOptionsInput = {}): SessionRecord[] {
  const hash = contentHash(bytes);
  const startedAtMs = Date.parse(recording.header.startedAt);
  const facts = new Map(rowerFacts(recording).map((f) => [f.rower, f]));
  const athletes: Record<string, string> = {};
  for (const f of facts.values()) if (f.athlete !== undefined) athletes[f.rower] = f.athlete;
  const opts = typeof options === 'function' ? options({ path, startedAtMs, athletes }) : options;
  const { events, points } = runAnalysis(recording, opts);
  const result = collectAnalysis(recording.header, events);
  const doc = analysisToJson(result);
  const out: SessionRecord[] = [];
  result.rowers.forEach((rower, i) => {
    const f = facts.get(rower.id);
    const pts = points.get(rower.id) ?? [];
    const firstActive = pts.find(active);
    const firstMs = f?.firstStrokeMs ?? firstActive?.t;
    if (firstMs === undefined) return; // never rowed: no session
    let lastMs = firstMs;
    for (let k = pts.length - 1; k >= 0; k--) {
      if (active(pts[k]!)) {
        lastMs = Math.max(firstMs, pts[k]!.t);
        break;
      }
    }
    const dist = pts.filter((p) => p.distanceM !== undefined);
    const distanceM = dist.length > 1 ? dist[dist.length - 1]!.distanceM! - dist[0]!.distanceM! : undefined;
    const id = sessionId(hash, rower.id);
    const efforts: JudgedEffort[] = [];
    for (const iv of rower.intervals) {
      if (iv.kind !== 'work' || !iv.verdict) continue;
      const v = iv.verdict;
      const meanPowerW = v.meanPowerW ?? iv.stats.avgPowerW;
      if (meanPowerW === undefined) continue;
      const effort: JudgedEffort = {
        sessionId: id,
        startMs: startedAtMs + iv.start,
        durationS: (iv.end - iv.start) / 1000,
        meanPowerW,
        allOut: v.allOut,
        kind: v.mode === 'single' ? 'piece' : 'rep',
      };
      if (effort.kind === 'rep' && v.rep !== undefined) effort.rep = v.rep;
      if (iv.stats.distanceM !== undefined) effort.distanceM = iv.stats.distanceM;
      efforts.push(effort);
    }
    const plan = f?.plan ?? opts.plan?.name;
    const record: SessionRecord = {
      id,
      contentHash: hash,
      rower: rower.id,
      path,
      startMs: startedAtMs + firstMs,
      start: new Date(startedAtMs + firstMs).toISOString(),
      machine: rower.name,
      durationS: (lastMs - firstMs) / 1000,
      analysis: doc.rowers[i]!,
      bests: bestWindows(pts),
      efforts,
    };
    if (f?.athlete !== undefined) record.athlete = f.athlete;
    if (plan !== undefined) record.plan = plan;
    if (distanceM !== undefined && distanceM > 0) record.distanceM = distanceM;
    out.push(record);
  });
  return out;
}
