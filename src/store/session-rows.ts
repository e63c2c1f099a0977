/** Writing a session's rows (session, intervals, best windows, efforts) and reading them back. */
import type { Database } from 'better-sqlite3';
import type { JudgedEffort } from '../analysis/judged-effort.js';
import type { JsonInterval, JsonRower } from '../export/analysis-json.js';
import type { SessionRecord } from './session-record.js';

/** One session as `history --json` lists it (times in s, dates ISO-8601). */
export interface SessionListItem {
  id: string;
  start: string;
  athlete: string | null;
  machine: string;
  rower: string;
  plan: string | null;
  durationS: number;
  distanceM: number | null;
  /** work intervals found */
  reps: number;
  /** work intervals judged all-out */
  allOut: number;
  /** judged by an older analysis: `history rebuild` re-judges it */
  stale: boolean;
  path: string;
}

export interface BestWindowJson {
  durationS: number;
  powerW: number;
  /** window start, s since the recording start */
  startS: number;
}

/** One session as `history show ID --json` prints it. */
export interface SessionDetail extends SessionListItem {
  contentHash: string;
  analysisVersion: number;
  /** the `analyze --json` rower document of this session: intervals with verdicts, summary */
  analysis: JsonRower;
  bests: BestWindowJson[];
}

export interface SessionRow {
  id: string;
  content_hash: string;
  rower: string;
  analysis_version: number;
  path: string;
  start_ms: number;
  machine: string;
  athlete: string | null;
  plan: string | null;
  duration_s: number;
  distance_m: number | null;
  analysis_json: string;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Replace the rows of `rec.id` with `rec` (call inside a transaction). */
export function writeSession(db: Database, rec: SessionRecord, analysisVersion: number): void {
  db.prepare('DELETE FROM sessions WHERE id = ? OR (content_hash = ? AND rower = ?)').run(rec.id, rec.contentHash, rec.rower);
  db.prepare(
    `INSERT INTO sessions (id, content_hash, rower, analysis_version, path, start_ms, machine, athlete, plan, duration_s, distance_m, analysis_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(rec.id, rec.contentHash, rec.rower, analysisVersion, rec.path, rec.startMs, rec.machine, rec.athlete ?? null, rec.plan ?? null, rec.durationS, rec.distanceM ?? null, JSON.stringify(rec.analysis));
  const iv = db.prepare(
    'INSERT INTO intervals (session_id, ord, kind, idx, start_s, duration_s, avg_power_w, distance_m, all_out, verdict_kind, band, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  rec.analysis.intervals.forEach((i: JsonInterval, ord) => {
    const v = i.verdict;
    iv.run(rec.id, ord, i.kind, i.index, i.start, i.durationS, i.avgPower, i.distanceM ?? null, v === null || v.allOut === null ? null : v.allOut ? 1 : 0, v?.kind ?? null, v?.band ?? null, v?.mode ?? null);
  });
  const bw = db.prepare('INSERT INTO best_windows (session_id, duration_s, power_w, start_s) VALUES (?, ?, ?, ?)');
  for (const b of rec.bests) bw.run(rec.id, b.durationS, b.powerW, b.startMs / 1000); // data time: s since the recording start
  const ef = db.prepare('INSERT OR REPLACE INTO efforts (session_id, start_ms, duration_s, mean_power_w, all_out, kind, rep, distance_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const e of rec.efforts) ef.run(e.sessionId, e.startMs, e.durationS, e.meanPowerW, e.allOut === null ? null : e.allOut ? 1 : 0, e.kind, e.rep ?? null, e.distanceM ?? null);
}

/** The list item of a session row. */
export function listItem(row: SessionRow, currentVersion: number): SessionListItem {
  const analysis = JSON.parse(row.analysis_json) as JsonRower;
  const work = analysis.intervals.filter((i) => i.kind === 'work');
  return {
    id: row.id,
    start: new Date(row.start_ms).toISOString(),
    athlete: row.athlete,
    machine: row.machine,
    rower: row.rower,
    plan: row.plan,
    durationS: r1(row.duration_s),
    distanceM: row.distance_m === null ? null : Math.round(row.distance_m),
    reps: work.length,
    allOut: work.filter((i) => i.verdict?.allOut === true).length,
    stale: row.analysis_version !== currentVersion,
    path: row.path,
  };
}

/** The detail of a session row with its best windows. */
export function detail(db: Database, row: SessionRow, currentVersion: number): SessionDetail {
  const bests = db.prepare('SELECT duration_s AS durationS, power_w AS powerW, start_s AS startS FROM best_windows WHERE session_id = ? ORDER BY duration_s').all(row.id) as BestWindowJson[];
  return {
    ...listItem(row, currentVersion),
    contentHash: row.content_hash,
    analysisVersion: row.analysis_version,
    analysis: JSON.parse(row.analysis_json) as JsonRower,
    bests: bests.map((b) => ({ durationS: b.durationS, powerW: Math.round(b.powerW), startS: r1(b.startS) })),
  };
}

interface EffortRow {
  session_id: string;
  start_ms: number;
  duration_s: number;
  mean_power_w: number;
  all_out: number | null;
  kind: 'rep' | 'piece';
  rep: number | null;
  distance_m: number | null;
}

export function effortFromRow(r: EffortRow): JudgedEffort {
  const e: JudgedEffort = { sessionId: r.session_id, startMs: r.start_ms, durationS: r.duration_s, meanPowerW: r.mean_power_w, allOut: r.all_out === null ? null : r.all_out === 1, kind: r.kind };
  if (r.rep !== null) e.rep = r.rep;
  if (r.distance_m !== null) e.distanceM = r.distance_m;
  return e;
}

export type { EffortRow };
