import { TestScheduler } from 'rxjs/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import { simulator$ } from '../../../src/sources/simulator/simulator-source.js';

const opts = { seed: 4, reps: 2, warmupS: 60, cooldownS: 30 };

describe('simulator$ (the simulator enters through the replay door)', () => {
  it('emits exactly the simulated frames and events, plus a heartbeat each second of data time', async () => {
    const items = await lastValueFrom(simulator$(opts, 'instant').pipe(toArray()));
    const { items: expected } = simulateSession(opts);
    expect(items.filter((x) => x.kind !== 'heartbeat')).toEqual(expected);
    const beats = items.filter((x) => x.kind === 'heartbeat').map((x) => x.t);
    expect(beats[0]).toBe(1000);
    expect(beats.every((t, i) => t === (i + 1) * 1000)).toBe(true);
    expect(beats.at(-1)!).toBeGreaterThan(expected.at(-1)!.t - 1000);
  });

  it('paces items at data time ÷ speed', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(() => {
      const seen: Array<[number, number]> = [];
      simulator$(opts, 10, scheduler, { heartbeatMs: 0 }).subscribe((x) => seen.push([scheduler.now(), x.t]));
      scheduler.flush();
      expect(seen.length).toBe(simulateSession(opts).items.length);
      for (const [now, t] of seen) expect(Math.abs(now - t / 10)).toBeLessThanOrEqual(1);
    });
  });
});
