/**
 * What every source (BLE, replay, simulator) produces: timestamped raw notifications plus
 * connection events and heartbeats. Time `t` is data time in ms (since the session start for
 * replay/simulator, a monotonic clock for live BLE) — analysis never reads a wall clock.
 */

/**
 * What feeds a session: a source that makes frames ('ble', 'simulator', 'import': the kinds a
 * recording header names, src/recording/format.ts) or a replay of a recording ('replay', 'demo').
 */
export const SOURCE_KINDS = ['ble', 'simulator', 'import', 'replay', 'demo'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One raw notification or read of a characteristic. `char` is the lowercase 4-hex UUID ('2ad1'). */
export interface Frame {
  kind: 'frame';
  t: number;
  rower: string;
  char: string;
  bytes: Uint8Array;
}

/**
 * An event for one rower: 'connected' (with the advertised name when known), 'disconnected',
 * 'workout-start' (with the plan), 'workout-stop', or any other name (kept, ignored by analysis).
 */
export interface RowerEvent {
  kind: 'event';
  t: number;
  rower: string;
  event: string;
  /** on 'connected': the advertised name; on 'name': the display name */
  name?: string;
  /** on 'athlete': the athlete's name */
  athlete?: string;
  /** on 'workout-start': the workout plan as plain JSON (validated where it is used: workouts/parse-plan) */
  plan?: Readonly<Record<string, unknown>>;
  /** on 'import' (the first event of an imported recording): the original file's name */
  file?: string;
  /** on 'import': the original file's format (src/sources/import/formats.ts) */
  format?: string;
  /** on 'import': hex SHA-256 of the original file's bytes */
  sha256?: string;
}

/** A workout plan was started for the rower (from a display or the REST API); carries `plan`. */
export const WORKOUT_START = 'workout-start';
/** The rower's workout plan was stopped. */
export const WORKOUT_STOP = 'workout-stop';
/** Binds an athlete to the rower (`athlete`: the name), from `--athlete` or PUT /api/rowers/:id. */
export const ATHLETE_EVENT = 'athlete';
/** Sets the rower's display name (`name`), from PUT /api/rowers/:id. */
export const NAME_EVENT = 'name';
/** Ends the rower's session (POST /api/session/end), so a replay ends it at the same place. */
export const SESSION_END = 'session-end';

/** Emitted once a second by live sources so silence is visible in data time. */
export interface Heartbeat {
  kind: 'heartbeat';
  t: number;
}

export type SourceItem = Frame | RowerEvent | Heartbeat;

