/**
 * The history database: an index of past sessions in SQLite (better-sqlite3, WAL mode), rebuilt
 * from the recordings, which stay the source of truth. A session is keyed by its recording's
 * content hash and rower (its id derives from both) and carries the ANALYSIS_VERSION it was judged
 * with. Each recording is written in one transaction: a crash leaves the previous state.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRecording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { historyDbPath } from './data-dir.js';
import { HistoryError } from './history-error.js';
import { HistoryIndex, openDatabase, type OpenOptions } from './history-index.js';
import { listRecordings, recordingDirs } from './recording-files.js';
import { contentHash, sessionRecords, type AnalysisOptionsInput } from './session-record.js';
import { writeSession } from './session-rows.js';

export { historyDbPath, HistoryIndex };

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

/** The history with indexing: adding recordings and rebuilding from them (loads the session pipeline). */
export class HistoryStore extends HistoryIndex {
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
        // the file changed since it was indexed (a recording indexed while still being written):
        // its old sessions give way to the new ones
        this.db.prepare('DELETE FROM sessions WHERE path = ? AND content_hash <> ?').run(path, hash);
        for (const rec of records) writeSession(this.db, rec, ANALYSIS_VERSION);
      })
      .immediate();
    return records.map((r) => ({ id: r.id, rower: r.rower, added: true }));
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

/** Open the history database at `path` (default historyDbPath()) for indexing and queries (see openDatabase). */
export function openHistory(path: string = historyDbPath(), opts: OpenOptions = {}): HistoryStore {
  return new HistoryStore(path, openDatabase(path), opts.now);
}
