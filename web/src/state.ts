/**
 * The display's copy of the session: replaced wholesale by `hello`, then updated by each message with
 * the server's own live reduction (`applyLiveEvent`: src/session's snapshot reducer and power-trace
 * policy), so a reconnect needs nothing but `hello` and a chart redrawn after it has the density it
 * had live. Only what is the display's own lives here: online flag, banner, hello generation.
 */
import { applyLiveEvent, type DisplayRowerState, type DisplaySnapshot, type Interval, type PowerTrace, type ServerMessage } from '../../src/server/protocol.js';

export interface DisplayState {
  snapshot: DisplaySnapshot;
  /** power trace per rower id */
  traces: Map<string, PowerTrace>;
  banner?: string;
  online: boolean;
  /** bumped when a hello replaces everything (charts rebuild) */
  generation: number;
}

export function emptyState(): DisplayState {
  return { snapshot: { startedAt: '', source: 'replay', rowers: [] }, traces: new Map(), online: false, generation: 0 };
}

/** Applies one server message; returns the latest data time it carried (ms), if any. */
export function applyMessage(s: DisplayState, msg: ServerMessage): number | undefined {
  if (msg.type === 'hello') {
    s.snapshot = msg.snapshot;
    s.traces = new Map(Object.entries(msg.traces));
    if (msg.banner !== undefined) s.banner = msg.banner;
    else delete s.banner;
    s.generation++;
    return msg.snapshot.rowers.reduce((m, r) => Math.max(m, r.t), 0);
  }
  applyLiveEvent(s, msg);
  switch (msg.type) {
    case 'rower':
    case 'session':
      return msg.t;
    case 'sample':
      return msg.sample.t;
    default:
      return undefined;
  }
}

/** Finished work intervals (sprints) of a rower, in order. */
export function sprints(r: DisplayRowerState): Interval[] {
  return r.intervals.filter((iv) => iv.kind === 'work');
}
