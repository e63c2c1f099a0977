import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { RecordingWriteError } from '../../src/recording/recording-error.js';
import { parseRecording, readRecording } from '../../src/recording/reader.js';
import { openRecording, serializeRecording } from '../../src/recording/writer.js';

const header: RecordingHeader = {
  startedAt: '2026-11-21T19:00:00.000Z',
  source: 'ble',
  rowers: [{ id: 'aa:bb', name: 'PM5 430' }],
};
const frame = (t: number, rower: string, char: string, bytes: number[]): Frame => ({ kind: 'frame', t, rower, char, bytes: Uint8Array.from(bytes) });
const items: Array<Frame | RowerEvent> = [
  frame(0, 'aa:bb', '2ad1', [0x2c, 0x0b, 0x00, 0x00, 0xff, 0xff]),
  frame(0, 'cc', '2a37', [0x00, 0x8c]), // interleaved rower, same t
  frame(1012.5, 'aa:bb', '2ad1', []), // empty payload, fractional ms
  { kind: 'event', t: 1500, rower: 'cc', event: 'connected', name: 'Wahoo TICKR' },
  frame(2000, 'aa:bb', 'fff1', [0xde, 0xad]), // unknown characteristic kept
  frame(2001, 'aa:bb', '6e400003-b5a3-f393-e0a9-e50e24dcca9e', [0x01]), // 128-bit unknown kept
  { kind: 'event', t: 5230, rower: 'aa:bb', event: 'disconnected' },
  { kind: 'event', t: 5231, rower: 'aa:bb', event: 'battery-low' }, // unknown event kept
];
const tmp = (): string => mkdtempSync(join(tmpdir(), 'ergsprint-rec-'));

describe('recording round trip', () => {
  it('write → read gives identical header, frames (bytes, t, rower, char) and events', async () => {
    const path = join(tmp(), 'nested', 'dir', 's.ndjson'); // parent dirs are created
    const w = openRecording(path, header);
    for (const item of items) w.write(item);
    w.close();
    expect(w.path).toBe(path);
    const rec = await readRecording(path);
    expect(rec.header).toEqual(header);
    expect(rec.items).toEqual(items);
    expect(rec.tornLastLine).toBe(false);
    const f = rec.items[0] as Frame;
    expect(Array.from(f.bytes)).toEqual([0x2c, 0x0b, 0x00, 0x00, 0xff, 0xff]);
  });

  it('writes exactly the contract lines, which serializeRecording reproduces', () => {
    const path = join(tmp(), 's.ndjson');
    const w = openRecording(path, header);
    for (const item of items.slice(0, 2)) w.write(item);
    w.write(items[6]!);
    w.close();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(
      '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00.000Z","source":"ble","rowers":[{"id":"aa:bb","name":"PM5 430"}]}\n' +
        '{"t":0,"r":"aa:bb","c":"2ad1","d":"2c0b0000ffff"}\n' +
        '{"t":0,"r":"cc","c":"2a37","d":"008c"}\n' +
        '{"type":"event","t":5230,"r":"aa:bb","event":"disconnected"}\n',
    );
    expect(serializeRecording(header, [items[0]!, items[1]!, items[6]!])).toBe(text);
  });

  it('parseRecording reads serializeRecording output back, and accepts upper-case hex, CRLF and blank lines', () => {
    expect(parseRecording(serializeRecording(header, items), 'x').items).toEqual(items);
    const text = serializeRecording(header, []).replace('\n', '\r\n') + '\n{"t":3,"r":"a","c":"2ad1","d":"0A0b"}\r\n\n';
    const rec = parseRecording(text, 'x');
    expect(rec.items).toEqual([frame(3, 'a', '2ad1', [0x0a, 0x0b])]);
  });

  it('accepts a header with no rowers yet (live rowers connect later)', () => {
    const h: RecordingHeader = { startedAt: '2026-11-21T19:00:00Z', source: 'simulator', rowers: [] };
    expect(parseRecording(serializeRecording(h, []), 'x')).toEqual({ header: h, items: [], tornLastLine: false });
  });

  it('refuses to overwrite an existing file unless asked', () => {
    const path = join(tmp(), 's.ndjson');
    writeFileSync(path, 'precious');
    expect(() => openRecording(path, header)).toThrow(RecordingWriteError);
    try {
      openRecording(path, header);
    } catch (err) {
      expect((err as RecordingWriteError).code).toBe('EXISTS');
    }
    expect(readFileSync(path, 'utf8')).toBe('precious');
    openRecording(path, header, { overwrite: true }).close();
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"type":"header"/);
  });

  it('rejects items the reader would reject, and writes after close', () => {
    const w = openRecording(join(tmp(), 's.ndjson'), header);
    const code = (fn: () => void): string | undefined => {
      try {
        fn();
      } catch (err) {
        return (err as RecordingWriteError).code;
      }
      return undefined;
    };
    expect(code(() => w.write(frame(-1, 'a', '2ad1', [])))).toBe('BAD_ITEM');
    expect(code(() => w.write(frame(1, '', '2ad1', [])))).toBe('BAD_ITEM');
    expect(code(() => w.write(frame(1, 'a', '2AD1', [])))).toBe('BAD_ITEM');
    w.write(frame(10, 'a', '2ad1', []));
    expect(code(() => w.write(frame(9, 'a', '2ad1', [])))).toBe('TIME_BACKWARDS');
    w.close();
    expect(code(() => w.write(frame(11, 'a', '2ad1', [])))).toBe('CLOSED');
  });

  it('a small file read whole and the same file streamed give the same recording (every fixture; BOM, CRLF, torn last line)', async () => {
    const fixtures = join(import.meta.dirname, '../../fixtures');
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.ndjson')).map((f) => join(fixtures, f));
    const text = serializeRecording(header, items);
    const dir = tmp();
    const odd = [
      ['bom.ndjson', `\uFEFF${text}`],
      ['crlf.ndjson', text.replace(/\n/g, '\r\n')],
      ['torn.ndjson', `${text}{"t":6000,"r":"aa:bb","c":"2ad1","d":"2c`],
    ].map(([name, body]) => {
      const path = join(dir, name!);
      writeFileSync(path, body!);
      return path;
    });
    expect(files.length).toBeGreaterThan(20);
    for (const path of [...files, ...odd]) {
      const whole = await readRecording(path);
      const streamed = await readRecording(path, { wholeFileBytes: 0 });
      expect(whole, path).toEqual(streamed);
      expect(whole.items.length, path).toBeGreaterThan(0);
    }
    expect((await readRecording(odd[2]!)).tornLastLine).toBe(true);
  });

  it('reports progress up to the file size', async () => {
    const path = join(tmp(), 's.ndjson');
    writeFileSync(path, serializeRecording(header, items));
    const calls: Array<[number, number]> = [];
    const size = readFileSync(path).length;
    for (const wholeFileBytes of [size, 0]) {
      calls.length = 0;
      await readRecording(path, { wholeFileBytes, onProgress: (a, b) => calls.push([a, b]) });
      expect(calls.at(-1), `whole up to ${wholeFileBytes} bytes`).toEqual([size, size]);
    }
  });
});
