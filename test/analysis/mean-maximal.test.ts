/**
 * Mean-maximal power: property tests against a plain reference (every 1-s start, the window's
 * mean taken by `holdMean`, the analysis's own sample-and-hold integral), plus the curve's shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEST_WINDOWS_S, bestWindows, meanMaximal, powerPerSecond } from '../../src/analysis/mean-maximal.js';
import { cleanPower, holdMean, type Point } from '../../src/analysis/series.js';

/** Points every 200–1500 ms with power 100–300 W (no spikes for cleanPower to remove). */
const session = fc
  .array(fc.record({ gapMs: fc.integer({ min: 200, max: 1500 }), powerW: fc.integer({ min: 100, max: 300 }) }), { minLength: 2, maxLength: 120 })
  .map((steps) => {
    let t = 5000;
    return steps.map((s): Point => ({ t: (t += s.gapMs), powerW: s.powerW }));
  });

function reference(points: readonly Point[], d: number): number | undefined {
  const clean = cleanPower(points).filter((p) => p.powerW !== undefined);
  const t0 = clean[0]!.t;
  const n = Math.floor((points[points.length - 1]!.t - t0) / 1000);
  let best: number | undefined;
  for (let s = 0; s + d <= n; s++) {
    const m = holdMean(clean, 'powerW', t0 + s * 1000, t0 + (s + d) * 1000)!;
    if (best === undefined || m > best) best = m;
  }
  return best;
}

describe('meanMaximal', () => {
  it('equals the best 1-s-aligned window found by brute force', () => {
    fc.assert(
      fc.property(session, fc.integer({ min: 1, max: 40 }), (points, d) => {
        const got = bestWindows(points, [d]);
        const want = reference(points, d);
        if (want === undefined) expect(got).toEqual([]);
        else expect(got[0]!.powerW).toBeCloseTo(want, 6);
      }),
    );
  });

  // on a 1-s grid a 3-s window can beat the best 2-s one ([102, 100.7, 102] W), never a whole multiple of it
  it('never rises from a window to one a whole multiple longer, and never exceeds the highest power', () => {
    fc.assert(
      fc.property(session, (points) => {
        const curve = bestWindows(points, [1, 2, 4, 8, 16, 32, 64]);
        const peak = Math.max(...points.map((p) => p.powerW!));
        for (let i = 1; i < curve.length; i++) expect(curve[i]!.powerW).toBeLessThanOrEqual(curve[i - 1]!.powerW + 1e-9);
        for (const w of curve) expect(w.powerW).toBeLessThanOrEqual(peak + 1e-9);
      }),
    );
  });

  it('gives the constant power for every window of a constant row, and no window longer than the row', () => {
    const points: Point[] = Array.from({ length: 700 }, (_, i) => ({ t: i * 1000, powerW: 250 }));
    const curve = bestWindows(points);
    expect(curve.map((w) => w.durationS)).toEqual(BEST_WINDOWS_S.filter((d) => d <= 699));
    for (const w of curve) expect(w.powerW).toBeCloseTo(250, 9);
  });

  it('finds where a hard minute sits in an easy row', () => {
    const points: Point[] = Array.from({ length: 600 }, (_, i) => ({ t: i * 1000, powerW: i >= 200 && i < 260 ? 400 : 150 }));
    const [ten, minute] = bestWindows(points, [10, 60]);
    expect(ten).toMatchObject({ powerW: 400 });
    expect(minute).toEqual({ durationS: 60, powerW: 400, startMs: 200_000 });
  });

  it('holds the last power report across a gap between reports', () => {
    // 300 W reported at 0 s, then nothing until 20 s: the 300 W is in force for 20 s
    const series = powerPerSecond([{ t: 0, powerW: 300 }, { t: 20_000, powerW: 100 }, { t: 30_000, powerW: 100 }]);
    expect(Array.from(series.watts.slice(0, 20))).toEqual(Array(20).fill(300));
    expect(meanMaximal(series, [20])[0]!.powerW).toBe(300);
  });

  it('has no windows for a session without power', () => {
    expect(bestWindows([{ t: 0, strokeRate: 20 }, { t: 90_000, strokeRate: 20 }])).toEqual([]);
  });
});
