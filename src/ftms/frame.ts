/**
 * What every source (BLE, replay, simulator) produces: timestamped raw notifications plus
 * connection events and heartbeats. Time `t` is data time in ms (since the session start for
 * replay/simulator, a monotonic clock for live BLE) — analysis never reads a wall clock.
 */

/** One raw notification or read of a characteristic. `char` is the lowercase 4-hex UUID ('2ad1'). */
export interface Frame {
  kind: 'frame';
  t: number;
  rower: string;
  char: string;
  bytes: Uint8Array;
}

/**
 * A connection event for one rower: 'connected' (with the advertised name when known),
 * 'disconnected', or any other name (kept, ignored by analysis).
 */
export interface RowerEvent {
  kind: 'event';
  t: number;
  rower: string;
  event: string;
  name?: string;
}

/** Emitted once a second by live sources so silence is visible in data time. */
export interface Heartbeat {
  kind: 'heartbeat';
  t: number;
}

export type SourceItem = Frame | RowerEvent | Heartbeat;

export const isFrame = (x: SourceItem): x is Frame => x.kind === 'frame';
