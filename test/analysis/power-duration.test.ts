/** R(T) against the research note's reference table (durations.md §1.3, quoted for a 7:00 2k). */
import { describe, expect, it } from 'vitest';
import { capacityW, p2kFromTimeW, powerDurationRatio } from '../../src/analysis/power-duration.js';

describe('R(T) = single-effort power ÷ 2k power, 7:00 2k', () => {
  // [duration s, R default from §1.3]
  it.each([
    [10, 1.73],
    [20, 1.68],
    [30, 1.62],
    [60, 1.52],
    [100, 1.34],
    [120, 1.29],
    [210, 1.16],
    [240, 1.12],
    [300, 1.07],
    [480, 0.98],
    [600, 0.94],
    [1140, 0.83],
    [1800, 0.78],
  ])('R(%i s) ≈ %f (within 0.02)', (t, r) => expect(Math.abs(powerDurationRatio(t, p2kFromTimeW(420)) - r)).toBeLessThanOrEqual(0.02));
  it('passes through the 2k itself: R(7:00) = 1 for a 7:00 2k', () => expect(powerDurationRatio(420, p2kFromTimeW(420))).toBeCloseTo(1, 2));
  it('is level-dependent past 90 s: a slower rower loses less power per doubling (§1.1)', () => {
    expect(powerDurationRatio(1200, p2kFromTimeW(500))).toBeGreaterThan(powerDurationRatio(1200, p2kFromTimeW(360)));
  });
  it('falls with duration', () => {
    const ts = [10, 20, 30, 45, 60, 75, 90, 120, 300, 600, 1200, 3600];
    const rs = ts.map((t) => powerDurationRatio(t));
    rs.slice(1).forEach((r, i) => expect(r).toBeLessThan(rs[i]!));
  });
  it('P2k from the 2k time: P = 2.80 / (pace/500)³, pace = time ÷ 4 (7:05 → 291.8 W)', () => {
    expect(p2kFromTimeW(425)).toBeCloseTo(2.8 / (106.25 / 500) ** 3, 6);
    expect(capacityW(p2kFromTimeW(425), 425)).toBeCloseTo(p2kFromTimeW(425), 0);
  });
});
