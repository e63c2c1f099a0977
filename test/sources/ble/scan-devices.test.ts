import { describe, expect, it } from 'vitest';
import { scanDevices } from '../../../src/sources/ble/scan-devices.js';
import type { ProfileLookup } from '../../../src/sources/ble/device-profile-lookup.js';
import { virtualNoble } from './virtual-noble.js';

const profiles: ProfileLookup = (name) => (name.startsWith('SmartRow') ? { id: 'smartrow', startup: 'none', notFtms: 'SmartRow speaks its own protocol, not FTMS' } : undefined);

describe('scanDevices through real noble', () => {
  it('lists rowers, straps and known non-FTMS devices with the reason, and leaves out the rest', async () => {
    const { noble } = virtualNoble([
      { id: 'aa0000000001', name: 'Quiet Rower', advertise: { serviceUuids: ['1826'], serviceData: null }, rssi: -70 },
      { id: 'aa0000000002', name: 'Loud Rower', rssi: -40 },
      { id: 'cc0000000003', name: 'Polar H10', advertise: { serviceUuids: ['180d'], serviceData: null }, services: ['180d'] },
      { id: 'dd0000000004', name: 'SmartRow 9', advertise: { serviceUuids: [], serviceData: null } },
      { id: 'ee0000000005', name: 'Kettle', advertise: { serviceUuids: ['fff0'], serviceData: null } },
    ]);
    const list = await scanDevices(noble, { durationMs: 150, profiles });
    expect(list.map((d) => [d.name, d.kind])).toEqual([
      ['Loud Rower', 'rower'], // strongest first
      ['Quiet Rower', 'rower'],
      ['Polar H10', 'hr'],
      ['SmartRow 9', 'not-ftms'],
    ]);
    expect(list[0]).toMatchObject({ id: 'aa0000000002', rssi: -40, reason: 'FTMS service data says rower' });
    expect(list[1]?.reason).toBe('advertises FTMS service 1826');
    expect(list[3]?.reason).toMatch(/not FTMS/);
    const all = await scanDevices(noble, { durationMs: 150, profiles, all: true });
    expect(all.map((d) => d.name)).toContain('Kettle');
  });
});
