import { describe, expect, it } from 'vitest';
import { DropSpecError, parseDrops } from '../../../../src/sources/simulator/ble-server/drop-schedule.js';

describe('parseDrops', () => {
  it('reads AT:DUR seconds, repeated or comma-separated', () => {
    expect(parseDrops(['20:5', '60:2.5,90:1'])).toEqual([
      { atS: 20, durationS: 5 },
      { atS: 60, durationS: 2.5 },
      { atS: 90, durationS: 1 },
    ]);
    expect(parseDrops(undefined)).toEqual([]);
  });
  it.each(['20', '20:0', 'a:b', '-1:3', '20:5:1'])('rejects %j', (spec) => expect(() => parseDrops(spec)).toThrow(DropSpecError));
});
