import { describe, expect, it } from 'vitest';
import { matchesSelector, parseHrAttachment } from '../../../src/sources/ble/selector.js';

const pm5 = { id: 'c3a1b2c3d4e5', address: 'c3:a1:b2:c3:d4:e5', advertisement: { localName: 'PM5 430012345 Row' } };

describe('matchesSelector', () => {
  it.each([
    ['PM5', true],
    ['pm5 4300', true],
    ['C3:A1:B2:C3:D4:E5', true],
    ['c3a1b2c3d4e5', true],
    ['Row', false], // a name prefix, not a substring
    ['', false],
    ['c3a1b2c3d4e6', false],
  ])('%s → %s', (sel, expected) => expect(matchesSelector(pm5, sel)).toBe(expected));
});

describe('parseHrAttachment', () => {
  it('splits STRAP=ROWER at the first "="', () => expect(parseHrAttachment('Polar H10=PM5')).toEqual({ strap: 'Polar H10', rower: 'PM5' }));
  it.each(['Polar', '=PM5', 'Polar=', ''])('rejects %j', (t) => expect(parseHrAttachment(t)).toBeNull());
});
