/**
 * `ergsprint export SESSION`: wiring only. Resolve SESSION to a recording (a path now; history ids
 * through `resolveSession` once the history store is wired), analyse it, encode each rower with the
 * chosen exporter and write the file atomically (temp file, then rename: never a partial file).
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CliError } from '../cli-error.js';
import { historyDbPath } from '../store/data-dir.js';
import { openHistoryIndex } from '../store/history-index.js';
import { describeSession } from '../export/description.js';
import type { ExportInput } from '../export/export-input.js';
import { exportInputsOfRecording } from './export-inputs.js';
import { encodeFit } from '../export/fit.js';
import { exportRowingDataCsv } from '../export/rowingdata-csv.js';
import { exportTcx } from '../export/tcx.js';
import { ExportError } from '../export/timeline.js';
import { readRecording, type Recording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { analyzeSettings, type AnalyzeFlags } from './analyze.js';

export interface ExportFlags extends AnalyzeFlags {
  format: string;
  out?: string;
  rower?: string;
  description?: boolean;
}

export const EXPORT_FORMATS = ['fit', 'tcx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** SESSION → recording path. The seam for history ids: the integrator passes a resolver that also knows `ergsprint history` ids. */
export type SessionResolver = (session: string) => string;

/** The default resolver: SESSION is a recording file, else a history id (`ergsprint history`). */
export const resolveRecordingPath: SessionResolver = (session) => {
  if (existsSync(session)) return session;
  const fromHistory = recordingOfHistoryId(session);
  if (fromHistory !== undefined) return fromHistory;
  throw new CliError(`${session}: no such recording, nor a session id in history (see "ergsprint history")`, 2);
};

/** The recording of a history session id, when the default history database knows it and the file is still there. */
function recordingOfHistoryId(id: string): string | undefined {
  if (!/^[0-9a-f]{6,40}$/i.test(id)) return undefined;
  const db = historyDbPath();
  if (!existsSync(db)) return undefined;
  const h = openHistoryIndex(db);
  try {
    const s = h.get(id);
    if (s && !existsSync(s.path)) throw new CliError(`${id}: its recording ${s.path} is gone (run "ergsprint history rebuild")`, 2);
    return s?.path;
  } finally {
    h.close();
  }
}

/** Encode one rower in `format`; bytes to write plus warnings. */
export function encode(input: ExportInput, format: ExportFormat): { data: Uint8Array | string; warnings: string[] } {
  if (format === 'fit') {
    const { bytes, clamped } = encodeFit(input, { softwareVersion: '0.1.0', utcOffsetMin: -new Date(input.startedAt).getTimezoneOffset() });
    const warnings = clamped.length === 0 ? [] : [`${input.rower.id}: ${clamped.length} value(s) out of the FIT range were clamped (first: ${clamped[0]!.mesg}.${clamped[0]!.field} ${clamped[0]!.from} → ${clamped[0]!.to})`];
    return { data: bytes, warnings };
  }
  return { data: format === 'tcx' ? exportTcx(input) : exportRowingDataCsv(input), warnings: [] };
}

/** Write `data` to `path` via a temp file in the same folder and a rename; CliError when it cannot. */
export function writeAtomic(path: string, data: Uint8Array | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (existsSync(path) && !statSync(path).isFile()) throw new Error('not a regular file');
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const reason = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);
    throw new CliError(`cannot write ${path}: ${reason}`, 2);
  }
}

/** Default output path: beside the recording, with the rower id when the recording holds several. */
export function defaultOut(recordingPath: string, rower: string, several: boolean, format: ExportFormat): string {
  const stem = basename(recordingPath, extname(recordingPath));
  const safe = rower.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(dirname(recordingPath), `${stem}${several ? `.${safe}` : ''}.${format}`);
}

async function load(path: string): Promise<Recording> {
  try {
    return await readRecording(path);
  } catch (err) {
    if (err instanceof RecordingError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** The `export` command's action (its options are declared in src/cli/export.ts). */
export async function exportCommand(session: string, flags: ExportFlags, resolve: SessionResolver = resolveRecordingPath): Promise<void> {
  const format = flags.format as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${flags.format}"`, 2);
  const settings = analyzeSettings(flags);
  const path = resolve(session);
  const recording = await load(path);
  const all = exportInputsOfRecording(recording, settings.plan ? { verdict: settings.verdict, plan: settings.plan } : { verdict: settings.verdict });
  let inputs = all;
  if (flags.rower !== undefined) {
    inputs = inputs.filter((i) => i.rower.id === flags.rower);
    if (inputs.length === 0) throw new CliError(`${path}: no rower "${flags.rower}" (rowers: ${all.map((r) => r.rower.id).join(', ') || 'none'})`, 2);
  } else {
    // a rower named in the header that never sent anything is skipped, not an error
    for (const i of inputs.filter((x) => x.samples.length === 0)) process.stderr.write(`ergsprint: ${path}: rower ${i.rower.id} sent no data, skipped\n`);
    inputs = inputs.filter((x) => x.samples.length > 0);
  }
  if (inputs.length === 0) throw new CliError(`${path}: the recording holds no rower data to export`, 2);
  if (flags.out !== undefined && inputs.length > 1) throw new CliError(`${path} holds ${inputs.length} rowers: choose one with --rower to use --out`, 2);
  const several = all.length > 1;
  // encode every rower before writing any file: one failure writes nothing
  const files = inputs.map((input) => {
    try {
      return { input, out: flags.out ?? defaultOut(path, input.rower.id, several, format), ...encode(input, format) };
    } catch (err) {
      if (err instanceof ExportError) throw new CliError(`${path}: ${err.message}`, 2);
      throw err;
    }
  });
  for (const f of files) {
    writeAtomic(f.out, f.data);
    for (const w of f.warnings) process.stderr.write(`ergsprint: ${w}\n`);
    process.stderr.write(`ergsprint: wrote ${f.out}\n`);
    if (flags.description) process.stdout.write(`${describeSession(f.input)}\n`);
  }
}
