/** Every simulated console is recognised by the product as the console it imitates. */
import { describe, expect, it } from 'vitest';
import { GENERIC_PROFILE } from '../../../src/ftms/device-profiles.js';
import { recognise } from '../../../src/sources/ble/advertisement.js';
import { profileLookup } from '../../../src/sources/ble/profile-config.js';
import { startBleSimulator } from '../../../src/sources/simulator/ble-server/ble-simulator.js';
import { advertisedName, PROFILE_NAMES, simulatedConsoles } from '../../../src/sources/simulator/simulated-consoles.js';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';

const { lookup } = profileLookup([]);
/** the product's reading of an advertised name: a profile id, or 'generic' for an unknown FTMS rower */
const recognisedAs = (name: string): string => lookup(name)?.id ?? GENERIC_PROFILE.id;
const short = { seed: 3, reps: 1, workS: 10, restS: 20, warmupS: 0, cooldownS: 0, rowers: 2 } as const;

describe('simulated consoles imitate console profiles', () => {
  it.each(PROFILE_NAMES)('%s: every rower it simulates is recognised as the profile it imitates', (name) => {
    const sim = simulatedConsoles[name];
    const rowers = simulateSession({ ...short, profile: name }).header.rowers;
    expect(rowers.map((r) => r.name)).toEqual([`${advertisedName(sim)} 1`, `${advertisedName(sim)} 2`]);
    for (const r of rowers) expect(recognisedAs(r.name)).toBe(sim.imitates);
    // the advertisement the BLE simulator sends is classified as a rower with that profile
    const adv = { localName: rowers[0]!.name, serviceUuids: ['1826'] };
    const seen = recognise(adv, lookup);
    expect(seen.kind).toBe('rower');
    expect(seen.profile?.id ?? GENERIC_PROFILE.id).toBe(sim.imitates);
  });

  it('the names are the ones users and fixtures know', () => {
    expect(advertisedName(simulatedConsoles['hz1-hold'])).toBe('SIM Rower 1Hz');
    expect(advertisedName(simulatedConsoles['pm5-split'])).toBe('PM5 430000001 Row');
    expect(advertisedName(simulatedConsoles['whole-spm'])).toBe('KS-WR1 SIM');
    expect(advertisedName(simulatedConsoles.stale)).toBe('S4 Comms SIM');
    expect(advertisedName(simulatedConsoles['i-rower'])).toBe('I-ROWER SIM');
  });

  it.each([
    ['hz1-hold', 'none', undefined],
    ['i-rower', 'control-start', undefined],
    ['refuse-start', 'none', 'control-not-permitted'],
  ] as const)('over BLE %s starts up as %s (Start answered %s)', async (profile, startup, startAnswer) => {
    const sim = await startBleSimulator({ simulate: { ...short, rowers: 1, profile }, drops: [], log: () => {}, port: 0, host: '127.0.0.1', durationS: 0 });
    try {
      expect(sim.devices[0]).toMatchObject({ startup });
      expect(sim.devices[0]?.startAnswer).toBe(startAnswer);
    } finally {
      await sim.close();
    }
  });
});
