/**
 * The history database: an index of past sessions in SQLite (better-sqlite3, WAL mode), rebuilt
 * from the recordings, which stay the source of truth. A session is keyed by its recording's
 * content hash and rower (its id derives from both) and carries the ANALYSIS_VERSION it was judged
 * with. Each recording is written in one transaction: a crash leaves the previous state.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JudgedEffort } from '../analysis/judged-effort.js';
import { parseRecording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { insertAthlete, selectAthlete, selectAthletes, type Athlete, type NewAthlete } from './athletes.js';
import { queryBests, type Bests } from './bests-query.js';
import { historyDbPath } from './data-dir.js';
import { HistoryError } from './history-error.js';
import { listRecordings, recordingDirs } from './recording-files.js';
import { migrate } from './schema.js';
import { contentHash, sessionRecords, type AnalysisOptionsInput } from './session-record.js';
import { detail, effortFromRow, listItem, writeSession, type EffortRow, type SessionDetail, type SessionListItem, type SessionRow } from './session-rows.js';

export { historyDbPath };

export interface AddOptions {
  /** analysis options (plan, declared references, a ReferenceProvider), fixed or chosen per recording */
  analysis?: AnalysisOptionsInput;
}

export interface AddResult {
  id: string;
  rower: string;
  /** a row was written: the session is new, or was judged by an older analysis */
  added: boolean;
}

export interface RebuildProgress {
  done: number;
  total: number;
  path: string;
}

export interface RebuildResult {
  recordings: number;
  sessions: number;
  /** recordings that could not be read (kept out of the index), with the reason */
  failed: { path: string; error: string }[];
}

const SQLITE_DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** A damaged database file → HistoryError CORRUPT; anything else passes through. */
function damaged(err: unknown, path: string): unknown {
  const code = (err as { code?: string }).code;
  if (code !== undefined && SQLITE_DAMAGED.has(code)) {
    return new HistoryError('CORRUPT', `${path} is not a readable history database (${(err as Error).message}): move it away and run "ergsprint history rebuild"`);
  }
  return err;
}

export class HistoryStore {
  private readonly db: Database.Database;

  /** Use openHistory(). */
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

  /**
   * Index a recording: one session per rower that rowed. Idempotent: a session already indexed by
   * this analysis version is left as it is (`added: false`); one of an older version is re-judged.
   * Throws HistoryError BAD_RECORDING for an unreadable recording.
   */
  addRecording(recordingPath: string, opts: AddOptions = {}): AddResult[] {
    return this.index(recordingPath, opts, false);
  }

  private index(recordingPath: string, opts: AddOptions, force: boolean): AddResult[] {
    const path = resolve(recordingPath);
    const bytes = readRecordingBytes(path);
    const hash = contentHash(bytes);
    const known = this.db.prepare('SELECT id, rower, analysis_version FROM sessions WHERE content_hash = ?').all(hash) as { id: string; rower: string; analysis_version: number }[];
    if (!force && known.length > 0 && known.every((k) => k.analysis_version === ANALYSIS_VERSION)) return known.map((k) => ({ id: k.id, rower: k.rower, added: false }));
    let recording;
    try {
      recording = parseRecording(bytes.toString('utf8'), path);
    } catch (err) {
      if (err instanceof RecordingError) throw new HistoryError('BAD_RECORDING', err.message);
      throw err;
    }
    const records = sessionRecords(recording, bytes, path, opts.analysis);
    this.db
      .transaction(() => {
        for (const rec of records) writeSession(this.db, rec, ANALYSIS_VERSION);
      })
      .immediate();
    return records.map((r) => ({ id: r.id, rower: r.rower, added: true }));
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

  /**
   * Re-create the index from every recording in `dirs` (default `<data dir>/sessions` and
   * `/imports`), oldest session first so references see only earlier sessions; sessions whose
   * recording is gone are dropped. Athletes are kept (they are not in the recordings).
   */
  rebuild(dirs: readonly string[] = recordingDirs(), opts: AddOptions & { onProgress?: (p: RebuildProgress) => void } = {}): RebuildResult {
    const files = listRecordings(dirs);
    const seen = new Set<string>();
    const failed: RebuildResult['failed'] = [];
    files.forEach((path, i) => {
      try {
        for (const r of this.index(path, opts, true)) seen.add(r.id);
      } catch (err) {
        if (!(err instanceof HistoryError) || err.code !== 'BAD_RECORDING') throw err;
        failed.push({ path, error: err.message });
      }
      opts.onProgress?.({ done: i + 1, total: files.length, path });
    });
    this.db
      .transaction(() => {
        const ids = (this.db.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((r) => r.id);
        const del = this.db.prepare('DELETE FROM sessions WHERE id = ?');
        for (const id of ids) if (!seen.has(id)) del.run(id);
      })
      .immediate();
    return { recordings: files.length - failed.length, sessions: seen.size, failed };
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

function readRecordingBytes(path: string): Buffer {
  try {
    if (!statSync(path).isFile()) throw new HistoryError('BAD_RECORDING', `${path}: not a regular file`);
    return readFileSync(path);
  } catch (err) {
    if (err instanceof HistoryError) throw err;
    throw new HistoryError('BAD_RECORDING', `${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/**
 * Open (creating it and its folder when missing) the history database at `path` (default
 * historyDbPath()) in WAL mode and migrate it to the current schema. Throws HistoryError
 * CORRUPT (not a database), NEWER_SCHEMA or OPEN.
 */
export function openHistory(path: string = historyDbPath(), opts: { now?: () => Date } = {}): HistoryStore {
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
  return new HistoryStore(path, db, opts.now);
}
