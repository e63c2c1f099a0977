import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../src/recording/recording-error.js';
import { parseRecording, readRecording } from '../../src/recording/reader.js';
import { errorOf } from './error-of.js';

const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00Z","source":"ble","rowers":[{"id":"a","name":"PM5"}]}';
const F = (t: number): string => `{"t":${t},"r":"a","c":"2ad1","d":"0000"}`;

describe('recording errors name the file, the 1-based line and the reason', () => {
  const cases: Array<[string, string, RecordingError['code'], number, string]> = [
    ['empty file', '', 'NO_HEADER', 1, 'empty recording: no header line'],
    ['only blank lines', '\n\n', 'NO_HEADER', 1, 'empty recording: no header line'],
    ['first line a frame', `${F(0)}\n`, 'NO_HEADER', 1, 'not an ergsprint recording: the first line is not a header ({"type":"header",...})'],
    ['first line not JSON', 'hello\n', 'NO_HEADER', 1, 'not an ergsprint recording: the first line is not JSON'],
    ['wrong format', `${H.replace('ergsprint-recording', 'other')}\n`, 'BAD_HEADER', 1, 'format must be "ergsprint-recording"'],
    ['bad startedAt', `${H.replace('2026-11-21T19:00:00Z', 'yesterday')}\n`, 'BAD_HEADER', 1, 'startedAt must be an ISO-8601 date-time string'],
    ['bad source', `${H.replace('"ble"', '"usb"')}\n`, 'BAD_HEADER', 1, 'source must be one of ble, simulator, import'],
    ['rower without id', `${H.replace('"id":"a",', '')}\n`, 'BAD_HEADER', 1, 'rowers[0].id must be a non-empty string'],
    ['future version', `${H.replace('"version":1', '"version":2')}\n`, 'BAD_VERSION', 1, 'recording format version 2 is not supported (this ergsprint reads version 1)'],
    ['not JSON in the middle', `${H}\n${F(0)}\n{"t":1,\n${F(2)}\n`, 'BAD_LINE', 3, 'not valid JSON'],
    ['blank lines still count', `${H}\n\n${F(0)}\n\n{"t":-5,"r":"a","c":"2ad1","d":""}\n`, 'BAD_LINE', 5, 't must be a non-negative number'],
    ['d not hex', `${H}\n{"t":1,"r":"a","c":"2ad1","d":"zz"}\n`, 'BAD_LINE', 2, 'd is not hex (expected an even number of 0-9a-f digits)'],
    ['d odd length', `${H}\n{"t":1,"r":"a","c":"2ad1","d":"abc"}\n`, 'BAD_LINE', 2, 'd is not hex (expected an even number of 0-9a-f digits)'],
    ['missing r', `${H}\n{"t":1,"c":"2ad1","d":""}\n`, 'BAD_LINE', 2, 'r must be a non-empty string'],
    ['bad c', `${H}\n{"t":1,"r":"a","c":"heart","d":""}\n`, 'BAD_LINE', 2, 'c must be a lowercase hex UUID like "2ad1"'],
    ['event without name', `${H}\n{"type":"event","t":1,"r":"a"}\n`, 'BAD_LINE', 2, 'event must be a non-empty string'],
    ['unknown line type', `${H}\n{"type":"note","t":1,"r":"a"}\n`, 'BAD_LINE', 2, 'unknown line type "note"'],
    ['second header', `${H}\n${H}\n`, 'BAD_LINE', 2, 'a second header line'],
    ['array line', `${H}\n[1]\n`, 'BAD_LINE', 2, 'line is not a JSON object'],
    ['time backwards', `${H}\n${F(100)}\n${F(99)}\n`, 'TIME_BACKWARDS', 3, 't went backwards: 99 after 100'],
    ['torn header only', H.slice(0, 40), 'NO_HEADER', 1, 'the header line is incomplete (torn write)'],
    ['bad but terminated last line', `${H}\n${F(0)}\n{"t":1,"r"\n`, 'BAD_LINE', 3, 'not valid JSON'],
    ['unterminated last line that parses but is invalid', `${H}\n${F(0)}\n{"t":"x","r":"a","c":"2ad1","d":""}`, 'BAD_LINE', 3, 't must be a non-negative number'],
  ];
  it.each(cases)('%s', (_name, text, code, line, reason) => {
    const err = errorOf(text);
    expect(err.code).toBe(code);
    expect(err.line).toBe(line);
    expect(err.file).toBe('rec.ndjson');
    expect(err.message).toBe(`rec.ndjson:${line}: ${reason}`);
  });
});

describe('torn last line', () => {
  it('an unterminated, unparseable last line is dropped and flagged', () => {
    const rec = parseRecording(`${H}\n${F(0)}\n${F(1)}\n{"t":2,"r":"a","c":"2a`, 'x');
    expect(rec.tornLastLine).toBe(true);
    expect(rec.items.map((i) => i.t)).toEqual([0, 1]);
  });
  it('an unterminated but complete last line is kept', () => {
    const rec = parseRecording(`${H}\n${F(0)}\n${F(1)}`, 'x');
    expect(rec.tornLastLine).toBe(false);
    expect(rec.items.map((i) => i.t)).toEqual([0, 1]);
  });
  it('is tolerated by the streaming reader too, even when cut inside a multi-byte character', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-rec-'));
    const path = join(dir, 'torn.ndjson');
    const whole = Buffer.from(`${H}\n${F(0)}\n{"type":"event","t":3,"r":"a","event":"connected","name":"Ruderé"}\n`);
    writeFileSync(path, whole.subarray(0, whole.length - 4)); // cuts the 2-byte 'é' in half
    const rec = await readRecording(path);
    expect(rec.tornLastLine).toBe(true);
    expect(rec.items).toHaveLength(1);
  });
});

describe('readRecording file errors', () => {
  it('a missing file is NOT_FOUND with a clear message', async () => {
    const path = join(tmpdir(), 'ergsprint-definitely-missing', 'x.ndjson');
    const err = await readRecording(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingError);
    expect((err as RecordingError).code).toBe('NOT_FOUND');
    expect((err as RecordingError).line).toBe(0);
    expect((err as RecordingError).message).toBe(`${path}: no such file`);
  });
  it('an empty file is NO_HEADER at line 1', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-rec-')), 'empty.ndjson');
    writeFileSync(path, '');
    const err = (await readRecording(path).catch((e: unknown) => e)) as RecordingError;
    expect([err.code, err.line, err.message]).toEqual(['NO_HEADER', 1, `${path}:1: empty recording: no header line`]);
  });
  it('a bad line in a file streamed in many chunks gets its correct line number', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-rec-')), 'big.ndjson');
    const lines = [H];
    for (let t = 0; t < 20000; t++) lines.push(F(t)); // ~700 kB: several 256 kB chunks
    lines[15000] = '{"t":14999,"r":"a","c":"2ad1","d":"xyz"}';
    writeFileSync(path, lines.join('\n') + '\n');
    const err = (await readRecording(path).catch((e: unknown) => e)) as RecordingError;
    expect([err.code, err.line]).toEqual(['BAD_LINE', 15001]);
  });
});
