import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeclaredTime, RowTimeError } from '../../src/analysis/reference.js';
import { CliError } from '../../src/cli-error.js';
import { bleCliError } from '../../src/commands/ble-errors.js';
import { cliError, EXIT, EXIT_CODE_OF } from '../../src/commands/exit-codes.js';
import { readRecording } from '../../src/recording/reader.js';
import { RecordingError } from '../../src/recording/recording-error.js';
import { BleError } from '../../src/sources/ble/errors.js';

const thrown = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
};

describe('exit codes: one table from typed error codes', () => {
  it('BLE errors get the codes the README promises: 3 no adapter, 4 permission, 5 nothing found, 6 not FTMS', () => {
    const codes = Object.fromEntries((['NO_BLUETOOTH', 'ADAPTER_OFF', 'ADAPTER_TIMEOUT', 'PERMISSION', 'TIMEOUT', 'NO_ROWER', 'NOT_FTMS'] as const).map((c) => [c, (bleCliError(new BleError(c, 'x')) as CliError).exitCode]));
    expect(codes).toEqual({ NO_BLUETOOTH: 3, ADAPTER_OFF: 3, ADAPTER_TIMEOUT: 3, PERMISSION: 4, TIMEOUT: 5, NO_ROWER: 5, NOT_FTMS: 6 });
  });

  it('a recording that cannot be read is bad input (2), the message kept whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-exit-'));
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, 'not a header\n');
    const err = await thrown(() => readRecording(bad));
    expect(err).toBeInstanceOf(RecordingError);
    const cli = cliError(err as RecordingError);
    expect(cli).toBeInstanceOf(CliError);
    expect(cli.exitCode).toBe(EXIT.badInput);
    expect(cli.message).toBe((err as Error).message);
  });

  it('a prefix names the flag', async () => {
    const err = await thrown(() => parseDeclaredTime('70:05', '2k'));
    expect(err).toBeInstanceOf(RowTimeError);
    expect(cliError(err as RowTimeError, '--ref-2k: ').message).toMatch(/^--ref-2k: /);
  });

  it('only bad input, BLE and "decode failed" statuses exist, each distinct and small', () => {
    expect(Object.values(EXIT)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(Object.values(EXIT_CODE_OF))).toEqual(new Set([2, 3, 4, 5, 6]));
  });
});
