/**
 * The session lifecycle: the pure state machine as a table, then session$ with the lifecycle over
 * recordings — sessions end by idle data time (told by items or by heartbeats alone), by a
 * `session-end` request, and when the source stops; each session's pipeline starts afresh.
 */
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/analysis/types.js';
import type { SourceItem } from '../../src/ftms/frame.js';
import { session$ } from '../../src/pipeline/session.js';
import { stepLifecycle, WAITING, type LifecycleInput, type LifecycleOutput, type LifecycleState } from '../../src/pipeline/session-lifecycle.js';
import type { SessionEvent } from '../../src/session/state.js';
import { replay$ } from '../../src/sources/replay.js';
import { twoClasses } from './two-classes.js';

const P = { idleEndMs: 300_000 };
const active = (startT: number, lastStroke: number): LifecycleState => ({ kind: 'active', startT, lastStroke });

describe('stepLifecycle', () => {
  it.each<[string, LifecycleState, LifecycleInput, LifecycleState, LifecycleOutput | undefined]>([
    ['waiting: the first stroke starts a session', WAITING, { type: 'stroke', t: 5000 }, active(5000, 5000), { type: 'started', t: 5000 }],
    ['waiting: time passing does nothing', WAITING, { type: 'time', t: 9e9 }, WAITING, undefined],
    ['waiting: an end request does nothing', WAITING, { type: 'end-request', t: 7000 }, WAITING, undefined],
    ['waiting: a stop does nothing', WAITING, { type: 'stop', t: 7000 }, WAITING, undefined],
    ['active: a stroke moves the idle deadline', active(0, 1000), { type: 'stroke', t: 4000 }, active(0, 4000), undefined],
    ['active: a late-reported older stroke does not move it back', active(0, 4000), { type: 'stroke', t: 3000 }, active(0, 4000), undefined],
    ['active: 1 ms before the deadline still runs', active(0, 1000), { type: 'time', t: 300_999 }, active(0, 1000), undefined],
    ['active: at the deadline the session ends, stamped at the deadline', active(0, 1000), { type: 'time', t: 301_000 }, WAITING, { type: 'ended', t: 301_000, reason: 'idle', startT: 0 }],
    ['active: noticed late, still stamped at the deadline', active(0, 1000), { type: 'time', t: 900_000 }, WAITING, { type: 'ended', t: 301_000, reason: 'idle', startT: 0 }],
    ['active: an end request ends it at once', active(2000, 9000), { type: 'end-request', t: 9500 }, WAITING, { type: 'ended', t: 9500, reason: 'request', startT: 2000 }],
    ['active: a stop (Ctrl-C) ends it', active(2000, 9000), { type: 'stop', t: 9100 }, WAITING, { type: 'ended', t: 9100, reason: 'stop', startT: 2000 }],
  ])('%s', (_name, state, input, next, out) => {
    const r = stepLifecycle(state, input, P);
    expect(r.state).toEqual(next);
    expect(r.out).toEqual(out);
  });
});

const run = (source: SourceItem[] | ReturnType<typeof replay$>, idleEndMs = 300_000): SessionEvent[] => {
  const events: SessionEvent[] = [];
  let done = false;
  (Array.isArray(source) ? from(source) : source).pipe(session$({ lifecycle: { idleEndMs } })).subscribe({ next: (e) => e.type !== 'sample' && events.push(e), complete: () => (done = true) });
  expect(done).toBe(true);
  return events;
};
const sessions = (evs: SessionEvent[]) => evs.filter((e): e is Extract<SessionEvent, { type: 'session' }> => e.type === 'session');
const summaries = (evs: SessionEvent[]) => evs.filter((e) => e.type === 'summary');
/** the `intervals` revisions, each with times made relative to its session's first item */
const revisions = (evs: SessionEvent[]): Interval[][] => evs.flatMap((e) => (e.type === 'intervals' ? [e.intervals] : []));
const shifted = (ivs: Interval[], by: number): Interval[] => ivs.map((iv) => ({ ...iv, start: iv.start - by, end: iv.end - by }));
/** every number to 9 significant digits: sums over shifted times differ in the last bits */
const rounded = (x: unknown): unknown =>
  typeof x === 'number' ? Number(x.toPrecision(9)) : Array.isArray(x) ? x.map(rounded) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rounded(v)])) : x;

describe('session$ with the lifecycle', () => {
  const c = twoClasses('hiit-held');

  it('two classes 10 idle minutes apart (heartbeats every second) are two sessions, each summed up; the second one as if rowed alone', () => {
    const evs = run(replay$(c.items, { speed: 'instant', heartbeatMs: 1000 }));
    const s = sessions(evs);
    expect(s.map((e) => `${e.state}:${e.reason ?? ''}`)).toEqual(['started:', 'ended:idle', 'started:', 'ended:stop']);
    expect(s[1]!.t).toBeLessThan(c.secondStartMs); // the first ended in the gap, before the second class
    expect(s[2]!.t).toBeGreaterThanOrEqual(c.secondStartMs);
    expect(s[0]!.id).toBe(s[1]!.id);
    expect(s[2]!.id).not.toBe(s[0]!.id);
    expect(summaries(evs)).toHaveLength(2);
    // each summary comes right before its session's end, after that session's final intervals
    const order = evs.filter((e) => e.type === 'summary' || e.type === 'session' || e.type === 'intervals').map((e) => (e.type === 'session' ? e.state : e.type));
    expect(order).toEqual(['started', 'intervals', 'summary', 'ended', 'started', 'intervals', 'summary', 'ended']);
    // fresh detectors, segmenter and verdicts: each class gives what it gives when analysed on its own
    const alone = revisions(run(c.single));
    expect(alone).toHaveLength(1);
    const [first, second] = revisions(evs);
    expect(first).toEqual(alone[0]);
    expect(rounded(shifted(second!, c.secondStartMs))).toEqual(rounded(alone[0]));
  });

  it("no heartbeats: the next class's first item tells that the first session ended, stamped at last stroke + idle time", () => {
    const withBeats = sessions(run(replay$(c.items, { speed: 'instant', heartbeatMs: 1000 })));
    const without = sessions(run(c.items));
    expect(without.map((e) => [e.state, e.t, e.reason])).toEqual(withBeats.map((e) => [e.state, e.t, e.reason]));
  });

  it('heartbeats alone end a session: silence after the last stroke, no item at all', () => {
    const last = c.single[c.single.length - 1]!.t;
    const beats: SourceItem[] = Array.from({ length: 400 }, (_, i) => ({ kind: 'heartbeat', t: last + (i + 1) * 1000 }));
    const s = sessions(run([...c.single, ...beats]));
    expect(s.map((e) => `${e.state}:${e.reason ?? ''}`)).toEqual(['started:', 'ended:idle']);
    // with fewer heartbeats than the idle time the session is still running at the end: a stop ends it
    const short = sessions(run([...c.single, ...beats.slice(0, 10)]));
    expect(short.map((e) => `${e.state}:${e.reason ?? ''}`)).toEqual(['started:', 'ended:stop']);
  });

  it('a session-end event ends the session at once; the next stroke starts a new one', () => {
    const items = c.single as SourceItem[];
    const mid = items.findIndex((x) => x.t > 600_000);
    const end: SourceItem = { kind: 'event', t: items[mid]!.t, rower: 'sim-1', event: 'session-end' };
    const s = sessions(run([...items.slice(0, mid), end, ...items.slice(mid)]));
    expect(s.map((e) => `${e.state}:${e.reason ?? ''}`)).toEqual(['started:', 'ended:request', 'started:', 'ended:stop']);
    expect(s[1]!.t).toBe(end.t);
    expect(s[2]!.t).toBeGreaterThan(end.t);
  });

  it('a rower that never strokes has no session and no summary', () => {
    const idle: SourceItem[] = [{ kind: 'event', t: 0, rower: 'x', event: 'connected', name: 'PM5' }, { kind: 'heartbeat', t: 400_000 }, { kind: 'event', t: 500_000, rower: 'x', event: 'disconnected' }];
    const evs = run(idle);
    expect(sessions(evs)).toEqual([]);
    expect(summaries(evs)).toEqual([]);
    expect(evs.filter((e) => e.type === 'rower').map((e) => e.type === 'rower' && e.connected)).toEqual([true, false]);
  });

  it('athlete and name events become rower events, and later connection events keep those names', () => {
    const items: SourceItem[] = [
      { kind: 'event', t: 0, rower: 'x', event: 'connected', name: 'PM5 123' },
      { kind: 'event', t: 10, rower: 'x', event: 'athlete', athlete: 'Ada' },
      { kind: 'event', t: 20, rower: 'x', event: 'name', name: 'Lane 3' },
      { kind: 'event', t: 30, rower: 'x', event: 'disconnected' },
    ];
    const rowers = run(items).flatMap((e) => (e.type === 'rower' ? [[e.name, e.athlete, e.connected]] : []));
    expect(rowers).toEqual([
      ['PM5 123', undefined, true],
      ['PM5 123', 'Ada', true],
      ['Lane 3', 'Ada', true],
      ['Lane 3', 'Ada', false],
    ]);
  });
});
