/** Errors of the history database, with a code callers test (never the message). */
export type HistoryErrorCode = 'CORRUPT' | 'OPEN' | 'NEWER_SCHEMA' | 'DUPLICATE_ATHLETE' | 'BAD_ATHLETE' | 'BAD_RECORDING';

export class HistoryError extends Error {
  constructor(
    readonly code: HistoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}
