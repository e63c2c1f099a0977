/**
 * The history database's schema as numbered migrations. Each runs once, in its own transaction,
 * recorded in `schema_migrations` and in `PRAGMA user_version` (the version a file is at). A file
 * from a newer ergsprint (user_version above the last migration) is refused, never altered.
 *
 * Adding a migration: append { version: n + 1, ... } — never edit one that has shipped — and
 * test opening a database built by hand at version n.
 */
import type { Database } from 'better-sqlite3';
import { HistoryError } from './history-error.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'sessions, intervals, best windows, athletes',
    sql: `
      CREATE TABLE athletes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        time2k_s REAL,
        hrmax INTEGER,
        weight_kg REAL,
        created TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        rower TEXT NOT NULL,
        analysis_version INTEGER NOT NULL,
        path TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        machine TEXT NOT NULL,
        athlete TEXT COLLATE NOCASE,
        duration_s REAL NOT NULL,
        distance_m REAL,
        analysis_json TEXT NOT NULL,
        UNIQUE (content_hash, rower)
      );
      CREATE INDEX sessions_start ON sessions (start_ms);
      CREATE INDEX sessions_athlete ON sessions (athlete, start_ms);
      CREATE TABLE intervals (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_s REAL NOT NULL,
        duration_s REAL NOT NULL,
        avg_power_w REAL,
        distance_m REAL,
        all_out INTEGER,
        verdict_kind TEXT,
        band TEXT,
        mode TEXT,
        PRIMARY KEY (session_id, ord)
      );
      CREATE INDEX intervals_band ON intervals (kind, band, avg_power_w);
      CREATE TABLE best_windows (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        duration_s INTEGER NOT NULL,
        power_w REAL NOT NULL,
        start_s REAL NOT NULL,
        PRIMARY KEY (session_id, duration_s)
      );
      CREATE INDEX best_windows_duration ON best_windows (duration_s, power_w);`,
  },
  {
    version: 2,
    name: 'plan per session, judged efforts (personal references)',
    sql: `
      ALTER TABLE sessions ADD COLUMN plan TEXT;
      CREATE TABLE efforts (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL,
        duration_s REAL NOT NULL,
        mean_power_w REAL NOT NULL,
        all_out INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('rep', 'piece')),
        rep INTEGER,
        distance_m REAL,
        PRIMARY KEY (session_id, start_ms)
      );
      CREATE INDEX efforts_start ON efforts (start_ms);
      -- rows of version 1 have no efforts: mark them stale so the next add or rebuild re-judges them
      UPDATE sessions SET analysis_version = 0;`,
  },
]);

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Bring `db` up to SCHEMA_VERSION; returns the versions applied. Throws HistoryError NEWER_SCHEMA. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new HistoryError('NEWER_SCHEMA', `the history database is at schema version ${current}, newer than this ergsprint knows (${latest}): upgrade ergsprint`);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // another process may have migrated since we looked: re-read inside the write lock
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
