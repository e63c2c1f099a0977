/** Clock and pace text (src/rowing/format.ts): rounding happens before minutes are split off. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatClockMs, formatPace } from '../../src/rowing/format.js';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [59.4, '0:59'],
    [59.5, '1:00'],
    [119.6, '2:00'], // `simulate` used to print "1:60" (seconds rounded after the minutes were split)
    [61, '1:01'],
    [75 * 60 + 3, '75:03'],
    [-5, '-0:05'],
  ])('formatClock(%d s) = %s', (s, text) => expect(formatClock(s)).toBe(text));

  it.each([
    [0, '0:00.0'],
    [1.5, '0:01.5'],
    [59.95, '1:00.0'],
    [119.96, '2:00.0'],
    [92.54, '1:32.5'],
    [75 * 60 + 3.2, '75:03.2'],
  ])('formatClock(%d s, tenths) = %s', (s, text) => expect(formatClock(s, { tenths: true })).toBe(text));

  it('never shows 60 seconds, and reads back to the rounded value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.boolean(), (s, tenths) => {
        const text = formatClock(s, { tenths });
        const m = /^(\d+):(\d\d(?:\.\d)?)$/.exec(text);
        expect(m).not.toBeNull();
        const sec = Number(m![2]);
        expect(sec).toBeLessThan(60);
        const back = Number(m![1]) * 60 + sec;
        expect(Math.abs(back - s)).toBeLessThanOrEqual(tenths ? 0.05 + 1e-6 : 0.5 + 1e-6);
      }),
    );
  });
});

describe('formatClockMs', () => {
  it.each([
    [0, '0:00.0'],
    [1500, '0:01.5'],
    [59_950, '1:00.0'], // rounds to the tenth, carrying into minutes
    [61_040, '1:01.0'],
    [75 * 60_000 + 3_200, '75:03.2'],
  ])('formatClockMs(%d ms) = %s', (ms, text) => expect(formatClockMs(ms)).toBe(text));
});

describe('formatPace', () => {
  it.each([
    [105, '1:45'],
    [98, '1:38'],
    [60, '1:00'],
    [119.6, '2:00'],
  ])('formatPace(%d s/500m) = %s', (s, text) => expect(formatPace(s)).toBe(text));

  it('with tenths', () => {
    expect(formatPace(92.5, { tenths: true })).toBe('1:32.5');
    expect(formatPace(119.96, { tenths: true })).toBe('2:00.0'); // `live` used to print "1:60.0"
  });
});
