/** The snapshot reducer and the display's state on `session` events: started clears, ended keeps. */
import { describe, expect, it } from 'vitest';
import type { Interval, SessionSummary } from '../../src/analysis/types.js';
import { applyEvent, emptySnapshot } from '../../src/session/reducer.js';
import type { SessionEvent, SessionSnapshot } from '../../src/session/state.js';
import { applyMessage, emptyState } from '../../web/src/state.js';

const iv = (index: number, start: number): Interval => ({ rower: 'a', index, kind: 'work', start, end: start + 30_000, stats: { durationS: 30 } });
const summary: SessionSummary = { sprints: 1, allOut: 1, notes: [] };
const classOne: SessionEvent[] = [
  { type: 'rower', rower: 'a', name: 'PM5', connected: true, t: 0, athlete: 'Ada' },
  { type: 'session', rower: 'a', state: 'started', t: 1000, id: 'a@1000' },
  { type: 'sample', rower: 'a', sample: { t: 2000, rower: 'a', powerW: 300 } },
  { type: 'plan', rower: 'a', plan: { plan: 'hiit-30-90', rep: 1, reps: 8, phase: 'done' } },
  { type: 'intervals', rower: 'a', intervals: [iv(1, 1000)] },
  { type: 'summary', rower: 'a', summary },
  { type: 'session', rower: 'a', state: 'ended', t: 400_000, id: 'a@1000', reason: 'idle' },
];

describe('session events', () => {
  it('server snapshot: ended keeps the intervals and summary; the next started clears them, keeps the rest', () => {
    let s: SessionSnapshot = emptySnapshot('x', 'ble');
    for (const ev of classOne) s = applyEvent(s, ev);
    expect(s.rowers[0]).toMatchObject({ athlete: 'Ada', intervals: [iv(1, 1000)], summary, session: { state: 'ended', t: 400_000, id: 'a@1000' } });
    s = applyEvent(s, { type: 'session', rower: 'a', state: 'started', t: 900_000, id: 'a@900000' });
    const r = s.rowers[0]!;
    expect(r.intervals).toEqual([]);
    expect(r.summary).toBeUndefined();
    expect(r).toMatchObject({ athlete: 'Ada', name: 'PM5', last: { powerW: 300 }, plan: { plan: 'hiit-30-90' }, session: { state: 'started', id: 'a@900000' }, t: 900_000 });
  });

  it('display state: the same, and the power trace of the last session goes at the next start', () => {
    const st = emptyState();
    for (const ev of classOne) applyMessage(st, ev);
    expect(st.traces.get('a')?.powerW).toEqual([300]);
    expect(st.snapshot.rowers[0]).toMatchObject({ athlete: 'Ada', summary, session: { state: 'ended' } });
    applyMessage(st, { type: 'session', rower: 'a', state: 'started', t: 900_000, id: 'a@900000' });
    expect(st.traces.get('a')).toBeUndefined();
    expect(st.snapshot.rowers[0]!.summary).toBeUndefined();
    expect(st.snapshot.rowers[0]!.intervals).toEqual([]);
  });
});
