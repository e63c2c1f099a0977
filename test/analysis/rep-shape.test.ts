/** Fraction-based shape of a long rep (durations.md §7.3) on hand-made 1-Hz series. */
import { describe, expect, it } from 'vitest';
import { repShape } from '../../src/analysis/rep-shape.js';
import type { Point, Stroke } from '../../src/analysis/series.js';

/** One report per second for `durationS` s with power p(x), x = fraction of the rep. */
function series(durationS: number, p: (x: number) => number): { points: Point[]; strokes: Stroke[] } {
  const points: Point[] = [];
  for (let s = 0; s <= durationS; s++) points.push({ t: s * 1000, powerW: p(s / durationS) });
  return { points, strokes: points.map((x) => ({ t: x.t, powerW: x.powerW! })) };
}

describe('repShape', () => {
  it('a 300-s rep: flat 300 W, 330 W over the last 10 %, 312 W over the first 10 %', () => {
    const { points, strokes } = series(300, (x) => (x >= 0.9 ? 330 : x < 0.1 ? 312 : 300));
    const s = repShape(points, strokes, 0, 300_000)!;
    expect(s.midW).toBeCloseTo(300, 6);
    expect(s.endWindowS).toBe(30); // 10 % of 300 s, within 5–60 s
    expect(s.endSpurt).toBeCloseTo(1.1, 2);
    expect(s.start).toBeCloseTo(1.04, 2);
    expect(s.best10sInLastThird).toBe(true);
  });
  it('the end window is 5–60 s: 60 s for a 20-min rep, 5 s for a 30-s one', () => {
    const long = series(1200, () => 250);
    expect(repShape(long.points, long.strokes, 0, 1_200_000)!.endWindowS).toBe(60);
    const short = series(30, () => 400);
    expect(repShape(short.points, short.strokes, 0, 30_000)!.endWindowS).toBe(5);
  });
  it('negative split and last third: a rep building from 250 to 350 W', () => {
    const { points, strokes } = series(120, (x) => 250 + 100 * x);
    const s = repShape(points, strokes, 0, 120_000)!;
    expect(s.negativeSplit).toBeCloseTo(325 / 275, 1); // second half ~325 W, first ~275 W
    expect(s.lastThird).toBeGreaterThan(1.1);
    expect(s.best10sInLastThird).toBe(true);
  });
  it('null under 15 s or without power', () => {
    const { points, strokes } = series(10, () => 300);
    expect(repShape(points, strokes, 0, 10_000)).toBeNull();
    expect(repShape([], [], 0, 60_000)).toBeNull();
  });
});
