import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/analysis/series.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';

/**
 * A hand-built 30-s sprint: a rest stroke (100 W) before the start, then 20 strokes every 1.5 s
 * at 40 spm: 250, 400, four at 480, ten at 420, four at 380 W. Held values over [0, 30] s:
 * [0, 1.5) 100 · [1.5, 3) 250 · [3, 4.5) 400 · [4.5, 10.5) 480 · [10.5, 25.5) 420 · [25.5, 30] 380.
 */
function sprint(): Point[] {
  const powers = [250, 400, 480, 480, 480, 480, ...Array<number>(10).fill(420), 380, 380, 380, 380];
  const pts: Point[] = [{ t: -1500, powerW: 100, strokeRate: 20, strokeCount: 0 }];
  powers.forEach((p, i) => pts.push({ t: 1500 * (i + 1), powerW: p, strokeRate: 40, strokeCount: i + 1 }));
  return pts;
}

describe('sprintMetrics on a hand-built sprint', () => {
  const m = sprintMetrics(sprint(), 0, 30_000);
  it('MP = (1.5·100 + 1.5·250 + 1.5·400 + 6·480 + 15·420 + 4.5·380) / 30 = 400.5 W', () => {
    expect(m.meanPowerW).toBeCloseTo(400.5, 10);
    expect(m.durationS).toBe(30);
  });
  it('PP3 = 480 W centred on stroke 4 (t = 6 s), in the first half', () => {
    expect(m.peakPowerW).toBe(480);
    expect(m.timeToPeakS).toBe(6);
    expect(m.peakInSecondHalf).toBe(false);
  });
  it('FI = (480 − 380) / 480', () => {
    expect(m.fade).toBeCloseTo(100 / 480, 10);
  });
  it('ES = mean(25–30 s) / mean(10–25 s) = 384 / 422', () => {
    // last 5 s: 0.5 s at 420 + 4.5 s at 380 = 1920/5 = 384; 10–25 s: 0.5 s at 480 + 14.5 s at 420 = 6330/15 = 422
    expect(m.endSpurt).toBeCloseTo(384 / 422, 10);
  });
  it('FL = mean(3–13 s) / mean(20–30 s) = 453 / 402', () => {
    expect(m.frontLoading).toBeCloseTo(453 / 402, 10);
  });
  it('rate, strokes and full coverage', () => {
    expect(m.strokeRate).toBe(40);
    expect(m.strokes).toBe(20);
    expect(m.coverage).toBe(1);
    expect(m.maxGapS).toBe(0);
  });
  it('a dropout of four strokes shows as a 6-s gap and 85 % coverage', () => {
    const pts = sprint().filter((p) => p.t < 12_000 || p.t > 16_500); // strokes at 12, 13.5, 15, 16.5 s lost
    const q = sprintMetrics(pts, 0, 30_000);
    // 10.5 → 18 s is 7.5 s between reports: 6 s beyond the usual 1.5-s spacing; coverage lets
    // sample-and-hold bridge one lost report, so 7.5 − 2 × 1.5 = 4.5 s of 30 s are missing
    expect(q.maxGapS).toBeCloseTo(6, 10);
    expect(q.coverage).toBeCloseTo(0.85, 10);
  });
  it('one lost report is bridged: full coverage, a gap of one spacing', () => {
    const q = sprintMetrics(sprint().filter((p) => p.t !== 12_000), 0, 30_000);
    expect(q.coverage).toBe(1);
    expect(q.maxGapS).toBeCloseTo(1.5, 10);
  });
  it('a sprint shorter than 20 s has no end-spurt ratio', () => {
    expect(sprintMetrics(sprint(), 0, 18_000).endSpurt).toBeNull();
  });
});
