import { describe, expect, it } from 'vitest';
import { decodeServiceData, encodeServiceData, MACHINE_TYPE_BITS } from '../../src/ftms/service-data.js';
import { toHex } from './hex.js';

// FTMS 1.0 §3.1.1: Flags u8 (bit 0 available), Fitness Machine Type u16 LE (bit 4 rower, bit 5 indoor bike)
describe('FTMS service data (advertisement)', () => {
  it.each([
    [{ available: true, machineTypes: ['rower'] as const }, '01 1000'], // flags 01; type 0x0010 LE = 10 00
    [{ available: false, machineTypes: ['rower'] as const }, '00 1000'],
    [{ available: true, machineTypes: ['treadmill', 'indoor-bike'] as const }, '01 2100'], // bits 0 + 5 = 0x0021
  ])('encodes %j as %s', (data, hex) => {
    expect(toHex(encodeServiceData({ ...data, machineTypes: [...data.machineTypes] }))).toBe(hex.replace(/ /g, ''));
  });
  it('decodes the spec way and refuses a short payload', () => {
    expect(decodeServiceData(Uint8Array.of(0x01, 0x10, 0x00))).toEqual({ available: true, machineTypes: ['rower'] });
    expect(decodeServiceData(Uint8Array.of(0x01, 0x10))).toBeUndefined();
  });
  it('mirror: decode(encode(x)) = x for every machine type', () => {
    for (const t of MACHINE_TYPE_BITS) for (const available of [true, false]) expect(decodeServiceData(encodeServiceData({ available, machineTypes: [t] }))).toEqual({ available, machineTypes: [t] });
  });
});
