/** A file that cannot be imported; `code` says why (callers test `instanceof` and `code`, never the text). */
export type ImportErrorCode = 'EMPTY' | 'UNKNOWN_FORMAT' | 'BAD_FILE' | 'NO_STROKES' | 'BAD_CRC' | 'TRUNCATED' | 'NOT_ROWING';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Throw an ImportError (for expressions). */
export const fail = (code: ImportErrorCode, message: string): never => {
  throw new ImportError(code, message);
};
