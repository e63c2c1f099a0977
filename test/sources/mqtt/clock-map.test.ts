import { describe, expect, it } from 'vitest';
import { ClockMap } from '../../../src/sources/mqtt/clock-map.js';

describe('ClockMap: a hub clock onto the central session time', () => {
  it('two hubs whose clocks are 5 s ahead and 5 s behind land on one timeline', () => {
    // true event times (central ms); hub A's clock reads t + 5000, hub B's t − 5000 (started earlier/later)
    const a = new ClockMap();
    const b = new ClockMap();
    for (let t = 10_000; t < 20_000; t += 400) {
      const delayA = 5 + ((t / 400) % 7) * 3; // network + broker delay, never negative
      const delayB = 8 + ((t / 400) % 5) * 4;
      a.observe(t + 5000, t + delayA);
      b.observe(t - 5000 + 20_000, t + delayB); // B started 20 s after A's epoch, and is 5 s behind
    }
    // a stroke at central time 19 000 ms, stamped by each hub's own clock
    const fromA = a.toLocal(19_000 + 5000)!;
    const fromB = b.toLocal(19_000 - 5000 + 20_000)!;
    expect(Math.abs(fromA - 19_000)).toBeLessThanOrEqual(10);
    expect(Math.abs(fromB - 19_000)).toBeLessThanOrEqual(10);
    expect(Math.abs(fromA - fromB)).toBeLessThanOrEqual(10);
  });

  it('uses the least-delayed sample: a late batch (a queue drained after an outage) does not shift time', () => {
    const m = new ClockMap();
    for (let i = 0; i < 10; i++) m.observe(i * 400, 1000 + i * 400 + 5);
    const before = m.toLocal(4000)!;
    m.observe(4000, 1000 + 4000 + 30_000); // delivered 30 s late
    expect(m.toLocal(4000)).toBe(before);
  });

  it('follows drift smoothly (bounded steps per sample), and steps when far off', () => {
    const m = new ClockMap({ window: 5, slewPerSample: 2, stepMs: 500 });
    m.observe(0, 1000);
    expect(m.toLocal(0)).toBe(1000);
    // the hub's clock runs slow: the offset grows 20 ms (within stepMs). Samples 1–4 still share the
    // window with sample 0; from sample 5 on the minimum is 1020, slewed towards 2 ms per sample (5..10: 6 × 2)
    for (let i = 1; i <= 10; i++) m.observe(i * 1000, 1020 + i * 1000);
    expect(m.toLocal(0)).toBe(1012);
    // a 2-s disagreement (the hub slept) is taken at once once the window agrees
    for (let i = 11; i <= 16; i++) m.observe(i * 1000, 3000 + i * 1000);
    expect(m.toLocal(0)).toBe(3000);
  });

  it('knows nothing before the first sample', () => {
    expect(new ClockMap().toLocal(5)).toBeUndefined();
  });
});
