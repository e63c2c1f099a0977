/** The virtual rower serves what a real one would, byte for byte (values built by the ftms/ encoders). */
import { describe, expect, it } from 'vitest';
import { readValue, ROWER_SERVICE_DATA } from '../../../../src/sources/simulator/ble-server/virtual-device.js';

const spec = { id: 'e75100000001', name: 'SIM Rower 1Hz' };
const hex = (b: Buffer | undefined) => b?.toString('hex');

describe('virtual device values', () => {
  it('Fitness Machine Feature (FTMS §4.3.1.1): cadence, total distance, pace, elapsed time, power measurement', () => {
    // byte 0: bit 1 cadence (02) + bit 2 total distance (04) + bit 5 pace (20) = 26
    // byte 1: bit 12 elapsed time (10) + bit 14 power measurement (40) = 50; bytes 2–3 0; target settings 0
    expect(hex(readValue(spec, '2acc'))).toBe('2650000000000000');
  });
  it('Training Status (FTMS §4.10): flags 00 (no string), status 01 idle', () => {
    expect(hex(readValue(spec, '2ad3'))).toBe('0001');
  });
  it('FTMS service data (FTMS §3.1.1): available 01, machine type rower 0x0010 LE', () => {
    expect(ROWER_SERVICE_DATA.toString('hex')).toBe('011000');
  });
  it('Device Information strings are UTF-8 (DIS §3.2)', () => {
    expect(readValue(spec, '2a29')?.toString('utf8')).toBe('ergsprint');
    expect(readValue(spec, 'ffff')).toBeUndefined();
  });
});
