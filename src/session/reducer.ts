/**
 * The current session snapshot as a pure reducer over `SessionEvent`s, the one reducer of the
 * project: the server keeps the latest snapshot for `hello`, the browser display applies it to each
 * message after `hello` (both through live-session.ts), `analyzeRecording` reads intervals and
 * summaries from it.
 * Only the changed rower is copied; everything stays plain serialisable data.
 */
import type { Interval } from '../analysis/types.js';
import type { RowerState, SessionEvent, SessionSnapshot } from './state.js';

/** An empty snapshot for a session that started at `startedAt` (ISO-8601). */
export function emptySnapshot(startedAt: string, source: SessionSnapshot['source']): SessionSnapshot {
  return { startedAt, source, rowers: [] };
}

/** Insert or replace (same kind and index) keeping intervals ordered by start. */
function upsertInterval(list: readonly Interval[], iv: Interval): Interval[] {
  const i = list.findIndex((x) => x.kind === iv.kind && x.index === iv.index);
  if (i >= 0) {
    const out = list.slice();
    out[i] = iv;
    return out;
  }
  const out = [...list, iv];
  let j = out.length - 1;
  while (j > 0 && out[j - 1]!.start > iv.start) {
    out[j] = out[j - 1]!;
    j--;
  }
  out[j] = iv;
  return out;
}

function rowerId(ev: SessionEvent): string {
  switch (ev.type) {
    case 'sample':
      return ev.sample.rower;
    case 'phase':
      return ev.phase.rower;
    case 'interval':
      return ev.interval.rower;
    case 'intervals':
      return ev.rower;
    default:
      return ev.rower;
  }
}

function update(r: RowerState, ev: SessionEvent): RowerState {
  switch (ev.type) {
    case 'rower':
      return { ...r, name: ev.name, connected: ev.connected, t: Math.max(r.t, ev.t), ...(ev.athlete !== undefined ? { athlete: ev.athlete } : {}) };
    case 'sample':
      // an older sample than the latest (never from the pipeline, which is in data-time order) keeps the latest
      if (r.last !== undefined && ev.sample.t < r.last.t) return r;
      return { ...r, last: ev.sample, t: Math.max(r.t, ev.sample.t) };
    case 'phase':
      return { ...r, phase: ev.phase };
    case 'interval':
      return { ...r, intervals: upsertInterval(r.intervals, ev.interval) };
    case 'intervals':
      return { ...r, intervals: ev.intervals.slice() };
    case 'plan':
      return { ...r, plan: ev.plan };
    case 'summary':
      return { ...r, summary: ev.summary };
    case 'session': {
      const session = { state: ev.state, t: ev.t, ...(ev.id !== undefined ? { id: ev.id } : {}) };
      if (ev.state === 'ended') return { ...r, session, t: Math.max(r.t, ev.t) };
      // a new session: the last one's intervals and summary go (plan progress is kept: a plan
      // started before the first stroke belongs to this session, and each session's pipeline sends its own)
      const next: RowerState = { ...r, intervals: [], session, t: Math.max(r.t, ev.t) };
      delete next.summary;
      delete next.target;
      return next;
    }
    case 'target':
      return { ...r, target: ev.target };
  }
}

/** The snapshot after one event (a new object; `snapshot` is not changed). */
export function applyEvent(snapshot: SessionSnapshot, ev: SessionEvent): SessionSnapshot {
  const id = rowerId(ev);
  const i = snapshot.rowers.findIndex((r) => r.id === id);
  const base: RowerState = i >= 0 ? snapshot.rowers[i]! : { id, name: id, connected: true, t: 0, phase: null, intervals: [] };
  const rowers = snapshot.rowers.slice();
  if (i >= 0) rowers[i] = update(base, ev);
  else rowers.push(update(base, ev));
  return { ...snapshot, rowers };
}
