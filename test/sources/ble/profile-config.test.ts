import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserProfiles, parseProfileConfig, ProfileConfigError, profileLookup } from '../../../src/sources/ble/profile-config.js';

describe('device profile config', () => {
  it('adds a new profile matched by name prefix and overrides a built-in one by id', () => {
    const user = parseProfileConfig(
      JSON.stringify({ profiles: [{ id: 'acme', namePrefixes: ['ACME-R'], startup: 'control-start' }, { id: 'i-rower', startup: 'none' }] }),
      'p.json',
    );
    const { lookup } = profileLookup(user);
    expect(lookup('ACME-R 2000')).toMatchObject({ id: 'acme', startup: 'control-start' });
    expect(lookup('I-ROWER 12')).toMatchObject({ id: 'i-rower', startup: 'none' }); // built-in says control-start
    expect(lookup('SmartRow 7')?.notFtms).toBeTruthy(); // built-ins still there
    expect(lookup('Some Phone')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['unknown startup', JSON.stringify({ profiles: [{ id: 'x', startup: 'reset-first' }] }), /profiles\.0\.startup/],
    ['unknown field', JSON.stringify({ profiles: [{ id: 'x', startUp: 'none' }] }), /profiles\.0/],
    ['missing id', JSON.stringify({ profiles: [{ namePrefixes: ['X'] }] }), /profiles\.0\.id/],
    ['no profiles list', JSON.stringify([]), /top level|profiles/],
  ])('rejects %s with a ProfileConfigError naming the file and field', (_what, text, detail) => {
    const err = (() => {
      try {
        parseProfileConfig(text, '/home/me/profiles.json');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ProfileConfigError);
    expect((err as Error).message).toMatch(/^\/home\/me\/profiles\.json: /);
    expect((err as Error).message).toMatch(detail);
  });

  it('reads the default file only when it exists; an explicit missing file is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-profiles-'));
    expect(loadUserProfiles(undefined, join(dir, 'profiles.json'))).toEqual([]);
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ profiles: [{ id: 'acme', namePrefixes: ['ACME'] }] }));
    expect(loadUserProfiles(undefined, join(dir, 'profiles.json'))).toEqual([{ id: 'acme', namePrefixes: ['ACME'] }]);
    expect(() => loadUserProfiles(join(dir, 'nope.json'), join(dir, 'profiles.json'))).toThrow(ProfileConfigError);
  });
});
