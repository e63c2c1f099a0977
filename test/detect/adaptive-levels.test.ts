/** RollingQuantile is pure math: a time-weighted quantile over a sliding data-time window. */
import { describe, expect, it } from 'vitest';
import { RollingQuantile } from '../../src/detect/adaptive-levels.js';

describe('RollingQuantile', () => {
  it('is undefined when empty', () => {
    expect(new RollingQuantile(120_000, 0.25).value()).toBeUndefined();
  });

  it('weights values by the time they stand for', () => {
    const q = new RollingQuantile(120_000, 0.25);
    // 10 s at 100 W, 30 s at 300 W: 25 % of 40 s = 10 s, reached at the end of the 100 W block
    q.add(0, 100, 10_000);
    q.add(1000, 300, 30_000);
    expect(q.value()).toBe(100);
    const r = new RollingQuantile(120_000, 0.25);
    // 5 s at 100 W, 35 s at 300 W: 25 % = 10 s lies inside the 300 W block
    r.add(0, 100, 5_000);
    r.add(1000, 300, 35_000);
    expect(r.value()).toBe(300);
  });

  it('ignores a sprint filling a third of the window (the rest level stays the slow-row level)', () => {
    const q = new RollingQuantile(120_000, 0.25);
    let t = 0;
    for (; t < 90_000; t += 3000) q.add(t, 120, 3000);
    for (; t < 120_000; t += 1500) q.add(t, 450, 1500);
    expect(q.value()).toBe(120);
  });

  it('forgets values older than the window', () => {
    const q = new RollingQuantile(120_000, 0.25);
    q.add(0, 50, 3000);
    for (let t = 3000; t <= 130_000; t += 3000) q.add(t, 200, 3000);
    expect(q.value()).toBe(200);
    expect(q.size).toBe(41);
  });

  it('keeps order with equal and unsorted inputs', () => {
    const q = new RollingQuantile(1_000_000, 0.5);
    [5, 1, 4, 1, 3, 2].forEach((v, i) => q.add(i, v, 1));
    expect(q.value()).toBe(2);
  });
});
