import { describe, expect, it } from 'vitest';
import { SampleThrottle, type ThrottleClock } from '../../src/server/sample-throttle.js';
import type { SessionEvent } from '../../src/session/state.js';

type SampleEvent = Extract<SessionEvent, { type: 'sample' }>;

/** A manual clock: timers fire when `advance` passes their due time. */
function manualClock() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => void ((h as { live: boolean }).live = false),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      now = due.at;
      due.live = false;
      due.fn();
    }
    now = end;
  };
  return { clock, advance };
}

const s = (rower: string, t: number): SampleEvent => ({ type: 'sample', rower, sample: { t, rower, powerW: t } });

describe('SampleThrottle (250 ms = 4 Hz)', () => {
  it('sends the first sample at once, holds the newest of a burst and sends it when 250 ms have passed', () => {
    const { clock, advance } = manualClock();
    const out: Array<[number, number]> = [];
    const th = new SampleThrottle(250, (ev) => out.push([clock.now(), ev.sample.t]), clock);
    th.push(s('a', 0));
    advance(50);
    th.push(s('a', 50));
    advance(50);
    th.push(s('a', 100)); // replaces t=50
    advance(200);
    expect(out).toEqual([
      [0, 0],
      [250, 100],
    ]);
  });

  it('never sends more than one sample per rower per 250 ms, rowers independent', () => {
    const { clock, advance } = manualClock();
    const sent = new Map<string, number[]>();
    const th = new SampleThrottle(250, (ev) => sent.set(ev.rower, [...(sent.get(ev.rower) ?? []), clock.now()]), clock);
    for (let t = 0; t < 10_000; t += 20) {
      th.push(s('a', t));
      th.push(s('b', t));
      advance(20);
    }
    for (const times of sent.values()) {
      // sends at 0, 250, ..., 10 000 ms (the last one is the newest sample, sent when its wait ends)
      expect(times.length).toBe(10_000 / 250 + 1);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
    }
  });

  it('close() drops a waiting sample', () => {
    const { clock, advance } = manualClock();
    const out: number[] = [];
    const th = new SampleThrottle(250, (ev) => out.push(ev.sample.t), clock);
    th.push(s('a', 0));
    th.push(s('a', 10));
    th.close();
    advance(1000);
    expect(out).toEqual([0]);
  });
});
