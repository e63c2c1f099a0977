/**
 * Issue 15 #6 and #14: --plan and --profiles name only regular files (a FIFO cannot block), and a
 * UTF-8 BOM is ignored alike in recordings, plans and profiles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { loadPlan } from '../../src/commands/plan-option.js';
import { readRecording } from '../../src/recording/reader.js';
import { stripBom } from '../../src/recording/regular-file.js';
import { loadUserProfiles, ProfileConfigError } from '../../src/sources/ble/profile-config.js';
import { fifoIn, scratchDir, thrown } from '../file-helpers.js';

const dir = scratchDir;

describe('--plan and --profiles name only regular files', () => {
  it('--plan: FIFO, directory and missing file are CliErrors (exit 2) naming the file', () => {
    const d = dir();
    const fifo = fifoIn(d, 'p.json');
    mkdirSync(join(d, 'dir.json'));
    const cases: Array<[string, string]> = [
      [fifo, `--plan: ${fifo}: is a FIFO (named pipe), not a regular file`],
      [join(d, 'dir.json'), `--plan: ${join(d, 'dir.json')}: is a directory, not a regular file`],
      [join(d, 'none.json'), `--plan: ${join(d, 'none.json')}: no such file`],
    ];
    for (const [path, message] of cases) {
      const err = thrown(() => loadPlan(path)) as CliError;
      expect(err).toBeInstanceOf(CliError);
      expect([err.exitCode, err.message]).toEqual([2, message]);
    }
  });
  it('--profiles: a FIFO or a directory is a ProfileConfigError naming the file', () => {
    const d = dir();
    const fifo = fifoIn(d, 'profiles.json');
    const err = thrown(() => loadUserProfiles(fifo, join(d, 'default.json'))) as ProfileConfigError;
    expect(err).toBeInstanceOf(ProfileConfigError);
    expect(err.message).toBe(`${fifo}: is a FIFO (named pipe), not a regular file`);
    expect((thrown(() => loadUserProfiles(d, join(d, 'default.json'))) as Error).message).toBe(`${d}: is a directory, not a regular file`);
    // the default file, when it is a FIFO, is refused the same way rather than blocking
    expect(thrown(() => loadUserProfiles(undefined, fifo))).toBeInstanceOf(ProfileConfigError);
  });
});

describe('a UTF-8 BOM is ignored alike in recordings, plans and profiles (issue 15 #14)', () => {
  const BOM = '\ufeff';
  it('stripBom removes one leading U+FEFF only', () => {
    expect(stripBom(`${BOM}{}`)).toBe('{}');
    expect(stripBom('{}')).toBe('{}');
    expect(stripBom(`x${BOM}`)).toBe(`x${BOM}`);
  });
  it('a recording, a plan file and a profiles file, each starting with a BOM, are read', async () => {
    const d = dir();
    const rec = join(d, 'bom.ndjson');
    writeFileSync(rec, `${BOM}{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00Z","source":"ble","rowers":[]}\n{"t":0,"r":"a","c":"2ad1","d":"00"}\n`);
    expect((await readRecording(rec)).items).toHaveLength(1);
    const plan = join(d, 'bom.json');
    writeFileSync(plan, `${BOM}{"name":"bom","reps":2,"workS":20,"restS":40}`);
    expect(loadPlan(plan)).toEqual({ name: 'bom', reps: 2, workS: 20, restS: 40 });
    const profiles = join(d, 'profiles.json');
    writeFileSync(profiles, `${BOM}{"profiles":[{"id":"acme","namePrefixes":["ACME"]}]}`);
    expect(loadUserProfiles(profiles, join(d, 'x.json'))).toEqual([{ id: 'acme', namePrefixes: ['ACME'] }]);
  });
  it('a BOM anywhere but the start is still an error in each', async () => {
    const d = dir();
    const plan = join(d, 'late.json');
    writeFileSync(plan, `{"name":"bom",${BOM}"reps":2,"workS":20,"restS":40}`);
    expect(() => loadPlan(plan)).toThrow(/not valid JSON/);
    const profiles = join(d, 'late-profiles.json');
    writeFileSync(profiles, ` ${BOM}{"profiles":[]}`);
    expect(() => loadUserProfiles(profiles, join(d, 'x.json'))).toThrow(ProfileConfigError);
  });
});
