import { describe, expect, it } from 'vitest';
import { summariseInterval } from '../../src/analysis/interval-stats.js';
import { powerFromPace as powerFromPaceW } from '../../src/rowing/power.js';
import type { Point } from '../../src/analysis/series.js';

describe('summariseInterval', () => {
  it('mean power is the sample-and-hold integral ÷ time', () => {
    const points: Point[] = [
      { t: 0, powerW: 100 },
      { t: 10_000, powerW: 400 },
      { t: 20_000, powerW: 200 },
    ];
    // [5, 10) s at 100 W, [10, 20) at 400 W, [20, 25] at 200 W: (500 + 4000 + 1000) / 20 = 275 W
    expect(summariseInterval(points, 5_000, 25_000).avgPowerW).toBeCloseTo(275, 10);
  });
  it('is energy ÷ time, not the watts of the average pace', () => {
    // 15 s at 200 W then 15 s at 600 W → 400 W; the cube law puts the watts of the mean speed lower
    const points: Point[] = [
      { t: 0, powerW: 200, distanceM: 0 },
      { t: 15_000, powerW: 600, distanceM: 15 * Math.cbrt(200 / 2.8) },
      { t: 30_000, powerW: 600, distanceM: 15 * Math.cbrt(200 / 2.8) + 15 * Math.cbrt(600 / 2.8) },
    ];
    const s = summariseInterval(points, 0, 30_000);
    expect(s.avgPowerW).toBeCloseTo(400, 10);
    expect(powerFromPaceW(s.avgPaceS500!)).toBeLessThan(390);
  });
  it('peak is the best 3-stroke mean; strokes and distance come from the counters', () => {
    const powers = [300, 420, 450, 440, 380];
    const points: Point[] = [{ t: 0, powerW: 100, strokeCount: 10, distanceM: 1000 }];
    powers.forEach((p, i) => points.push({ t: (i + 1) * 1500, powerW: p, strokeCount: 11 + i, distanceM: 1000 + 8 * (i + 1), strokeRate: 40 }));
    const s = summariseInterval(points, 0, 7_500);
    expect(s.peakPowerW).toBeCloseTo((420 + 450 + 440) / 3, 10);
    expect(s.strokes).toBe(5);
    expect(s.distanceM).toBe(40);
    expect(s.durationS).toBe(7.5);
  });
  it('heart-rate peak looks 30 s past the end, the mean only inside', () => {
    const points: Point[] = [
      { t: 0, heartRate: 140 },
      { t: 10_000, heartRate: 160 },
      { t: 40_000, heartRate: 172 }, // end + 20 s: counts for the peak
      { t: 65_000, heartRate: 185 }, // end + 45 s: too late
    ];
    const s = summariseInterval(points, 0, 20_000);
    expect(s.peakHeartRate).toBe(172);
    expect(s.avgHeartRate).toBeCloseTo(150, 10);
    expect(summariseInterval(points, 0, 20_000, { hrWindowEndMs: 20_000 }).peakHeartRate).toBe(160);
  });
  it('a single 2.2× spike and a 0 W first stroke do not distort the mean', () => {
    const points: Point[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ t: i * 1000, powerW: 300, strokeRate: 36 }));
    points[4] = { ...points[4]!, powerW: 660 };
    points[0] = { ...points[0]!, powerW: 0 };
    expect(summariseInterval(points, 0, 10_000).avgPowerW).toBeCloseTo(300, 10);
  });
});

describe('a rest sat out on a console that holds its last numbers', () => {
  it('counts as not rowing once no stroke has come for 6 s (0 W, 0 spm), not as the held 190 W', () => {
    // strokes every 3 s to t = 60 s at 190 W, then 60 s of 1-Hz notifications repeating them
    const points: Point[] = [];
    for (let t = 0; t <= 60_000; t += 3000) points.push({ t, powerW: 190, strokeRate: 22, strokeCount: t / 3000 });
    for (let t = 61_000; t <= 120_000; t += 1000) points.push({ t, powerW: 190, strokeRate: 22, strokeCount: 20 });
    const rest = summariseInterval(points, 60_000, 120_000);
    // held for the first 6 s (190 W × 6 / 60 = 19 W), nothing after
    expect(rest.avgPowerW!).toBeLessThan(25);
    expect(rest.avgStrokeRate!).toBeLessThan(3);
    const work = summariseInterval(points, 0, 60_000);
    expect(work.avgPowerW).toBeCloseTo(190, 0);
  });
});
