import { describe, expect, it } from 'vitest';
import { alignColumns, formatClock, formatPace } from '../../src/commands/inspect-report.js';

describe('inspect formatting', () => {
  it.each([
    [0, '0:00.0'],
    [1500, '0:01.5'],
    [59_950, '1:00.0'], // rounds to the tenth, carrying into minutes
    [61_040, '1:01.0'],
    [75 * 60_000 + 3_200, '75:03.2'],
  ])('formatClock(%d ms) = %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  it.each([
    [105, '1:45'],
    [98, '1:38'],
    [60, '1:00'],
    [119.6, '2:00'],
  ])('formatPace(%d s/500m) = %s', (s, text) => expect(formatPace(s)).toBe(text));

  it('aligns columns left or right with two spaces between', () => {
    expect(alignColumns([['t', 'rower', 'W'], ['0:00.0', 'a', '95'], ['10:00.0', 'bob', '302']], [true, false, true])).toEqual([
      '      t  rower    W',
      ' 0:00.0  a       95',
      '10:00.0  bob    302',
    ]);
  });

  it('lets a short row (a note) run on without widening the columns', () => {
    expect(alignColumns([['t', 'rower', 'W', 'HR'], ['0:00.0', 'a', '[disconnected]'], ['0:01.0', 'a', '95', '150']], [true, false, true, true])).toEqual([
      '     t  rower   W   HR',
      '0:00.0  a      [disconnected]',
      '0:01.0  a      95  150',
    ]);
  });
});
