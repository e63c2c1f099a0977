/** Read and validate a v1 recording: whole text (`parseRecording`) or streamed from a file (`readRecording`). */
import { closeSync, createReadStream } from 'node:fs';
import { LineParser, MAX_LINE_BYTES, type Recording } from './line-parser.js';
import { RecordingError } from './recording-error.js';
import { FileOpenError, openRegularFile, readOpened } from './regular-file.js';

export type { Recording } from './line-parser.js';
export { MAX_LINE_BYTES } from './line-parser.js';

export interface ReadOptions {
  /** called after each chunk with bytes read so far and the file size (bytes) */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** the line-length cap, bytes (default MAX_LINE_BYTES; tests lower it) */
  maxLineBytes?: number;
  /** files up to this size are read whole (default WHOLE_FILE_BYTES; tests set 0 to stream every file) */
  wholeFileBytes?: number;
}

/**
 * Files up to this size (1 MiB: a half-hour session of one rower is ≈ 250 kB) are read in one go
 * and parsed as text, which costs about half the time of the chunked stream on a cold start;
 * bigger ones are streamed, so memory stays ∝ items and a daemon reading one gets the event loop
 * back between chunks.
 */
export const WHOLE_FILE_BYTES = 1024 * 1024;

/** Parse a whole recording held in memory; `fileName` only labels errors. Throws RecordingError. */
export function parseRecording(text: string, fileName: string, maxLineBytes = MAX_LINE_BYTES): Recording {
  const parser = new LineParser(fileName);
  // a UTF-16 code unit is at most 3 bytes of UTF-8: only long lines need counting
  const check = (line: string): string => {
    if (line.length * 3 > maxLineBytes && Buffer.byteLength(line, 'utf8') > maxLineBytes) parser.tooLong(maxLineBytes);
    return line;
  };
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    parser.line(check(text.slice(start, nl)), true);
    start = nl + 1;
  }
  if (start < text.length) parser.line(check(text.slice(start)), false);
  return parser.finish();
}

/**
 * Read a recording file: whole when it is small (WHOLE_FILE_BYTES), else streamed line by line
 * (memory ∝ items, not file size). Linear in the file size either way: a streamed chunk is searched
 * once for '\n' and a line's bytes are joined once, when it ends; a line past the cap fails as soon
 * as the cap is passed. Both ways apply the same line rules (LineParser). Throws RecordingError.
 */
export async function readRecording(path: string, opts: ReadOptions = {}): Promise<Recording> {
  const maxLineBytes = opts.maxLineBytes ?? MAX_LINE_BYTES;
  let file: { fd: number; size: number };
  try {
    file = openRegularFile(path);
  } catch (err) {
    throw toReadError(err, path);
  }
  if (file.size <= (opts.wholeFileBytes ?? WHOLE_FILE_BYTES)) {
    let text: string;
    try {
      text = readOpened(file.fd, file.size).toString('utf8');
    } catch (err) {
      throw toReadError(err, path);
    } finally {
      closeSync(file.fd);
    }
    opts.onProgress?.(file.size, file.size);
    return parseRecording(text, path, maxLineBytes);
  }
  const parser = new LineParser(path);
  let pending: Buffer[] = []; // the start of the current line (no '\n' yet)
  let pendingBytes = 0;
  const lineEndingAt = (tail: Buffer): string => {
    const text = pending.length === 0 ? tail.toString('utf8') : Buffer.concat([...pending, tail]).toString('utf8');
    pending = [];
    pendingBytes = 0;
    return text;
  };
  let bytesRead = 0;
  try {
    for await (const chunk of createReadStream('', { fd: file.fd, highWaterMark: 256 * 1024 })) {
      const buf = chunk as Buffer;
      bytesRead += buf.length;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start); // never inside a multi-byte UTF-8 sequence
        if (nl < 0) break;
        if (pendingBytes + (nl - start) > maxLineBytes) parser.tooLong(maxLineBytes);
        parser.line(lineEndingAt(buf.subarray(start, nl)), true);
        start = nl + 1;
      }
      if (start < buf.length) {
        pendingBytes += buf.length - start;
        if (pendingBytes > maxLineBytes) parser.tooLong(maxLineBytes);
        pending.push(buf.subarray(start));
      }
      opts.onProgress?.(bytesRead, Math.max(file.size, bytesRead));
    }
  } catch (err) {
    throw toReadError(err, path);
  }
  if (pendingBytes > 0) parser.line(lineEndingAt(Buffer.alloc(0)), false);
  return parser.finish();
}

function toReadError(err: unknown, path: string): Error {
  if (err instanceof RecordingError) return err;
  if (err instanceof FileOpenError) return new RecordingError(err.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'READ_FAILED', path, 0, err.reason);
  return new RecordingError('READ_FAILED', path, 0, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
}
