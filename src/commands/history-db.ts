/** Opening the history database for a command (`--db PATH` or the default) and its errors as CliErrors. */
import { CliError } from '../cli-error.js';
import { HistoryError } from '../store/history-error.js';
import { historyDbPath } from '../store/data-dir.js';
import type { HistoryIndex } from '../store/history-index.js';

export interface DbFlags {
  db?: string;
}

/** The store errors a user can act on → one line, exit 2; anything else is a bug and passes through. */
export function historyCliError(err: unknown): unknown {
  return err instanceof HistoryError ? new CliError(err.message, 2) : err;
}

/**
 * Run `f` with the database at --db (or the default path) opened by `open` (openHistoryIndex for
 * queries, openHistory to index recordings), closing it afterwards.
 */
export async function withHistory<S extends HistoryIndex, T>(flags: DbFlags, open: (path: string) => S, f: (store: S) => T | Promise<T>): Promise<T> {
  if (flags.db !== undefined && flags.db.trim() === '') throw new CliError('--db: give a file path');
  let store: S;
  try {
    store = open(flags.db ?? historyDbPath());
  } catch (err) {
    throw historyCliError(err);
  }
  try {
    return await f(store);
  } catch (err) {
    throw historyCliError(err);
  } finally {
    store.close();
  }
}

/** A non-empty --athlete value, trimmed. */
export function athleteFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === '') throw new CliError('--athlete: give a name');
  return name;
}
