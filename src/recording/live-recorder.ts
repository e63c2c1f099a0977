/**
 * The live session's recorder: a `RecordingWriter` that survives a failing disk. When a write
 * fails with an I/O error (disk full, ENOSPC; a removed USB stick, EIO) recording stops, the fault
 * is reported once, and the session goes on; every `retryMs` a new file is tried (`name.2.ndjson`,
 * `name.3.ndjson`, ... with the same startedAt, so `t` stays continuous), and writing resumes there.
 * Only the items that arrived while no file could be written are lost; they are counted.
 */
import type { RecordingHeader, RecordingItem, RecordingRower } from './format.js';
import { RecordingWriteError } from './recording-error.js';
import { openRecording, type RecordingWriter } from './writer.js';

export interface LiveRecorderOptions {
  /** opens a file with its header (default openRecording); tests inject a failing one */
  open?: (path: string, header: RecordingHeader) => RecordingWriter;
  /** time between attempts to resume, ms */
  retryMs?: number;
  /** a monotonic clock, ms (default performance.now) */
  now?: () => number;
  /** recording stopped (once per outage), with why */
  onStopped: (message: string, err: RecordingWriteError) => void;
  /** recording resumed into `path` */
  onResumed: (message: string, path: string) => void;
}

export type RecorderState = { kind: 'recording'; writer: RecordingWriter } | { kind: 'stopped'; since: number; lastTry: number } | { kind: 'closed' };

/** `dir/name.ndjson` → `dir/name.<n>.ndjson` (n ≥ 2). */
export function partPath(path: string, n: number): string {
  const m = /^(.*?)(\.ndjson)?$/.exec(path);
  return `${m?.[1] ?? path}.${n}${m?.[2] ?? ''}`;
}

/** Why a write failed, in a few words (`disk full (ENOSPC)`). */
export function ioReason(err: RecordingWriteError): string {
  const code = (err.cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'disk full (ENOSPC)';
  if (code === 'EDQUOT') return 'disk quota exceeded (EDQUOT)';
  return code ? `write error (${code})` : err.message;
}

export class LiveRecorder {
  /** every file written, the first one first */
  readonly paths: string[];
  /** items that could not be written */
  lost = 0;
  private state: RecorderState;
  private part = 1;
  private readonly rowers = new Map<string, string>();
  private readonly open: (path: string, header: RecordingHeader) => RecordingWriter;
  private readonly retryMs: number;
  private readonly now: () => number;

  /** Opens the first file; throws RecordingWriteError as openRecording does (nothing to go on without it). */
  constructor(
    private readonly path: string,
    private readonly header: RecordingHeader,
    private readonly opts: LiveRecorderOptions,
  ) {
    this.open = opts.open ?? ((p, h) => openRecording(p, h));
    this.retryMs = opts.retryMs ?? 5_000;
    this.now = opts.now ?? (() => performance.now());
    this.state = { kind: 'recording', writer: this.open(path, header) };
    this.paths = [path];
  }

  get recording(): boolean {
    return this.state.kind === 'recording';
  }

  /** Append one item; an I/O failure stops recording (reported, retried), other write errors throw. */
  write(item: RecordingItem): void {
    if (item.kind === 'event' && item.event === 'connected' && item.name) this.rowers.set(item.rower, item.name);
    if (this.state.kind === 'stopped') this.retry();
    const state = this.state;
    if (state.kind === 'closed') throw new RecordingWriteError('CLOSED', this.path, 'write after close');
    if (state.kind === 'stopped') {
      this.lost += 1;
      return;
    }
    try {
      state.writer.write(item);
    } catch (err) {
      if (!(err instanceof RecordingWriteError) || err.code !== 'IO') throw err;
      this.lost += 1;
      this.closeQuietly(state.writer);
      const t = this.now();
      this.state = { kind: 'stopped', since: t, lastTry: t };
      this.opts.onStopped(`recording stopped: ${ioReason(err)} writing ${err.file}; the session goes on, retrying every ${this.retryMs / 1000} s into a new file`, err);
    }
  }

  close(): void {
    if (this.state.kind === 'recording') this.closeQuietly(this.state.writer);
    this.state = { kind: 'closed' };
  }

  private retry(): void {
    if (this.state.kind !== 'stopped' || this.now() - this.state.lastTry < this.retryMs) return;
    this.state.lastTry = this.now();
    const path = partPath(this.path, this.part + 1);
    const rowers: RecordingRower[] = [...this.rowers].map(([id, name]) => ({ id, name }));
    try {
      const writer = this.open(path, { ...this.header, rowers });
      this.part += 1;
      this.paths.push(path);
      this.state = { kind: 'recording', writer };
      this.opts.onResumed(`recording resumed into ${path} (${this.lost} items lost while the disk could not be written)`, path);
    } catch (err) {
      if (!(err instanceof RecordingWriteError) || (err.code !== 'IO' && err.code !== 'EXISTS')) throw err;
      if (err.code === 'EXISTS') this.part += 1; // someone else's file: the next attempt takes the next name
    }
  }

  private closeQuietly(w: RecordingWriter): void {
    try {
      w.close();
    } catch {
      // the disk that failed the write may fail the close too; the lines written are on it
    }
  }
}
