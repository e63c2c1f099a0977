import { describe, expect, it } from 'vitest';
import { recognise, serviceDataSaysRower, shortUuid } from '../../../src/sources/ble/advertisement.js';
import type { ProfileLookup } from '../../../src/sources/ble/device-profile-lookup.js';

const profiles: ProfileLookup = (name) => {
  if (name.startsWith('I-ROWER')) return { id: 'i-rower', startup: 'control-start' };
  if (name.startsWith('SmartRow')) return { id: 'smartrow', startup: 'none', notFtms: 'SmartRow speaks its own protocol' };
  return undefined;
};
// FTMS service data (FTMS §3.1.1): flags u8 (bit 0 = machine available), Fitness Machine Type u16 LE (bit 4 = rower)
const ROWER_SD = Buffer.from([0x01, 0x10, 0x00]);
const SWAPPED_SD = Buffer.from([0x01, 0x00, 0x10]);
const BIKE_SD = Buffer.from([0x01, 0x20, 0x00]); // bit 5: indoor bike

describe('recognise', () => {
  it.each([
    ['service data 01 10 00', { serviceData: [{ uuid: '1826', data: ROWER_SD }] }, 'rower', /service data says rower$/],
    ['byte-swapped service data 01 00 10', { serviceData: [{ uuid: '1826', data: SWAPPED_SD }] }, 'rower', /swapped/],
    ["noble's websocket form (one Buffer)", { serviceData: ROWER_SD }, 'rower', /service data says rower/],
    ['service UUID 1826 only', { serviceUuids: ['1826'] }, 'rower', /1826/],
    ['128-bit FTMS UUID', { serviceUuids: ['00001826-0000-1000-8000-00805f9b34fb'] }, 'rower', /1826/],
    ['a known name and nothing else', { localName: 'I-ROWER 0042' }, 'rower', /profile i-rower/],
    ['a known non-FTMS device', { localName: 'SmartRow 1234' }, 'not-ftms', /own protocol/],
    ['a heart-rate strap', { localName: 'Polar H10', serviceUuids: ['180d'] }, 'hr', /180d/],
    ['an FTMS bike: service data type is not rower, no 1826 listed', { serviceData: [{ uuid: '1826', data: BIKE_SD }] }, 'unknown', /names no FTMS/],
    ['nothing at all', {}, 'unknown', /names no FTMS/],
  ])('%s', (_what, adv, kind, reason) => {
    const r = recognise(adv, profiles);
    expect(r.kind).toBe(kind);
    expect(r.reason).toMatch(reason);
  });

  it('keeps the profile of an FTMS-advertising device so its start-up sequence is known', () => {
    expect(recognise({ localName: 'I-ROWER 7', serviceUuids: ['1826'] }, profiles).profile?.startup).toBe('control-start');
  });

  it('does not read past short service data', () => {
    expect(serviceDataSaysRower(Buffer.from([0x01, 0x10]))).toBe(false);
  });

  it('shortens only Bluetooth base UUIDs', () => {
    expect(shortUuid('00002AD1-0000-1000-8000-00805F9B34FB')).toBe('2ad1');
    expect(shortUuid('6e400001b5a3f393e0a9e50e24dcca9e')).toBe('6e400001b5a3f393e0a9e50e24dcca9e');
  });
});
