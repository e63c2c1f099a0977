/**
 * Personal bests over the history: the best rep of each duration band (docs/science.md §7.1), the
 * best single pieces — 500 m, 1k, 2k, 5k, 30 min — kept apart from reps, and the power–duration
 * curve (best window of mean power per duration over all sessions).
 */
import type { Database } from 'better-sqlite3';
import { BANDS, type BandId } from '../analysis/bands.js';

/** A piece counts for a test distance or time when within this share of it; its result is scaled to the exact target. */
export const PIECE_TOLERANCE = 0.03;

export const PIECES = Object.freeze([
  { piece: '500m', distanceM: 500 },
  { piece: '1k', distanceM: 1000 },
  { piece: '2k', distanceM: 2000 },
  { piece: '5k', distanceM: 5000 },
  { piece: '30min', durationS: 1800 },
] as const);

export interface BestRep {
  band: BandId;
  bandName: string;
  durationS: number;
  powerW: number;
  allOut: boolean | null;
  sessionId: string;
  start: string;
}

export interface BestPiece {
  piece: (typeof PIECES)[number]['piece'];
  /** the piece's time scaled to the exact distance, s (distance pieces), or its distance scaled to 30:00, m */
  timeS?: number;
  distanceM?: number;
  powerW: number;
  allOut: boolean | null;
  sessionId: string;
  start: string;
}

export interface CurvePoint {
  durationS: number;
  powerW: number;
  sessionId: string;
  start: string;
}

export interface Bests {
  athlete: string | null;
  sessions: number;
  reps: BestRep[];
  pieces: BestPiece[];
  curve: CurvePoint[];
}

interface IntervalRow {
  session_id: string;
  start_ms: number;
  start_s: number;
  duration_s: number;
  avg_power_w: number;
  distance_m: number | null;
  all_out: number | null;
  band: string | null;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const allOut = (v: number | null): boolean | null => (v === null ? null : v === 1);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Bests of every session, or of one athlete's (case-insensitive). */
export function queryBests(db: Database, athlete?: string): Bests {
  const where = athlete === undefined ? '' : 'WHERE s.athlete = @athlete';
  const params = athlete === undefined ? {} : { athlete };
  const sessions = (db.prepare(`SELECT count(*) AS n FROM sessions s ${where}`).get(params) as { n: number }).n;
  const filter = athlete === undefined ? '' : 'AND s.athlete = @athlete';
  // SQLite takes a bare column of an aggregate query with max() from the row holding the max:
  // one indexed pass per query instead of every row into JavaScript
  const bestByBand = new Map(
    (
      db
        .prepare(
          `SELECT i.session_id, s.start_ms, i.start_s, i.duration_s, max(i.avg_power_w) AS avg_power_w, i.distance_m, i.all_out, i.band
           FROM intervals i JOIN sessions s ON s.id = i.session_id
           WHERE i.kind = 'work' AND i.avg_power_w IS NOT NULL AND i.band IS NOT NULL AND i.mode IS NOT 'single' ${filter}
           GROUP BY i.band`,
        )
        .all(params) as IntervalRow[]
    ).map((r) => [r.band, r]),
  );
  const startOf = (r: IntervalRow): string => iso(r.start_ms);
  const reps: BestRep[] = BANDS.filter((b) => bestByBand.has(b.id)).map((b) => {
    const r = bestByBand.get(b.id)!;
    return { band: b.id, bandName: b.name, durationS: r1(r.duration_s), powerW: Math.round(r.avg_power_w), allOut: allOut(r.all_out), sessionId: r.session_id, start: startOf(r) };
  });

  const singles = db
    .prepare(
      `SELECT i.session_id, s.start_ms, i.start_s, i.duration_s, i.avg_power_w, i.distance_m, i.all_out, i.band
       FROM intervals i JOIN sessions s ON s.id = i.session_id
       WHERE i.kind = 'work' AND i.avg_power_w IS NOT NULL AND i.mode = 'single' ${filter}`,
    )
    .all(params) as IntervalRow[];
  const pieces: BestPiece[] = [];
  for (const p of PIECES) {
    let best: { row: IntervalRow; score: number; value: number } | undefined;
    for (const r of singles) {
      if ('distanceM' in p) {
        if (r.distance_m === null || Math.abs(r.distance_m - p.distanceM) > PIECE_TOLERANCE * p.distanceM) continue;
        const timeS = (r.duration_s * p.distanceM) / r.distance_m;
        if (!best || -timeS > best.score) best = { row: r, score: -timeS, value: timeS };
      } else {
        if (r.distance_m === null || Math.abs(r.duration_s - p.durationS) > PIECE_TOLERANCE * p.durationS) continue;
        const distanceM = (r.distance_m * p.durationS) / r.duration_s;
        if (!best || distanceM > best.score) best = { row: r, score: distanceM, value: distanceM };
      }
    }
    if (!best) continue;
    const { row } = best;
    const base = { piece: p.piece, powerW: Math.round(row.avg_power_w), allOut: allOut(row.all_out), sessionId: row.session_id, start: startOf(row) };
    pieces.push('distanceM' in p ? { ...base, timeS: r1(best.value) } : { ...base, distanceM: Math.round(best.value) });
  }

  const curve = (
    db
      .prepare(
        `SELECT b.duration_s, max(b.power_w) AS power_w, b.session_id, s.start_ms
         FROM best_windows b JOIN sessions s ON s.id = b.session_id ${where}
         GROUP BY b.duration_s ORDER BY b.duration_s`,
      )
      .all(params) as { duration_s: number; power_w: number; session_id: string; start_ms: number }[]
  ).map((r) => ({ durationS: r.duration_s, powerW: Math.round(r.power_w), sessionId: r.session_id, start: iso(r.start_ms) }));

  return { athlete: athlete ?? null, sessions, reps, pieces, curve };
}
