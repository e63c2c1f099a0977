/**
 * A session as a display draws it: the snapshot (the reducer in reducer.ts) and the power traces
 * (power-trace.ts). The server's snapshot store and the browser display both apply every event with
 * `applyLiveEvent`, so what a display shows after `hello` plus the events since is what it would
 * show had it been connected all along.
 */
import { applyEvent } from './reducer.js';
import { applyTraceEvent, type PowerTraces } from './power-trace.js';
import type { SessionEvent, SessionSnapshot } from './state.js';

export interface LiveSession {
  snapshot: SessionSnapshot;
  traces: PowerTraces;
}

/** Applies one event: a new snapshot object (only the changed rower copied), the traces changed in place. */
export function applyLiveEvent(s: LiveSession, ev: SessionEvent): void {
  s.snapshot = applyEvent(s.snapshot, ev);
  applyTraceEvent(s.traces, ev);
}
