/**
 * The WebSocket feed's message shapes (DESIGN.md "WebSocket feed"): one envelope `{type, ...}`.
 * `hello` carries everything a display needs to render from scratch; every other message is a
 * SessionEvent sent as it is, among them (session lifecycle, README "Sessions"):
 *
 *   {"type":"session","rower":"a","state":"started","t":312400,"id":"a@312400"}
 *   {"type":"session","rower":"a","state":"ended","t":2150000,"id":"a@312400","reason":"idle"}
 *
 * 'started' (the rower's first stroke): clear that rower's intervals, summary and power trace;
 * 'ended' (idle time, POST /api/session/end, or the daemon stopping; right after that session's
 * `intervals` revision and `summary`): keep them, so the summary stays up until the next stroke.
 * `rower` messages carry `athlete` when one is bound.
 */
import type { PowerTrace } from '../session/power-trace.js';
import type { RowerState, SessionEvent, SessionSnapshot } from '../session/state.js';

// the display (web/) imports this module only: the session types and the one live reduction
// (snapshot reducer + power-trace policy) it shares with the server's snapshot store
export type { Interval, SessionSummary, Verdict, VerdictKind } from '../analysis/types.js';
export type { PhaseEvent, PhaseKind, PlanProgress, RepTarget, RowerState, SessionEvent, SessionSnapshot } from '../session/state.js';
export type { PowerTrace } from '../session/power-trace.js';
export { applyLiveEvent, type LiveSession } from '../session/live-session.js';
// and the history page's row shapes (GET /api/history)
export type { BestWindow, HistorySession } from './history-reader.js';

export const PROTOCOL_VERSION = 1;

/** A rower as the display sees it: pipeline state plus the names set from the display/REST. */
export interface DisplayRowerState extends RowerState {
  /** athlete name (--athlete, PUT /api/rowers/:id, an `athlete` recording event) */
  athlete?: string;
}

export interface DisplaySnapshot extends SessionSnapshot {
  rowers: DisplayRowerState[];
}

export interface HelloMessage {
  type: 'hello';
  protocol: typeof PROTOCOL_VERSION;
  snapshot: DisplaySnapshot;
  /** power history per rower (≤ 1 point per second of data time) so a late joiner can draw the chart */
  traces: Record<string, PowerTrace>;
  /** text of a banner the display must show (e.g. "DEMO — replay of a recording"), if any */
  banner?: string;
}

export type ServerMessage = HelloMessage | SessionEvent;

/** Not a pipeline event: tells the server a new session starts (a looping replay starting over). */
export interface SessionReset {
  type: 'reset';
  /** ISO-8601 start of the new session */
  startedAt: string;
}

/** What the server consumes: the pipeline's events, plus resets between sessions. */
export type ServerInput = SessionEvent | SessionReset;
