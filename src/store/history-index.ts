/**
 * The history database without the analysis: opening (WAL mode, migrations, damaged files), and
 * every query and small write that needs no recording analysed — sessions, bests, judged efforts,
 * athletes, removal. Kept apart from HistoryStore (which indexes recordings) so `history`,
 * `history show`, `history bests` and `athlete` load SQLite but not the session pipeline.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { JudgedEffort } from '../analysis/judged-effort.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { insertAthlete, selectAthlete, selectAthletes, type Athlete, type NewAthlete } from './athletes.js';
import { queryBests, type Bests } from './bests-query.js';
import { historyDbPath } from './data-dir.js';
import { HistoryError } from './history-error.js';
import { contentHash } from './content-hash.js';
import { migrate } from './schema.js';
import { detail, effortFromRow, listItem, type EffortRow, type SessionDetail, type SessionListItem, type SessionRow } from './session-rows.js';

export { historyDbPath };

const SQLITE_DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** A damaged database file → HistoryError CORRUPT; anything else passes through. */
function damaged(err: unknown, path: string): unknown {
  const code = (err as { code?: string }).code;
  if (code !== undefined && SQLITE_DAMAGED.has(code)) {
    return new HistoryError('CORRUPT', `${path} is not a readable history database (${(err as Error).message}): move it away and run "ergsprint history rebuild"`);
  }
  return err;
}

export interface OpenOptions {
  /** clock for `created` dates (tests); the analysis never reads it */
  now?: () => Date;
}

export class HistoryIndex {
  protected readonly db: Database.Database;

  /** Use openHistoryIndex() or openHistory(). */
  constructor(
    readonly path: string,
    db: Database.Database,
    /** injectable clock for `created` dates (tests); the analysis never reads it */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db;
  }

  /** The raw connection, for tests and tools (integrity checks). */
  get connection(): Database.Database {
    return this.db;
  }

  /** Sessions, newest first. */
  list(filter: { athlete?: string; limit?: number } = {}): SessionListItem[] {
    const where = filter.athlete === undefined ? '' : 'WHERE athlete = @athlete';
    const limit = filter.limit === undefined ? '' : 'LIMIT @limit';
    const rows = this.db.prepare(`SELECT * FROM sessions ${where} ORDER BY start_ms DESC, id ${limit}`).all({ ...(filter.athlete !== undefined ? { athlete: filter.athlete.trim() } : {}), ...(filter.limit !== undefined ? { limit: filter.limit } : {}) }) as SessionRow[];
    return rows.map((r) => listItem(r, ANALYSIS_VERSION));
  }

  /** One session with its intervals, verdicts and best windows, or undefined. */
  get(id: string): SessionDetail | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? detail(this.db, row, ANALYSIS_VERSION) : undefined;
  }

  /** Ids of the sessions of a recording file (by content), empty when it is not indexed. */
  idsOfFile(recordingPath: string): string[] {
    const hash = contentHash(readFileSync(recordingPath));
    return (this.db.prepare('SELECT id FROM sessions WHERE content_hash = ? ORDER BY rower').all(hash) as { id: string }[]).map((r) => r.id);
  }

  /** Best reps by band, best single pieces, and the power–duration curve. */
  bests(filter: { athlete?: string } = {}): Bests {
    return queryBests(this.db, filter.athlete?.trim());
  }

  /**
   * Judged efforts of an athlete's sessions (case-insensitive name) that started in
   * [sinceMs, beforeMs) (ms since the Unix epoch), oldest first: what personal references are built from.
   */
  efforts(q: { athlete: string; sinceMs?: number; beforeMs?: number }): JudgedEffort[] {
    const rows = this.db
      .prepare(
        `SELECT e.* FROM efforts e JOIN sessions s ON s.id = e.session_id
         WHERE s.athlete = @athlete AND e.start_ms >= @since AND e.start_ms < @before ORDER BY e.start_ms, e.session_id`,
      )
      .all({ athlete: q.athlete.trim(), since: q.sinceMs ?? Number.MIN_SAFE_INTEGER, before: q.beforeMs ?? Number.MAX_SAFE_INTEGER }) as EffortRow[];
    return rows.map(effortFromRow);
  }

  /** Delete a session's index rows (never the recording); false when there is no such id. */
  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
  }

  addAthlete(a: NewAthlete): Athlete {
    return insertAthlete(this.db, a, this.now().toISOString());
  }

  listAthletes(): Athlete[] {
    return selectAthletes(this.db);
  }

  /** An athlete by name, case-insensitive. */
  getAthlete(name: string): Athlete | undefined {
    return selectAthlete(this.db, name);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Open (creating it and its folder when missing) the SQLite file at `path` in WAL mode, migrated
 * to the current schema. Throws HistoryError CORRUPT (not a database), NEWER_SCHEMA or OPEN.
 */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: 5000 });
  } catch (err) {
    throw new HistoryError('OPEN', `cannot open the history database ${path}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a crash of the process never loses a commit; a power cut may lose the last
    // ones, which a rebuild from the recordings restores (the database is an index)
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    throw damaged(err, path);
  }
  return db;
}

/** The history database at `path` (default historyDbPath()) for queries, athletes and removal. */
export function openHistoryIndex(path: string = historyDbPath(), opts: OpenOptions = {}): HistoryIndex {
  return new HistoryIndex(path, openDatabase(path), opts.now);
}
