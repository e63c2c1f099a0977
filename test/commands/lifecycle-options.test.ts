/** `--idle-end DURATION` and `--athlete NAME=ROWER`: parsed and range-checked, bad input is exit 2 with one line. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { CliError } from '../../src/cli-error.js';
import { parseAthleteFlag, parseIdleEnd } from '../../src/commands/lifecycle-options.js';

afterEach(() => vi.restoreAllMocks());

describe('--idle-end', () => {
  it.each([
    [undefined, 300_000],
    ['5m', 300_000],
    ['90s', 90_000],
    ['90', 90_000],
    ['1h30m', 5_400_000],
    ['2m30s', 150_000],
    ['0.5m', 30_000],
    ['24h', 86_400_000],
  ])('%s → %d ms', (text, ms) => expect(parseIdleEnd(text)).toBe(ms));

  it.each(['', 'soon', '5x', '10s', '29s', '25h', '-5m', '5ms', 'm'])('rejects "%s"', (text) => {
    expect(() => parseIdleEnd(text)).toThrow(CliError);
  });

  it('replay with a bad --idle-end exits 2 with one line', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    expect(await main(['node', 'ergsprint', 'replay', 'fixtures/hiit-held.ndjson', '--port', '0', '--idle-end', '10s'])).toBe(2);
    expect(err.join('')).toBe('ergsprint: --idle-end must be from 30s to 24h (got "10s")\n');
  });
});

describe('--athlete', () => {
  it('NAME=ROWER, the rower as in --hr', () => {
    expect(parseAthleteFlag('Ada=PM5')).toEqual({ athlete: 'Ada', rower: 'PM5' });
    expect(parseAthleteFlag(' Ada Lovelace = e7:51:00:00:00:01 ')).toEqual({ athlete: 'Ada Lovelace', rower: 'e7:51:00:00:00:01' });
  });
  it.each(['Ada', '=PM5', 'Ada=', `${'x'.repeat(81)}=PM5`])('rejects "%s"', (text) => expect(() => parseAthleteFlag(text)).toThrow(CliError));

  it('live with a bad --athlete exits 2 with one line, before touching Bluetooth', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    expect(await main(['node', 'ergsprint', 'live', '--port', '0', '--athlete', 'Ada'])).toBe(2);
    expect(err.join('')).toBe('ergsprint: --athlete wants NAME=ROWER, e.g. Ada=PM5 (got "Ada")\n');
  });
});
