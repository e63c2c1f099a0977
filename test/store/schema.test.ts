/**
 * Schema migrations: a version-1 database, built here by hand exactly as version 1 shipped, opens
 * with the current code with its data kept (sessions marked stale for re-judging, athletes as they
 * were); a database from a newer ergsprint is refused and left untouched.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/store/history-error.js';
import { openHistory } from '../../src/store/history-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { makeRecording, tempDir } from './recordings.js';

/** Schema version 1 as shipped (a frozen copy: editing migration 1 in the code must not change this). */
const V1 = `
  CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
  CREATE TABLE athletes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, time2k_s REAL, hrmax INTEGER, weight_kg REAL, created TEXT NOT NULL);
  CREATE TABLE sessions (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, rower TEXT NOT NULL, analysis_version INTEGER NOT NULL,
    path TEXT NOT NULL, start_ms INTEGER NOT NULL, machine TEXT NOT NULL, athlete TEXT COLLATE NOCASE, duration_s REAL NOT NULL,
    distance_m REAL, analysis_json TEXT NOT NULL, UNIQUE (content_hash, rower));
  CREATE INDEX sessions_start ON sessions (start_ms);
  CREATE INDEX sessions_athlete ON sessions (athlete, start_ms);
  CREATE TABLE intervals (session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, ord INTEGER NOT NULL, kind TEXT NOT NULL,
    idx INTEGER NOT NULL, start_s REAL NOT NULL, duration_s REAL NOT NULL, avg_power_w REAL, distance_m REAL, all_out INTEGER,
    verdict_kind TEXT, band TEXT, mode TEXT, PRIMARY KEY (session_id, ord));
  CREATE INDEX intervals_band ON intervals (kind, band, avg_power_w);
  CREATE TABLE best_windows (session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, duration_s INTEGER NOT NULL,
    power_w REAL NOT NULL, start_s REAL NOT NULL, PRIMARY KEY (session_id, duration_s));
  CREATE INDEX best_windows_duration ON best_windows (duration_s, power_w);
  INSERT INTO schema_migrations VALUES (1, 'sessions, intervals, best windows, athletes', '2026-11-01T00:00:00.000Z');
  PRAGMA user_version = 1;`;

const ANALYSIS = { id: 'sim-1', name: 'SIM Rower 1Hz', intervals: [{ index: 1, kind: 'work', start: 360, end: 390, durationS: 30, avgPower: 480, peakPower: 540, avgStrokeRate: 37, avgHeartRate: 150, verdict: { allOut: true, score: 95, reasons: [], kind: 'all-out', band: 'A', mode: 'rep-max' } }] };

function v1Database(path: string, recordingPath: string, hash: string): void {
  const db = new Database(path);
  db.exec(V1);
  db.prepare("INSERT INTO athletes (name, time2k_s, hrmax, weight_kg, created) VALUES ('Ann', 425, 190, 68, '2026-11-01T00:00:00.000Z')").run();
  db.prepare('INSERT INTO sessions VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)').run('abcdef0123', hash, 'sim-1', recordingPath, Date.parse('2026-11-10T07:00:06Z'), 'SIM Rower 1Hz', 'Ann', 1800, 6500, JSON.stringify(ANALYSIS));
  db.prepare("INSERT INTO intervals VALUES ('abcdef0123', 0, 'work', 1, 360, 30, 480, 150, 1, 'all-out', 'A', 'rep-max')").run();
  db.prepare("INSERT INTO best_windows VALUES ('abcdef0123', 30, 500, 359)").run();
  db.close();
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('bring a version-1 database to the current version with its sessions and athletes kept', () => {
    const dir = tempDir();
    const path = join(dir, 'history.db');
    v1Database(path, '/gone/old.ndjson', 'f'.repeat(64));
    const h = openHistory(path);
    try {
      expect(h.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect((h.connection.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual([1, 2]);
      expect(h.getAthlete('ann')).toEqual({ name: 'Ann', time2kS: 425, hrmax: 190, weightKg: 68, created: '2026-11-01T00:00:00.000Z' });
      const [s] = h.list();
      expect(s).toMatchObject({ id: 'abcdef0123', athlete: 'Ann', plan: null, reps: 1, allOut: 1, durationS: 1800, distanceM: 6500, stale: true, start: '2026-11-10T07:00:06.000Z' });
      expect(h.get('abcdef0123')!.analysis).toEqual(ANALYSIS);
      expect(h.get('abcdef0123')!.bests).toEqual([{ durationS: 30, powerW: 500, startS: 359 }]);
      expect(h.bests({ athlete: 'Ann' }).reps[0]).toMatchObject({ band: 'A', powerW: 480, sessionId: 'abcdef0123' });
      // version 1 had no efforts: none until the session is re-judged
      expect(h.efforts({ athlete: 'Ann' })).toEqual([]);
    } finally {
      h.close();
    }
    // opening again applies nothing more
    const again = openHistory(path);
    expect((again.connection.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(2);
    again.close();
  });

  it('re-judge a migrated session when its recording is added again, filling its efforts', () => {
    const dir = tempDir();
    const file = makeRecording(dir, { fixture: 'hiit-held', startedAt: '2026-11-10T07:00:00.000Z', athlete: 'Ann' });
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    const path = join(dir, 'history.db');
    v1Database(path, file, hash);
    const h = openHistory(path);
    try {
      const [res] = h.addRecording(file);
      expect(res!.added).toBe(true);
      expect(h.list().map((s) => [s.id, s.stale])).toEqual([[res!.id, false]]);
      expect(h.efforts({ athlete: 'Ann' }).length).toBeGreaterThan(0);
    } finally {
      h.close();
    }
  });

  it('refuse a database from a newer ergsprint and leave it untouched', () => {
    const path = join(tempDir(), 'history.db');
    const db = new Database(path);
    db.exec('CREATE TABLE future (x); PRAGMA user_version = 99;');
    db.close();
    let err: unknown;
    try {
      openHistory(path);
    } catch (e) {
      err = e;
    }
    expect((err as HistoryError).code).toBe('NEWER_SCHEMA');
    expect((err as Error).message).toMatch(/schema version 99.*upgrade ergsprint/);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'").get()).toEqual({ n: 0 });
    check.close();
  });
});
