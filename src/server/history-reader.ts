/**
 * What the display server reads of the history store (issue 10, item 6): a small interface the
 * real store (src/store/) is mapped onto by the caller, so the server never imports the database.
 * Methods may answer synchronously (better-sqlite3) or with a promise.
 */
import type { Interval, SessionSummary } from '../analysis/types.js';

/** Best mean power over a continuous window of a session (10 s … 60 min). */
export interface BestWindow {
  durationS: number;
  powerW: number;
}

/** One past session as `/api/history` serves it (README "History" → "REST"). */
export interface HistorySession {
  /** history id (stable: the recording's content hash or the store's key) */
  id: string;
  /** ISO-8601 wall-clock start of the session */
  startedAt: string;
  /** rower id in the recording */
  rower: string;
  /** machine name (advertised BLE name or the recording's rower name) */
  machine: string;
  athlete?: string;
  /** plan name the session ran under */
  plan?: string;
  durationS: number;
  distanceM: number;
  /** work and rest intervals with stats and final verdicts; times in ms of data time since the session start */
  intervals: Interval[];
  summary?: SessionSummary;
  bests: BestWindow[];
}

/** One point of the best power–duration curve and the session it comes from. */
export interface BestPoint extends BestWindow {
  sessionId: string;
  startedAt: string;
}

export interface HistoryBests {
  /** best power per window duration over the sessions asked for, by duration */
  curve: BestPoint[];
}

export interface HistoryListQuery {
  athlete?: string;
  /** most sessions, newest first */
  limit?: number;
}

type MaybePromise<T> = T | Promise<T>;

export interface HistoryReader {
  /** sessions, newest first */
  list(query: HistoryListQuery): MaybePromise<readonly HistorySession[]>;
  get(id: string): MaybePromise<HistorySession | undefined>;
  bests(query: { athlete?: string }): MaybePromise<HistoryBests>;
  /** removes a session from history (the recording itself stays); false when there was none */
  remove(id: string): MaybePromise<boolean>;
}
