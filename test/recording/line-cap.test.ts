/**
 * Issue 15 #4: the reader caps line length (MAX_LINE_BYTES, 1 MiB) and reads in linear time. A
 * longer line is `file:line: line longer than N bytes`, raised as soon as the cap is passed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../src/recording/recording-error.js';
import { MAX_LINE_BYTES, parseRecording, readRecording } from '../../src/recording/reader.js';

const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00Z","source":"ble","rowers":[{"id":"a","name":"PM5"}]}';
const F = (t: number, hex = '0000'): string => `{"t":${t},"r":"a","c":"2ad1","d":"${hex}"}`;
/** A frame line of exactly `bytes` bytes (hex payload, padded with a space before the `}`). */
const frameOfBytes = (bytes: number): string => {
  const need = bytes - F(1, '').length;
  return `${F(1, '00'.repeat(Math.floor(need / 2))).slice(0, -1)}${' '.repeat(need % 2)}}`;
};

const write = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-cap-')), name);
  writeFileSync(path, text);
  return path;
};

const errorOf = async (p: Promise<unknown>): Promise<RecordingError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordingError);
  return err as RecordingError;
};

describe('the line-length cap', () => {
  it('is 1 MiB', () => expect(MAX_LINE_BYTES).toBe(1024 * 1024));

  it('a 4 MB line fails fast with file:line: line longer than 1048576 bytes', async () => {
    const path = write('long.ndjson', `${H}\n${F(0)}\n${F(1, '00'.repeat(2_000_000))}\n${F(2)}\n`);
    const started = performance.now();
    const err = await errorOf(readRecording(path));
    expect(performance.now() - started).toBeLessThan(1000);
    expect([err.code, err.line, err.message]).toEqual(['LINE_TOO_LONG', 3, `${path}:3: line longer than 1048576 bytes`]);
  });

  it('a line of exactly the cap is read; one byte more is refused (streamed across 256 kB chunks)', async () => {
    const ok = frameOfBytes(MAX_LINE_BYTES);
    expect(Buffer.byteLength(ok)).toBe(MAX_LINE_BYTES);
    const rec = await readRecording(write('at-cap.ndjson', `${H}\n${F(0)}\n${ok}\n${F(2)}\n`));
    expect(rec.items).toHaveLength(3);
    expect((rec.items[1] as { bytes: Uint8Array }).bytes.length).toBe(Math.floor((MAX_LINE_BYTES - F(1, '').length) / 2));
    const over = frameOfBytes(MAX_LINE_BYTES + 1);
    expect(Buffer.byteLength(over)).toBe(MAX_LINE_BYTES + 1);
    const err = await errorOf(readRecording(write('over-cap.ndjson', `${H}\n${over}\n`)));
    expect([err.code, err.line]).toEqual(['LINE_TOO_LONG', 2]);
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const name = 'é'.repeat(200); // 400 bytes
    const line = `{"type":"event","t":0,"r":"a","event":"connected","name":"${name}"}`;
    const limit = line.length + 10; // enough characters, too few bytes
    const err = await errorOf(readRecording(write('utf8.ndjson', `${H}\n${line}\n`), { maxLineBytes: limit }));
    expect(err.message).toContain(`:2: line longer than ${limit} bytes`);
    expect(() => parseRecording(`${H}\n${line}\n`, 'x.ndjson', limit)).toThrow(`x.ndjson:2: line longer than ${limit} bytes`);
    expect((await readRecording(write('utf8-ok.ndjson', `${H}\n${line}\n`), { maxLineBytes: Buffer.byteLength(line) })).items).toHaveLength(1);
  });

  it('an over-long header or unterminated last line is refused too (not taken for a torn write)', async () => {
    const longHeader = H.replace('"PM5"', `"${'x'.repeat(MAX_LINE_BYTES)}"`);
    const err = await errorOf(readRecording(write('header.ndjson', `${longHeader}\n`)));
    expect([err.code, err.line]).toEqual(['LINE_TOO_LONG', 1]);
    const last = await errorOf(readRecording(write('last.ndjson', `${H}\n${F(0)}\n${F(1, '00'.repeat(MAX_LINE_BYTES))}`)));
    expect([last.code, last.line]).toEqual(['LINE_TOO_LONG', 3]);
    expect(() => parseRecording(`${H}\n${F(0)}\n${F(1, '00'.repeat(MAX_LINE_BYTES))}`, 'x.ndjson')).toThrow('x.ndjson:3: line longer than 1048576 bytes');
  });

  it('under a raised cap, a 24 MB line is joined intact from ~100 chunks', async () => {
    const hex = 'ab'.repeat(12_000_000);
    const path = write('raised.ndjson', `${H}\n${F(0)}\n${F(1, hex)}\n${F(2)}\n`);
    const rec = await readRecording(path, { maxLineBytes: 32 * 1024 * 1024 });
    const bytes = (rec.items[1] as { bytes: Uint8Array }).bytes;
    expect(bytes.length).toBe(12_000_000);
    expect(bytes.every((b) => b === 0xab)).toBe(true);
    expect(rec.items).toHaveLength(3);
  });
});
