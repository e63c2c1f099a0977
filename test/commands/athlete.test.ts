/**
 * `ergsprint athlete add|list` through the built CLI, with XDG_DATA_HOME in a temp dir: the JSON
 * contract, the table, and one-line errors (exit 2) for duplicates and implausible values.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectOneLineError, killChildren, runCli } from './cli-process.js';
import { tempDir } from '../store/recordings.js';

beforeAll(assertBuilt);
afterEach(killChildren);

const run = (args: string[], env: Record<string, string>) => runCli(args, { env });


describe('athlete', () => {
  it('adds and lists athletes; refuses duplicates and implausible values with one line', async () => {
    const env = { XDG_DATA_HOME: tempDir(), TZ: 'UTC' };
    const add = await run(['athlete', 'add', 'Ann', '--2k', '7:05', '--hrmax', '192', '--weight', '68.5'], env);
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('added athlete Ann (2k 7:05, HRmax 192, 68.5 kg)\n');
    expect((await run(['athlete', 'add', 'Bo'], env)).code).toBe(0);
    const list = JSON.parse((await run(['athlete', 'list', '--json'], env)).stdout) as { athletes: Record<string, unknown>[] };
    expect(list.athletes.map((a) => ({ ...a, created: typeof a.created }))).toEqual([
      { name: 'Ann', time2kS: 425, hrmax: 192, weightKg: 68.5, created: 'string' },
      { name: 'Bo', time2kS: null, hrmax: null, weightKg: null, created: 'string' },
    ]);
    expect((await run(['athlete', 'list'], env)).stdout).toMatch(/^name\s+2k\s+HRmax\s+weight\s+added\nAnn\s+7:05\s+192\s+68\.5 kg/);
    // refusals write nothing, so they can run side by side
    const [dup, far, word, hr, kg] = await Promise.all(
      [['ANN'], ['Cy', '--2k', '70:05'], ['Cy', '--2k', 'fast'], ['Cy', '--hrmax', '250'], ['Cy', '--weight', '12']].map((a) => run(['athlete', 'add', ...a], env)),
    );
    expectOneLineError(dup!, /an athlete named "ANN" already exists/);
    expectOneLineError(far!, /--2k: 70:05 is not a plausible 2k time/);
    expectOneLineError(word!, /--2k: "fast" is not a 2k time/);
    expectOneLineError(hr!, /--hrmax "250": give a whole number from 100 to 230 bpm/);
    expectOneLineError(kg!, /--weight "12": give a number from 30 to 200 kg/);
    expect((JSON.parse((await run(['athlete', 'list', '--json'], env)).stdout) as { athletes: unknown[] }).athletes).toHaveLength(2);
  });
});
