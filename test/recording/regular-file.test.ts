/** Issue 15 #6: files are opened only when regular (a FIFO cannot block, a directory gives a one-line reason). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../src/recording/reader.js';
import { RecordingError } from '../../src/recording/recording-error.js';
import { FileOpenError, readTextFile } from '../../src/recording/regular-file.js';
import { fifoIn, scratchDir, thrown } from '../file-helpers.js';

const dir = scratchDir;

describe('readTextFile: regular files only', () => {
  it('a FIFO with no writer is refused at once (it used to block forever)', () => {
    const p = fifoIn(dir(), 'plan.json');
    const err = thrown(() => readTextFile(p)) as FileOpenError;
    expect(err).toBeInstanceOf(FileOpenError);
    expect([err.code, err.message]).toEqual(['NOT_A_FILE', `${p}: is a FIFO (named pipe), not a regular file`]);
  });
  it('a directory and a missing file give one-line reasons', () => {
    const d = dir();
    mkdirSync(join(d, 'sub.json'));
    expect((thrown(() => readTextFile(join(d, 'sub.json'))) as Error).message).toBe(`${join(d, 'sub.json')}: is a directory, not a regular file`);
    const missing = thrown(() => readTextFile(join(d, 'nope.json'))) as FileOpenError;
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', `${join(d, 'nope.json')}: no such file`]);
    expect((thrown(() => readTextFile(join(d, 'nope', 'x.json'))) as FileOpenError).code).toBe('NOT_FOUND');
  });
  it('a device is refused; a file over the size cap is TOO_BIG', () => {
    expect((thrown(() => readTextFile('/dev/zero')) as Error).message).toBe('/dev/zero: is a device, not a regular file');
    const p = join(dir(), 'big.json');
    writeFileSync(p, 'x'.repeat(101));
    expect((thrown(() => readTextFile(p, 100)) as FileOpenError).code).toBe('TOO_BIG');
    expect(readTextFile(p, 101)).toBe('x'.repeat(101));
  });
});

describe('readRecording: regular files only', () => {
  it('a recording that is a FIFO or a directory is READ_FAILED, at once', async () => {
    const d = dir();
    const fifo = fifoIn(d, 'rec.ndjson');
    const err = (await readRecording(fifo).catch((e: unknown) => e)) as RecordingError;
    expect(err).toBeInstanceOf(RecordingError);
    expect([err.code, err.message]).toEqual(['READ_FAILED', `${fifo}: is a FIFO (named pipe), not a regular file`]);
    const derr = (await readRecording(d).catch((e: unknown) => e)) as RecordingError;
    expect(derr.message).toBe(`${d}: is a directory, not a regular file`);
  });
});
