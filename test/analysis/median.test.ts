import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../../src/analysis/series.js';

/** The textbook definition, written independently: sort a copy, take the middle (or the mean of the two). */
function reference(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1]! + s[m]!) / 2;
}

describe('median', () => {
  it('is undefined for no values and the value itself for one', () => {
    expect(median([])).toBeUndefined();
    expect(median([7])).toBe(7);
  });

  it('odd and even counts, negative and repeated values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-5, -5, 10, 0])).toBe(-2.5);
  });

  // (-0 is mapped to 0: a typed-array sort orders -0 before 0, which is no difference of value)
  it('agrees with sort-and-take-the-middle for short and long lists, and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { maxLength: 80 }), (xs) => {
        const before = [...xs];
        expect(median(xs)).toBe(reference(xs));
        expect(xs).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('a long list between short ones does not disturb them (the short-list buffer is reused)', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median(Array.from({ length: 100 }, (_, i) => 100 - i))).toBe(50.5);
    expect(median([2, 8])).toBe(5);
  });
});
