/**
 * One file of another app → a recording v1 (header + items): detect or take the format, parse it,
 * build the synthetic raw frames, open with an `import` provenance event (file, format, sha256) and
 * the athlete, when named. Pure: bytes in, recording out (the command reads and writes files).
 */
import { createHash } from 'node:crypto';
import { ATHLETE_EVENT, type RowerEvent } from '../../ftms/frame.js';
import type { RecordingHeader, RecordingItem } from '../../recording/format.js';
import { detectFormat } from './detect.js';
import { isoTime } from './iso-time.js';
import type { ImportFormat } from './formats.js';
import { fail } from './import-error.js';
import { parseFormat } from './parse-format.js';
import { rowsToFrames } from './to-frames.js';
import type { ImportedRow } from './types.js';

/** `startedAt` of a file that holds no date (as the realdata recordings mark it). */
export const UNKNOWN_START = '2000-01-01T00:00:00.000Z';
/** Longest session an import may span, s: a file whose times spread wider is broken (and would make millions of idle frames). */
export const MAX_SESSION_S = 24 * 3600;
/** The one rower of an imported recording. */
export const IMPORT_ROWER = 'import';

export interface ImportOptions {
  /** the original file's name (for the provenance event) */
  fileName: string;
  /** default: detect from the content */
  format?: ImportFormat;
  /** bind an athlete name to the rower */
  athlete?: string;
}

export interface ImportedRecording {
  header: RecordingHeader;
  items: RecordingItem[];
  format: ImportFormat;
  /** hex SHA-256 of the original file's bytes */
  sha256: string;
  strokes: number;
}

/** Hex SHA-256 of a file's bytes (its identity: the same file imported twice is one session). */
export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Parse `bytes` and build the recording; throws ImportError. */
export function importBytes(bytes: Uint8Array, opts: ImportOptions): ImportedRecording {
  const format = opts.format ?? detectFormat(bytes);
  if (bytes.byteLength === 0) fail('EMPTY', 'the file is empty');
  const session = parseFormat(format, bytes);
  const { rows, shiftS } = normalised(session.rows);
  const strokes = rows.filter((r) => r.stroke).length;
  if (strokes === 0) fail('NO_STROKES', `holds no strokes (read as ${format})`);
  const spanS = rows[rows.length - 1]!.tS;
  if (spanS > MAX_SESSION_S) fail('BAD_FILE', `its times span ${Math.round(spanS / 3600)} h, more than ${MAX_SESSION_S / 3600} h: not one session (read as ${format})`);
  const sha256 = contentHash(bytes);
  const rower = IMPORT_ROWER;
  const provenance: RowerEvent = { kind: 'event', t: 0, rower, event: 'import', file: opts.fileName, format, sha256 };
  const items: RecordingItem[] = [provenance];
  if (opts.athlete !== undefined) items.push({ kind: 'event', t: 0, rower, event: ATHLETE_EVENT, athlete: opts.athlete });
  items.push(...rowsToFrames(rows, rower, session.heartRateFrom));
  return {
    header: { startedAt: startedAt(session.startedAt, shiftS), source: 'import', rowers: [{ id: rower, name: session.device }] },
    items,
    format,
    sha256,
    strokes,
  };
}

/** Rows sorted by time (stable), moved later by `shiftS` so none is before t = 0. */
function normalised(rows: readonly ImportedRow[]): { rows: ImportedRow[]; shiftS: number } {
  const sorted = rows
    .filter((r) => Number.isFinite(r.tS))
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].tS - b[0].tS || a[1] - b[1]).map(([r]) => r);
  const first = sorted[0]?.tS ?? 0;
  return first >= 0 ? { rows: sorted, shiftS: 0 } : { rows: sorted.map((r) => ({ ...r, tS: r.tS - first })), shiftS: -first };
}

/** The header's start: the file's, less any shift of the rows (t = 0 stays the same instant), or the placeholder. */
function startedAt(fileStart: string | undefined, shiftS: number): string {
  if (fileStart === undefined) return UNKNOWN_START;
  return shiftS === 0 ? fileStart : (isoTime(Date.parse(fileStart) - shiftS * 1000) ?? UNKNOWN_START);
}
