/** Read and validate a v1 recording: whole text (`parseRecording`) or streamed from a file (`readRecording`). */
import { createReadStream, promises as fsp } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { LineParser, type Recording } from './line-parser.js';
import { RecordingError } from './recording-error.js';

export type { Recording } from './line-parser.js';

export interface ReadOptions {
  /** called after each chunk with bytes read so far and the file size (bytes) */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

/** Parse a whole recording held in memory; `fileName` only labels errors. Throws RecordingError. */
export function parseRecording(text: string, fileName: string): Recording {
  const parser = new LineParser(fileName);
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    parser.line(text.slice(start, nl), true);
    start = nl + 1;
  }
  if (start < text.length) parser.line(text.slice(start), false);
  return parser.finish();
}

/** Stream a recording file line by line (memory ∝ items, not file size). Throws RecordingError. */
export async function readRecording(path: string, opts: ReadOptions = {}): Promise<Recording> {
  let totalBytes: number;
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) throw new RecordingError('READ_FAILED', path, 0, 'not a regular file');
    totalBytes = st.size;
  } catch (err) {
    throw toReadError(err, path);
  }
  const parser = new LineParser(path);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let bytesRead = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const buf = chunk as Buffer;
      bytesRead += buf.length;
      pending += decoder.write(buf);
      let start = 0;
      for (;;) {
        const nl = pending.indexOf('\n', start);
        if (nl < 0) break;
        parser.line(pending.slice(start, nl), true);
        start = nl + 1;
      }
      pending = pending.slice(start);
      opts.onProgress?.(bytesRead, Math.max(totalBytes, bytesRead));
    }
  } catch (err) {
    throw toReadError(err, path);
  }
  pending += decoder.end();
  if (pending !== '') parser.line(pending, false);
  return parser.finish();
}

function toReadError(err: unknown, path: string): Error {
  if (err instanceof RecordingError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new RecordingError('NOT_FOUND', path, 0, 'no such file');
  if (code === 'EISDIR') return new RecordingError('READ_FAILED', path, 0, 'is a directory, not a recording');
  return new RecordingError('READ_FAILED', path, 0, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
}
