/** window() and WindowMemo: a window's result is reused only while its samples are the same. */
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/ftms/sample.js';
import { window, WindowMemo } from '../../src/pipeline/sample-window.js';

const at = (t: number, powerW: number): Sample => ({ rower: 'r', t, powerW });

describe('window()', () => {
  it('holds three reports before the start and ends at the last report at or before untilMs', () => {
    const samples = [0, 1000, 2000, 3000, 4000, 5000, 6000].map((t) => at(t, t / 10));
    expect(window(samples, 4000, 5000).map((s) => s.t)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(window(samples, 1500, 1999).map((s) => s.t)).toEqual([0, 1000]);
  });
});

describe('WindowMemo', () => {
  it('computes once for the same window and arguments, again for other arguments or a grown window', () => {
    const samples = [at(0, 100), at(1000, 200), at(2000, 300)];
    const memo = new WindowMemo<number>(samples);
    const seen: number[][] = [];
    const sum = (points: Sample[]) => {
      seen.push(points.map((p) => p.t));
      return points.reduce((a, p) => a + (p.powerW ?? 0), 0);
    };
    expect(memo.get(1000, 5000, [1], sum)).toBe(600);
    expect(memo.get(1000, 5000, [1], sum)).toBe(600);
    expect(seen).toHaveLength(1);
    expect(memo.get(1000, 5000, [2], sum)).toBe(600); // other arguments: computed again
    expect(seen).toHaveLength(2);
    // a sample arriving inside the window is new input: the result is not reused
    samples.push(at(3000, 400));
    expect(memo.get(1000, 5000, [1], sum)).toBe(1000);
    expect(seen.at(-1)).toEqual([0, 1000, 2000, 3000]);
    // one beyond it changes nothing
    samples.push(at(6000, 500));
    expect(memo.get(1000, 5000, [1], sum)).toBe(1000);
    expect(seen).toHaveLength(3);
  });

  it('keeps an undefined result too', () => {
    const memo = new WindowMemo<number | undefined>([at(0, 100)]);
    let calls = 0;
    const none = () => (calls++, undefined);
    memo.get(0, 10, [], none);
    memo.get(0, 10, [], none);
    expect(calls).toBe(1);
  });
});
