/**
 * --ref-2k / --ref-500m on every command that judges reps: an impossible or garbled time is a
 * one-line usage error (exit 2) before anything connects, loads or listens.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { referenceArgs, referenceSettings } from '../../src/commands/reference-flags.js';

afterEach(() => vi.restoreAllMocks());

async function stderrOf(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const code = await main(['node', 'ergsprint', ...args]);
  return { code, err: err.join('') };
}

const commands: [string, string[]][] = [
  ['analyze', ['analyze', 'fixtures/hiit-allout.ndjson']],
  ['replay', ['replay', 'fixtures/hiit-allout.ndjson', '--port', '0']],
  ['live', ['live', '--port', '0']],
  ['start', ['start', '--demo', '--port', '0']],
];
const bad: [string, string, RegExp][] = [
  ['--ref-2k', '70:05', /^ergsprint: --ref-2k: 70:05 is not a plausible 2k time: give one between 4:50 and 15:00\n$/],
  ['--ref-2k', 'fast', /^ergsprint: --ref-2k: "fast" is not a 2k time like 7:05 \(M:SS or M:SS\.t\)\n$/],
  ['--ref-2k', '4:30', /^ergsprint: --ref-2k: 4:30 is not a plausible 2k time/],
  ['--ref-2k', '7:05:00', /^ergsprint: --ref-2k: "7:05:00" is not a 2k time/],
  ['--ref-500m', '0:40', /^ergsprint: --ref-500m: 0:40 is not a plausible 500m time: give one between 1:05 and 4:00\n$/],
  ['--ref-500m', '1:32,5', /^ergsprint: --ref-500m: "1:32,5" is not a 500m time/],
  ['--hr-max', '90', /^ergsprint: --hr-max must be a whole number of beats per minute from 100 to 230 \(got "90"\)\n$/],
  ['--hr-max', '185.5', /^ergsprint: --hr-max must be a whole number/],
  ['--hr-max', 'max', /^ergsprint: --hr-max must be a whole number/],
];

describe.each(commands)('%s', (_, args) => {
  it.each(bad)('%s %s → exit 2 with one line', async (flag, value, message) => {
    const { code, err } = await stderrOf([...args, flag, value]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('plausible declared times', () => {
  it.each([
    ['7:05', 425],
    ['4:50', 290],
    ['15:00', 900],
    ['6:59.9', 419.9],
  ])('--ref-2k %s → %f s', (text, s) => expect(referenceSettings({ ref2k: text }).declared2kS).toBeCloseTo(s, 10));
  it.each([
    ['1:32.5', 92.5],
    ['1:05', 65],
    ['4:00', 240],
  ])('--ref-500m %s → %f s', (text, s) => expect(referenceSettings({ ref500m: text }).declared500mS).toBeCloseTo(s, 10));
  it('analyze judges against a plausible 2k', async () => {
    const { code } = await stderrOf(['analyze', 'fixtures/hiit-allout.ndjson', '--ref-2k', '7:05']);
    expect(code).toBe(0);
  });
});

describe('--hr-max: the heart-rate reading of the verdicts', () => {
  it('declares the known maximum, and start hands it on to live', () => {
    expect(referenceSettings({ hrMax: '188' }).hr).toEqual({ maxBpm: 188 });
    expect(referenceSettings({}).hr).toBeUndefined();
    expect(referenceArgs({ ref2k: '7:05', hrMax: '188' })).toEqual(['--ref-2k', '7:05', '--hr-max', '188']);
  });

  it('analyze reads each rep\'s peak heart rate against it (no HR reasons without it)', async () => {
    const reasons = async (extra: string[]): Promise<string[]> => {
      let out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
      expect(await main(['node', 'ergsprint', 'analyze', 'fixtures/hiit-held.ndjson', '--json', ...extra])).toBe(0);
      vi.restoreAllMocks();
      const doc = JSON.parse(out) as { rowers: Array<{ intervals: Array<{ verdict?: { reasons: Array<{ code: string; message: string }> } }> }> };
      return doc.rowers[0]!.intervals.flatMap((iv) => iv.verdict?.reasons ?? []).filter((r) => r.code === 'HR').map((r) => r.message);
    };
    expect(await reasons([])).toEqual([]);
    // the fixture's athlete has HR max 190 (fixtures/README.md); with 190 declared some rep reads its peak against it
    const withMax = await reasons(['--hr-max', '190']);
    expect(withMax.length).toBeGreaterThan(0);
    expect(withMax.every((m) => /of your max|max of 190/.test(m))).toBe(true);
  });
});
