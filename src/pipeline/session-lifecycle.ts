/**
 * When a rower's session starts and ends, as a pure state machine over data time. A session starts
 * at the rower's first stroke and ends when no stroke has come for `idleEndMs` of data time (told
 * by any later item or heartbeat), when a `session-end` request arrives, or when the source stops
 * (Ctrl-C). Between sessions the rower is `waiting`. No clocks: every input carries its data time.
 */

/** Default idle time that ends a session: 5 min of data time without a stroke. */
export const DEFAULT_IDLE_END_MS = 5 * 60_000;


export type LifecycleState =
  | { kind: 'waiting' }
  /** `startT`: the first stroke; `lastStroke`: the latest one, ms of data time */
  | { kind: 'active'; startT: number; lastStroke: number };

export type LifecycleInput =
  | { type: 'stroke'; t: number }
  /** data time passed (any item or heartbeat), before the item itself is handled */
  | { type: 'time'; t: number }
  | { type: 'end-request'; t: number }
  | { type: 'stop'; t: number };

export type EndReason = 'idle' | 'request' | 'stop';

export type LifecycleOutput = { type: 'started'; t: number } | { type: 'ended'; t: number; reason: EndReason; startT: number };

export interface LifecycleParams {
  /** data time without a stroke that ends a session, ms (> 0; Infinity = never by idleness) */
  idleEndMs: number;
}

export const WAITING: LifecycleState = Object.freeze({ kind: 'waiting' });

/**
 * One step: the next state and what happened. An idle end is stamped at last stroke + idleEndMs
 * (not when it was noticed), so live (heartbeats every second) and instant replay agree.
 */
export function stepLifecycle(state: LifecycleState, input: LifecycleInput, params: LifecycleParams): { state: LifecycleState; out?: LifecycleOutput } {
  if (state.kind === 'waiting') {
    if (input.type === 'stroke') return { state: { kind: 'active', startT: input.t, lastStroke: input.t }, out: { type: 'started', t: input.t } };
    return { state };
  }
  switch (input.type) {
    case 'stroke':
      return { state: { ...state, lastStroke: Math.max(state.lastStroke, input.t) } };
    case 'time': {
      const deadline = state.lastStroke + params.idleEndMs;
      if (input.t < deadline) return { state };
      return { state: WAITING, out: { type: 'ended', t: deadline, reason: 'idle', startT: state.startT } };
    }
    case 'end-request':
      return { state: WAITING, out: { type: 'ended', t: Math.max(input.t, state.lastStroke), reason: 'request', startT: state.startT } };
    case 'stop':
      return { state: WAITING, out: { type: 'ended', t: Math.max(input.t, state.lastStroke), reason: 'stop', startT: state.startT } };
  }
}
