/**
 * `ergsprint import FILE…`: other apps' files → recordings v1 (`"source":"import"`), then the
 * analysis of each. Wiring only: reading and writing files here, parsing in src/sources/import/.
 * A recording's default path comes from the original file's content hash, so importing the same
 * file again finds the first import ("already imported as …") instead of making a second session.
 * `onImported` is the seam for the history store: it is called for every file, new or already
 * imported (so a history add must be idempotent, keyed by the path or the sha256).
 */
import { closeSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { CliError } from '../cli-error.js';
import type { HistoryStore } from '../store/history-store.js';
import { historyAnalysis } from './history-wiring.js';
import { analysisToJson } from '../export/analysis-json.js';
import type { RecordingHeader, RecordingItem } from '../recording/format.js';
import { readRecording } from '../recording/reader.js';
import { RecordingError, RecordingWriteError } from '../recording/recording-error.js';
import { FileOpenError, openRegularFile, readOpened } from '../recording/regular-file.js';
import { openRecording } from '../recording/writer.js';
import { IMPORT_FORMAT_NAMES, isImportFormat, type ImportFormat } from '../sources/import/formats.js';
import { ImportError } from '../sources/import/import-error.js';
import { contentHash, importBytes } from '../sources/import/import-file.js';
import { historyDbPath, importRecordingPath } from '../store/data-dir.js';
import { analysisTable } from './analysis-table.js';
import { analyzeFile } from './analyze.js';
import { cliError, EXIT } from './exit-codes.js';

export interface ImportFlags {
  /** history database (default: the data directory's history.db) */
  db?: string;
  format?: string;
  athlete?: string;
  out?: string;
}

/** What one file's import gave. */
export interface ImportOutcome {
  /** the original file */
  file: string;
  recordingPath: string;
  format: ImportFormat;
  sha256: string;
  /** the recording existed already (same content hash): nothing was written */
  alreadyImported: boolean;
}

export interface ImportHooks {
  /** called after each file, new or already imported (the history store adds the recording here) */
  onImported?(recordingPath: string, outcome: ImportOutcome): void | Promise<void>;
}

export interface ImportEnv {
  /** where the data directory is found (default: this process's environment) */
  env?: NodeJS.ProcessEnv;
  /** where the per-file report and analysis go (default: stdout) */
  write?(text: string): void;
}

/** Files larger than this are refused, bytes (a long FIT or CSV session is a few MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Longest athlete name accepted, characters. */
const MAX_ATHLETE_CHARS = 64;

/** Validate the flags (bad values → CliError, exit 2). */
export function importSettings(files: readonly string[], flags: ImportFlags): { format?: ImportFormat; athlete?: string; out?: string } {
  const out: { format?: ImportFormat; athlete?: string; out?: string } = {};
  const f = flags.format ?? 'auto';
  if (f !== 'auto') {
    if (!isImportFormat(f)) throw new CliError(`--format must be auto or one of ${IMPORT_FORMAT_NAMES.join(', ')} (got ${JSON.stringify(f)})`);
    out.format = f;
  }
  if (flags.athlete !== undefined) {
    const a = flags.athlete.trim();
    if (a === '' || a.length > MAX_ATHLETE_CHARS || /[\u0000-\u001f\u007f]/.test(a)) throw new CliError(`--athlete must be a name of 1 to ${MAX_ATHLETE_CHARS} printable characters`);
    out.athlete = a;
  }
  if (flags.out !== undefined) {
    if (files.length !== 1) throw new CliError('--out takes one input file (several files each get their own recording)');
    out.out = flags.out;
  }
  return out;
}

/** Import every file; throws CliError (exit 2) on the first file that cannot be imported. */
export async function importFiles(files: readonly string[], flags: ImportFlags, hooks: ImportHooks = {}, io: ImportEnv = {}): Promise<ImportOutcome[]> {
  const settings = importSettings(files, flags);
  const write = io.write ?? ((s: string) => void process.stdout.write(s));
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    const bytes = readInput(file);
    const sha256 = contentHash(bytes);
    const target = settings.out ?? importRecordingPath(sha256, io.env);
    let outcome: ImportOutcome;
    const previous = await previousImport(target, sha256);
    if (previous !== undefined) {
      outcome = { file, recordingPath: target, format: previous, sha256, alreadyImported: true };
      write(`${file}: already imported as ${target}\n`);
    } else {
      let imported;
      try {
        imported = importBytes(bytes, { fileName: basename(file), ...(settings.format ? { format: settings.format } : {}), ...(settings.athlete ? { athlete: settings.athlete } : {}) });
      } catch (err) {
        if (err instanceof ImportError) throw cliError(err, `${file}: `);
        throw err;
      }
      writeAtomically(target, imported.header, imported.items);
      outcome = { file, recordingPath: target, format: imported.format, sha256, alreadyImported: false };
      write(`${file}: imported as ${target} (${imported.format}, ${imported.strokes} strokes)\n`);
    }
    await hooks.onImported?.(target, outcome);
    write(`${analysisTable(analysisToJson(await analyzeFile(target, { verdict: {} }))).join('\n')}\n`);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The `import` command's action (its options are declared in src/cli/import.ts). */
export async function importCommand(files: string[], flags: ImportFlags): Promise<void> {
  // each recording joins history (once: by content hash), judged against its athlete's earlier sessions
  let store: HistoryStore | undefined;
  let unavailable = false;
  try {
    await importFiles(files, flags, {
      onImported: async (path) => {
        if (unavailable) return;
        if (!store) {
          try {
            const { openHistory } = await import('../store/history-store.js');
            store = openHistory(flags.db ?? historyDbPath());
          } catch (err) {
            unavailable = true;
            process.stderr.write(`ergsprint: history unavailable, the import is not indexed (${(err as Error).message})\n`);
            return;
          }
        }
        const ids = store.addRecording(path, { analysis: historyAnalysis(store, {}, {}) }).map((r) => r.id);
        if (ids.length > 0) process.stderr.write(`ergsprint: in history as ${ids.join(', ')}\n`);
      },
    });
  } finally {
    store?.close();
  }
}

/** The bytes of a regular file of at most MAX_IMPORT_BYTES; CliError otherwise. */
function readInput(path: string): Uint8Array {
  let opened;
  try {
    opened = openRegularFile(path);
  } catch (err) {
    if (err instanceof FileOpenError) throw cliError(err);
    throw err;
  }
  const { fd, size } = opened;
  try {
    if (size > MAX_IMPORT_BYTES) throw new CliError(`${path}: larger than ${MAX_IMPORT_BYTES} bytes (not a rowing session export)`, EXIT.badInput);
    const buf = readOpened(fd, size);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The format of an existing import of the file with this hash at `path`, or undefined when there
 * is no file there. A file there that is not that import is refused (never overwritten).
 */
async function previousImport(path: string, sha256: string): Promise<ImportFormat | undefined> {
  if (!existsSync(path)) return undefined;
  let rec;
  try {
    rec = await readRecording(path);
  } catch (err) {
    if (err instanceof RecordingError) throw cliError(err, `${path} exists and is not a readable recording (refusing to overwrite it): `);
    throw err;
  }
  const ev = rec.items.find((i) => i.kind === 'event' && i.event === 'import');
  if (ev?.kind !== 'event' || ev.sha256 !== sha256 || ev.format === undefined || !isImportFormat(ev.format)) {
    throw new CliError(`${path} exists and is not an import of this file (refusing to overwrite it)`, EXIT.badInput);
  }
  return ev.format;
}

/** Write the recording beside `path` and rename it into place: a crash never leaves a half import at `path`. */
function writeAtomically(path: string, header: RecordingHeader, items: Iterable<RecordingItem>): void {
  const partial = `${path}.partial-${process.pid}`;
  try {
    const w = openRecording(partial, header, { overwrite: true });
    try {
      for (const item of items) w.write(item);
    } finally {
      w.close();
    }
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof RecordingWriteError) throw cliError(err);
    throw err;
  }
}
