/**
 * Append-only recording writer. Each line goes to the OS with one `fs.writeSync` on an fd
 * opened for append, so a crash or `kill -9` loses at most a torn last line (which the reader
 * tolerates). No fsync: the OS page cache survives a process crash, not a power cut.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineFormatError, headerToLine, itemToLine, type RecordingHeader, type RecordingItem } from './format.js';
import { RecordingWriteError } from './recording-error.js';

export interface RecordingWriter {
  readonly path: string;
  /** Append one frame or event as a line; throws RecordingWriteError (BAD_ITEM, TIME_BACKWARDS, CLOSED, IO). */
  write(item: RecordingItem): void;
  /** Close the file; further writes throw CLOSED. Idempotent. */
  close(): void;
}

export interface OpenOptions {
  /** replace an existing file (default: fail with code EXISTS) */
  overwrite?: boolean;
  /** the write call (default fs.writeSync); tests hand in one that fails like a full disk */
  writeSync?: (fd: number, buffer: Buffer, offset: number, length: number) => number;
}

/** Create `path` (and its parent directories) and write the header line. */
export function openRecording(path: string, header: RecordingHeader, opts: OpenOptions = {}): RecordingWriter {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // 'ax' = append, fail if it exists; 'w' truncates (the fd is then written strictly sequentially).
    fd = openSync(path, opts.overwrite === true ? 'w' : 'ax');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new RecordingWriteError('EXISTS', path, 'already exists (refusing to overwrite a recording)');
    throw new RecordingWriteError('IO', path, `cannot create: ${(err as Error).message}`);
  }
  let open = true;
  let lastT = 0;
  const write = opts.writeSync ?? writeSync;
  const append = (line: string): void => {
    const buf = Buffer.from(line + '\n', 'utf8');
    try {
      let off = 0;
      while (off < buf.length) off += write(fd as number, buf, off, buf.length - off);
    } catch (err) {
      throw new RecordingWriteError('IO', path, `write failed: ${(err as Error).message}`, { cause: err });
    }
  };
  try {
    append(headerToLine(header));
  } catch (err) {
    // no header, no recording: do not leave an fd open or a headless file behind (disk full)
    closeSync(fd);
    rmSync(path, { force: true });
    throw err;
  }
  return {
    path,
    write(item) {
      if (!open) throw new RecordingWriteError('CLOSED', path, 'write after close');
      let line: string;
      try {
        line = itemToLine(item);
      } catch (err) {
        if (err instanceof LineFormatError) throw new RecordingWriteError('BAD_ITEM', path, err.reason);
        throw err;
      }
      if (item.t < lastT) throw new RecordingWriteError('TIME_BACKWARDS', path, `t went backwards: ${item.t} after ${lastT}`);
      lastT = item.t;
      append(line);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd as number);
    },
  };
}

/** The exact text `openRecording` + `write` would produce (for tests and fixtures). */
export function serializeRecording(header: RecordingHeader, items: Iterable<RecordingItem>): string {
  const lines = [headerToLine(header)];
  for (const item of items) lines.push(itemToLine(item));
  return lines.join('\n') + '\n';
}
