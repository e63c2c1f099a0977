/** The display's number formatting (web/src/format.ts) agrees with the CLI's (src/rowing/format.ts). */
import { describe, expect, it } from 'vitest';
import { clock, pace } from '../../web/src/format.js';
import { formatClock, formatPace } from '../../src/rowing/format.js';

describe('display formatting', () => {
  it.each([92.5, 105, 119.94, 119.96, 59.95, 0.04, 600])('pace(%d) is formatPace with tenths', (s) => {
    expect(pace(s)).toBe(formatPace(s, { tenths: true }));
  });
  it('pace of 119.96 s/500 m is 2:00.0', () => expect(pace(119.96)).toBe('2:00.0'));
  it.each([0, 59.9, 61, 3599])('clock(%d) shows whole seconds elapsed', (s) => expect(clock(s)).toBe(formatClock(Math.floor(s))));
});
