/** The CLI's one text-table helper (src/commands/text-table.ts). */
import { describe, expect, it } from 'vitest';
import { displayWidth, textTable } from '../../src/commands/text-table.js';

describe('textTable', () => {
  it('aligns columns left or right with two spaces between', () => {
    expect(textTable([['t', 'rower', 'W'], ['0:00.0', 'a', '95'], ['10:00.0', 'bob', '302']], { right: [true, false, true] })).toEqual([
      '      t  rower    W',
      ' 0:00.0  a       95',
      '10:00.0  bob    302',
    ]);
  });

  it('lets a short row (a note) run on without widening the columns', () => {
    expect(textTable([['t', 'rower', 'W', 'HR'], ['0:00.0', 'a', '[disconnected]'], ['0:01.0', 'a', '95', '150']], { right: [true, false, true, true] })).toEqual([
      '     t  rower   W   HR',
      '0:00.0  a      [disconnected]',
      '0:01.0  a      95  150',
    ]);
  });

  it('counts "–" and "×" as one column, wide and combining characters as two and none', () => {
    expect(displayWidth('–')).toBe(1);
    expect(displayWidth('2ad1 ×3')).toBe(7);
    expect(displayWidth('漕艇')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('🚣')).toBe(2);
    expect(textTable([['avg P', 'HR'], ['–', '–'], ['402 W', '161 bpm']])).toEqual(['avg P  HR', '–      –', '402 W  161 bpm']);
    expect(textTable([['name', 'x'], ['漕艇', '1'], ['ab', '2']])).toEqual(['name  x', '漕艇  1', 'ab    2']);
  });

  it('indents every line, trims trailing spaces, and honours another gap', () => {
    expect(textTable([['a', ''], ['bbb', 'c']], { indent: '  ' })).toEqual(['  a', '  bbb  c']);
    expect(textTable([['a', 'b'], ['cc', 'd']], { gap: ' | ' })).toEqual(['a  | b', 'cc | d']);
  });

  it('an empty table has no lines; a head alone is one line', () => {
    expect(textTable([])).toEqual([]);
    expect(textTable([['file', 'found']])).toEqual(['file  found']);
    expect(textTable([[]])).toEqual(['']);
  });
});
