/**
 * One reduction for the server and the display: the same event stream (a real pipeline run over
 * committed fixtures, samples included) fed to the server's snapshot store and to the display's
 * state gives the same rowers, intervals, summaries and power-trace points — also for a display that
 * connects in the middle (its `hello` built from the store, through JSON as on the wire, then the
 * events after it).
 */
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { headerNames } from '../../src/pipeline/analyze-recording.js';
import { session$ } from '../../src/pipeline/session.js';
import { PROTOCOL_VERSION, type HelloMessage } from '../../src/server/protocol.js';
import { SnapshotStore } from '../../src/server/snapshot-store.js';
import type { SessionEvent } from '../../src/session/state.js';
import { replay$ } from '../../src/sources/replay.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';
import { applyMessage, emptyState, type DisplayState } from '../../web/src/state.js';
import { loadFixture } from '../pipeline/fixture-helpers.js';

async function eventsOf(name: string, withPlan: boolean): Promise<{ startedAt: string; events: SessionEvent[] }> {
  const { recording } = loadFixture(name);
  const events = await lastValueFrom(
    replay$(recording.items, { speed: 'instant' }).pipe(
      session$({ names: headerNames(recording.header), ...(withPlan ? { plan: { ...BUILTIN_PLANS['hiit-30-90']! } } : {}) }),
      toArray(),
    ),
  );
  return { startedAt: recording.header.startedAt, events };
}

/** `hello` as the hub sends it, through JSON like on the wire. */
function hello(store: SnapshotStore): HelloMessage {
  return JSON.parse(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, snapshot: store.snapshot(), traces: store.powerTraces() })) as HelloMessage;
}

/** What a display draws, as plain data to compare. */
function drawn(s: DisplayState): unknown {
  return JSON.parse(JSON.stringify({ rowers: s.snapshot.rowers, traces: Object.fromEntries(s.traces) }));
}
function stored(store: SnapshotStore): unknown {
  return JSON.parse(JSON.stringify({ rowers: store.snapshot().rowers, traces: store.powerTraces() }));
}

describe.each([
  ['hiit-held', true],
  ['two-rowers', false],
])('%s: server snapshot store and display state', (name, withPlan) => {
  it('agree on rowers, intervals, summaries and trace points, connected from the start or joining mid-session', async () => {
    const { startedAt, events } = await eventsOf(name, withPlan);
    const store = new SnapshotStore(startedAt, 'replay');
    const fromStart = emptyState();
    applyMessage(fromStart, hello(store));
    const cuts = [Math.floor(events.length / 3), Math.floor((2 * events.length) / 3)];
    const joiners: DisplayState[] = [];
    events.forEach((ev, i) => {
      if (cuts.includes(i)) {
        // a display that (re)connects here: hello from the store, then the rest of the stream
        const late = emptyState();
        applyMessage(late, hello(store));
        joiners.push(late);
      }
      store.apply(ev);
      applyMessage(fromStart, ev);
      for (const j of joiners) applyMessage(j, ev);
    });

    const want = stored(store);
    expect(drawn(fromStart)).toEqual(want);
    expect(joiners).toHaveLength(2);
    for (const j of joiners) expect(drawn(j)).toEqual(want);

    // the stream is not trivial: sprints with verdicts, a summary, a trace per rower
    const rowers = store.snapshot().rowers;
    expect(rowers.length).toBe(name === 'two-rowers' ? 2 : 1);
    for (const r of rowers) {
      expect(r.intervals.filter((iv) => iv.kind === 'work').length).toBeGreaterThan(0);
      expect(r.summary).toBeDefined();
    }

    // the trace policy, from the events themselves: one point per second of data time that had a
    // power sample, the newest sample of that second
    for (const r of rowers) {
      const perSecond = new Map<number, { t: number; powerW: number }>();
      for (const ev of events) {
        // a new session starts a new chart
        if (ev.type === 'session' && ev.rower === r.id && ev.state === 'started') perSecond.clear();
        if (ev.type === 'sample' && ev.rower === r.id && ev.sample.powerW !== undefined) {
          perSecond.set(Math.floor(ev.sample.t / 1000), { t: ev.sample.t, powerW: ev.sample.powerW });
        }
      }
      const tr = fromStart.traces.get(r.id)!;
      expect(tr.t.length).toBeGreaterThan(100);
      expect(tr.t).toEqual([...perSecond.values()].map((p) => p.t));
      expect(tr.powerW).toEqual([...perSecond.values()].map((p) => p.powerW));
    }
  });
});
