/**
 * The display's copy of the session: replaced wholesale by `hello`, then updated by each message —
 * the same reduction the server's snapshot store does, so a reconnect needs nothing but `hello`.
 */
import type { DisplayRowerState, DisplaySnapshot, PowerTrace, ServerMessage } from '../../src/server/protocol.js';
import type { Interval } from '../../src/analysis/types.js';

export interface DisplayState {
  snapshot: DisplaySnapshot;
  traces: Record<string, PowerTrace>;
  banner?: string;
  online: boolean;
  /** bumped when a hello replaces everything (charts rebuild) */
  generation: number;
}

const TRACE_MAX = 20_000;

export function emptyState(): DisplayState {
  return { snapshot: { startedAt: '', source: 'replay', rowers: [] }, traces: {}, online: false, generation: 0 };
}

/** Applies one server message; returns the latest data time it carried (ms), if any. */
export function applyMessage(s: DisplayState, msg: ServerMessage): number | undefined {
  switch (msg.type) {
    case 'hello':
      s.snapshot = msg.snapshot;
      s.traces = msg.traces;
      if (msg.banner !== undefined) s.banner = msg.banner;
      else delete s.banner;
      s.generation++;
      return msg.snapshot.rowers.reduce((m, r) => Math.max(m, r.t), 0);
    case 'rower': {
      const r = rower(s, msg.rower);
      r.name = msg.name;
      r.connected = msg.connected;
      if (msg.athlete !== undefined) r.athlete = msg.athlete;
      r.t = Math.max(r.t, msg.t);
      return msg.t;
    }
    case 'sample': {
      const r = rower(s, msg.rower);
      if (r.last === undefined || msg.sample.t >= r.last.t) r.last = msg.sample;
      r.t = Math.max(r.t, msg.sample.t);
      if (msg.sample.powerW !== undefined) {
        const tr = (s.traces[msg.rower] ??= { t: [], powerW: [] });
        if (tr.t.length === 0 || msg.sample.t > (tr.t[tr.t.length - 1] ?? 0)) {
          tr.t.push(msg.sample.t);
          tr.powerW.push(msg.sample.powerW);
          if (tr.t.length > TRACE_MAX) {
            tr.t.splice(0, 1000);
            tr.powerW.splice(0, 1000);
          }
        }
      }
      return msg.sample.t;
    }
    case 'phase':
      rower(s, msg.phase.rower).phase = msg.phase;
      return undefined;
    case 'interval':
      addInterval(rower(s, msg.interval.rower).intervals, msg.interval);
      return undefined;
    case 'intervals':
      rower(s, msg.rower).intervals = msg.intervals.slice();
      return undefined;
    case 'plan':
      rower(s, msg.rower).plan = msg.plan;
      return undefined;
    case 'summary':
      rower(s, msg.rower).summary = msg.summary;
      return undefined;
    case 'session': {
      // the same reduction as the server's (session-store.ts): a new session clears the last one's
      // intervals, summary and chart; an ended one keeps them, so its summary stays up until the next stroke
      const r = rower(s, msg.rower);
      r.session = { state: msg.state, t: msg.t, ...(msg.id !== undefined ? { id: msg.id } : {}) };
      r.t = Math.max(r.t, msg.t);
      if (msg.state === 'started') {
        r.intervals = [];
        delete r.summary;
        delete r.target;
        delete s.traces[msg.rower];
      }
      return msg.t;
    }
    case 'target':
      rower(s, msg.rower).target = msg.target;
      return undefined;
  }
}

function rower(s: DisplayState, id: string): DisplayRowerState {
  let r = s.snapshot.rowers.find((x) => x.id === id);
  if (r === undefined) {
    r = { id, name: id, connected: true, t: 0, phase: null, intervals: [] };
    s.snapshot.rowers.push(r);
  }
  return r;
}

function addInterval(list: Interval[], iv: Interval): void {
  const i = list.findIndex((x) => x.kind === iv.kind && x.index === iv.index);
  if (i >= 0) list[i] = iv;
  else {
    list.push(iv);
    list.sort((a, b) => a.start - b.start);
  }
}

/** Finished work intervals (sprints) of a rower, in order. */
export function sprints(r: DisplayRowerState): Interval[] {
  return r.intervals.filter((iv) => iv.kind === 'work');
}
