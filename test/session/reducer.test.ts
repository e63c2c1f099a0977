/** applyEvent: the snapshot a display gets on connect, built from session events (pure). */
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/analysis/types.js';
import { applyEvent, emptySnapshot } from '../../src/session/reducer.js';

const iv = (kind: Interval['kind'], index: number, start: number): Interval => ({ rower: 'a', index, kind, start, end: start + 30_000, stats: { durationS: 30 } });

describe('applyEvent', () => {
  it('adds a rower on its first event and tracks connection, last sample, phase and plan', () => {
    let s = emptySnapshot('2026-01-01T00:00:00.000Z', 'ble');
    s = applyEvent(s, { type: 'rower', rower: 'a', name: 'PM5', connected: true, t: 0 });
    s = applyEvent(s, { type: 'sample', rower: 'a', sample: { t: 1000, rower: 'a', powerW: 120 } });
    s = applyEvent(s, { type: 'phase', phase: { rower: 'a', kind: 'work', start: 900, provisional: true, index: 1 } });
    s = applyEvent(s, { type: 'plan', rower: 'a', plan: { plan: 'hiit-30-90', rep: 1, reps: 8, phase: 'work', phaseEndsAt: 30_900 } });
    s = applyEvent(s, { type: 'rower', rower: 'a', name: 'PM5', connected: false, t: 2000 });
    expect(s.rowers).toHaveLength(1);
    expect(s.rowers[0]).toMatchObject({ id: 'a', name: 'PM5', connected: false, t: 2000, last: { powerW: 120 }, phase: { kind: 'work' }, plan: { rep: 1 } });
  });

  it('replaces an interval re-emitted with the same kind and index (final verdicts) and keeps start order', () => {
    let s = emptySnapshot('x', 'replay');
    s = applyEvent(s, { type: 'interval', interval: iv('work', 1, 10_000) });
    s = applyEvent(s, { type: 'interval', interval: iv('warmup', 1, 0) });
    s = applyEvent(s, { type: 'interval', interval: { ...iv('work', 1, 10_000), verdict: { allOut: true, score: 90, kind: 'all-out', reasons: [] } } });
    expect(s.rowers[0]!.intervals.map((i) => `${i.kind}${i.index}`)).toEqual(['warmup1', 'work1']);
    expect(s.rowers[0]!.intervals[1]!.verdict?.allOut).toBe(true);
  });

  it('keeps the latest sample when an older one arrives after it', () => {
    let s = emptySnapshot('x', 'ble');
    s = applyEvent(s, { type: 'sample', rower: 'a', sample: { t: 2000, rower: 'a', powerW: 200 } });
    s = applyEvent(s, { type: 'sample', rower: 'a', sample: { t: 1500, rower: 'a', powerW: 150 } });
    expect(s.rowers[0]).toMatchObject({ t: 2000, last: { t: 2000, powerW: 200 } });
  });

  it('never changes the snapshot it was given', () => {
    const s0 = applyEvent(emptySnapshot('x', 'ble'), { type: 'rower', rower: 'a', name: 'A', connected: true, t: 0 });
    const copy = structuredClone(s0);
    applyEvent(s0, { type: 'interval', interval: iv('work', 1, 0) });
    expect(s0).toEqual(copy);
  });
});
