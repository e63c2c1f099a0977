/**
 * Console counter quirks (/work/shared/ftms/REFERENCE.md rule 6) in the emitted bytes: counters
 * that start above 0, the u16 Stroke Count wrap, and a console reset mid-session. The quirks
 * change only the counters: every other field is what the same seed sends without them.
 */
import { describe, expect, it } from 'vitest';
import type { SimulateOptions } from '../../../src/sources/simulator/simulate-options.js';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import { type Decoded, rowerData } from './decode-helpers.js';

/** 3 min warm-up (no surges), 4 × 30/60, 2 min cool-down, a complete record per stroke and per second */
const short: SimulateOptions = { seed: 21, reps: 4, restS: 60, warmupS: 180, surges: 0, cooldownS: 120, profile: 'ideal' };
const decode = (o: SimulateOptions): Decoded[] => rowerData(simulateSession({ ...short, ...o }).items);
/** records sent while rowing (not the all-zero wake-up and sleep packets) */
const rowing = (d: readonly Decoded[]): Decoded[] => d.filter((x) => (x.data.powerW ?? 0) > 0 || (x.data.strokeRate ?? 0) > 0);
const plain = decode({});

describe('counter quirks', () => {
  it('--counter-offset: Stroke Count and Distance start above 0, then count on from there', () => {
    const d = rowing(decode({ counterOffset: { strokes: 1000, distanceM: 5000 } }));
    const p = rowing(plain);
    expect(d.length).toBe(p.length);
    d.forEach((x, i) => {
      expect(x.data.strokeCount).toBe(p[i]!.data.strokeCount! + 1000);
      expect(x.data.distanceM).toBe(p[i]!.data.distanceM! + 5000);
      expect([x.data.powerW, x.data.strokeRate, x.data.paceS500, x.data.elapsedS]).toEqual([p[i]!.data.powerW, p[i]!.data.strokeRate, p[i]!.data.paceS500, p[i]!.data.elapsedS]);
    });
    expect(d[0]!.data.strokeCount).toBeGreaterThan(1000);
  });

  it('a Stroke Count offset near 65535 wraps through 0 (u16), advancing by one stroke at a time', () => {
    const d = rowing(decode({ counterOffset: { strokes: 65500, distanceM: 0 } }));
    const counts = d.map((x) => x.data.strokeCount!);
    expect(counts[0]).toBeGreaterThanOrEqual(65500);
    let wraps = 0;
    for (let i = 1; i < counts.length; i++) {
      const step = (counts[i]! - counts[i - 1]! + 65536) % 65536;
      expect(step).toBeLessThanOrEqual(1); // 'ideal' reports every stroke
      if (counts[i]! < counts[i - 1]!) wraps++;
    }
    expect(wraps).toBe(1);
    expect(Math.max(...counts)).toBe(65535);
    expect(counts).toContain(0);
  });

  it('--reset-at: every cumulative field drops to ~0 at the reset and counts on from there', () => {
    // reset in the middle of the rest after rep 2, taken from the labels
    const rest = simulateSession(short).labels.intervals.filter((i) => i.kind === 'rest')[1]!;
    const at = Math.round((rest.start + rest.end) / 2);
    const d = rowing(decode({ counterOffset: { strokes: 200, distanceM: 3000 }, resetAtS: at }));
    const before = d.filter((x) => x.t < at * 1000);
    const after = d.filter((x) => x.t >= at * 1000);
    expect(before.length).toBeGreaterThan(100);
    expect(after.length).toBeGreaterThan(100);
    const lastBefore = before[before.length - 1]!.data;
    const firstAfter = after[0]!.data;
    expect(lastBefore.strokeCount!).toBeGreaterThan(200);
    expect(lastBefore.distanceM!).toBeGreaterThan(3000);
    // right after the reset (within ~1 s of rowing at rest rate): counters are back at 0
    expect(firstAfter.strokeCount!).toBeLessThanOrEqual(1);
    expect(firstAfter.distanceM!).toBeLessThan(10);
    expect(firstAfter.elapsedS!).toBeLessThanOrEqual(1);
    expect(firstAfter.totalEnergyKcal!).toBeLessThan(lastBefore.totalEnergyKcal!);
    // each side is non-decreasing on its own
    for (const side of [before, after]) {
      for (let i = 1; i < side.length; i++) {
        for (const f of ['strokeCount', 'distanceM', 'elapsedS'] as const) expect(side[i]!.data[f]!).toBeGreaterThanOrEqual(side[i - 1]!.data[f]!);
      }
    }
    // strokes before + strokes after the reset = strokes of the same session without quirks
    const p = rowing(plain);
    expect(lastBefore.strokeCount! - 200 + after[after.length - 1]!.data.strokeCount!).toBe(p[p.length - 1]!.data.strokeCount);
    // instantaneous fields are untouched
    expect(d.map((x) => [x.data.powerW, x.data.strokeRate])).toEqual(p.map((x) => [x.data.powerW, x.data.strokeRate]));
  });
});
