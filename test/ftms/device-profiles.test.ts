import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, findProfile, GENERIC_PROFILE, mergeProfiles } from '../../src/ftms/device-profiles.js';

describe('findProfile', () => {
  it.each([
    ['PM5 430123456 Row', 'concept2-pm5'],
    ['pm5 lowercase', 'concept2-pm5'],
    ['MRK-R06-1234', 'merach-mrk-r06'],
    ['Whipr 0042', 'whipr'],
    ['SmartRow 1A2B', 'smartrow'],
    ['Some Unknown Rower', 'generic'],
  ])('%s → %s', (name, id) => {
    expect(findProfile(name).id).toBe(id);
  });
  it('undefined name is the generic profile', () => {
    expect(findProfile(undefined)).toBe(GENERIC_PROFILE);
  });
  it('control-start consoles from REFERENCE rule 8', () => {
    for (const name of ['I-ROWER 1', 'SF-RW5864', 'MRK-R06', 'iConsole+ 123']) expect(findProfile(name).startup).toBe('control-start');
    expect(findProfile('PM5 1').startup).toBe('none');
  });
  it('whole-spm consoles from REFERENCE rule 7', () => {
    for (const name of ['KS-WR1 x', 'Whipr', 'MERACH-Q1S 7']) expect(findProfile(name).wholeSpmStrokeRate).toBe(true);
  });
  it('holds real consoles only: no entry for the simulator (its consoles imitate these)', () => {
    expect(BUILTIN_PROFILES.map((p) => p.id).filter((id) => /sim/i.test(id))).toEqual([]);
    expect(findProfile('SIM Rower NoPower')).toBe(GENERIC_PROFILE);
  });
  it('non-FTMS rowers carry a message', () => {
    for (const name of ['SmartRow', 'ECH-ROW 1', 'DOMYOS-ROW 2']) expect(findProfile(name).notFtms).toMatch(/not FTMS/);
    expect(findProfile('PM5').notFtms).toBeUndefined();
  });
  it('the longest prefix wins and user entries win ties', () => {
    const extra = [{ ...GENERIC_PROFILE, id: 'my-pm5', namePrefixes: ['PM5 43'] }];
    expect(findProfile('PM5 430', extra).id).toBe('my-pm5');
    expect(findProfile('PM5 999', extra).id).toBe('concept2-pm5');
    const tie = [{ ...GENERIC_PROFILE, id: 'mine', namePrefixes: ['pm5'] }];
    expect(findProfile('PM5 1', tie).id).toBe('mine');
  });
});

describe('mergeProfiles', () => {
  it('overrides fields of a known id and keeps the rest', () => {
    const merged = mergeProfiles(BUILTIN_PROFILES, [{ id: 'concept2-pm5', powerFromPace: true }]);
    const pm5 = merged.find((p) => p.id === 'concept2-pm5');
    expect(pm5).toMatchObject({ namePrefixes: ['PM5'], powerFromPace: true, startup: 'none' });
    expect(merged.filter((p) => p.id === 'concept2-pm5')).toHaveLength(1);
    expect(merged).toHaveLength(BUILTIN_PROFILES.length);
  });
  it('adds a new id with generic defaults, first in the list', () => {
    const merged = mergeProfiles(BUILTIN_PROFILES, [{ id: 'garage-rower', namePrefixes: ['GR-'], startup: 'control-start' }]);
    expect(merged[0]).toEqual({ ...GENERIC_PROFILE, id: 'garage-rower', namePrefixes: ['GR-'], startup: 'control-start' });
    expect(findProfile('GR-1', merged).startup).toBe('control-start');
  });
});
