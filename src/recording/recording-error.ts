/** Typed errors of reading and writing recordings. Callers test `instanceof` and `code`. */

export type RecordingErrorCode =
  /** the file does not exist */
  | 'NOT_FOUND'
  /** the file could not be read (permissions, a directory, a FIFO, ...) */
  | 'READ_FAILED'
  /** empty file, or the first line is not a header */
  | 'NO_HEADER'
  /** the header line is malformed */
  | 'BAD_HEADER'
  /** a header of a format version this code does not read */
  | 'BAD_VERSION'
  /** a frame/event line is malformed (not JSON, missing or wrong field) */
  | 'BAD_LINE'
  /** a line's t is smaller than the previous line's t */
  | 'TIME_BACKWARDS'
  /** a line is longer than the reader's cap (MAX_LINE_BYTES) */
  | 'LINE_TOO_LONG';

/**
 * A recording cannot be read. `line` is 1-based; 0 means the whole file (then the message is
 * `file: reason`), otherwise the message is exactly `file:line: reason`.
 */
export class RecordingError extends Error {
  constructor(
    readonly code: RecordingErrorCode,
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`);
    this.name = 'RecordingError';
  }
}

export type RecordingWriteErrorCode =
  /** the target exists and `overwrite` was not set */
  | 'EXISTS'
  /** the file could not be created or written */
  | 'IO'
  /** an item cannot be represented in the format (bad t, rower, char) */
  | 'BAD_ITEM'
  /** t went backwards: the reader would reject the file */
  | 'TIME_BACKWARDS'
  /** write() after close() */
  | 'CLOSED';

/** A recording cannot be written. */
export class RecordingWriteError extends Error {
  constructor(
    readonly code: RecordingWriteErrorCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'RecordingWriteError';
  }
}
