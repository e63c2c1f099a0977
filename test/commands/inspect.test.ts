import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import type { Frame, RowerEvent } from '../../src/ftms/frame.js';
import { encodeRowerData } from '../../src/ftms/rower-data.js';
import { hexToBytes } from '../../src/recording/format.js';
import { serializeRecording } from '../../src/recording/writer.js';

const fr = (t: number, rower: string, char: string, bytes: Uint8Array): Frame => ({ kind: 'frame', t, rower, char, bytes });
// Rower Data, FTMS §4.8, hand-annotated:
//   2c00     flags 0x002c: bit0=0 (stroke rate+count present), bit2 distance, bit3 pace, bit5 power
//   30       stroke rate 48 × 0.5 = 24.0 spm
//   0a00     stroke count 10
//   320000   distance 50 m (uint24)
//   6900     pace 105 s/500m = 1:45
//   2e01     power 302 W
const A0 = hexToBytes('2c00300a0032000069002e01');
const items: Array<Frame | RowerEvent> = [
  fr(0, 'a', '2ad1', A0),
  fr(1000, 'a', '2a37', hexToBytes('0096')), // HR Measurement: flags 0 (u8), 150 bpm
  fr(1500, 'a', '2ad1', encodeRowerData({ strokeRate: 30.5, strokeCount: 12, distanceM: 61, paceS500: 98, powerW: 415 })),
  fr(2000, 'b', '2ad1', encodeRowerData({ strokeRate: 20, strokeCount: 3, distanceM: 7, paceS500: 150, powerW: 120, heartRate: 0 })),
  { kind: 'event', t: 2500, rower: 'a', event: 'disconnected' },
  fr(2600, 'b', 'fff1', hexToBytes('beef')),
  fr(2700, 'b', '2ad1', hexToBytes('00')), // too short: dropped by the decoder
];
const header = { startedAt: '2026-11-21T19:00:00.000Z', source: 'simulator' as const, rowers: [{ id: 'a', name: 'PM5 1' }, { id: 'b', name: 'Sim B' }] };

function recordingFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-inspect-')), 'rec.ndjson');
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(['node', 'ergsprint', 'inspect', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}
afterEach(() => vi.restoreAllMocks());

const cells = (line: string | undefined): string[] => (line ?? '').trim().split(/\s+/);
const rowAt = (out: string, t: string, rower: string): string | undefined => out.split('\n').find((l) => cells(l)[0] === t && cells(l)[1] === rower);

describe('ergsprint inspect', () => {
  it('prints the header, one decoded line per sample, events and a summary', async () => {
    const file = recordingFile(serializeRecording(header, items));
    const { code, out } = await run(file);
    expect(code).toBe(0);
    expect(out).toContain('started  2026-11-21T19:00:00.000Z');
    expect(out).toContain('source   simulator');
    expect(out).toContain('rowers   a (PM5 1), b (Sim B)');
    // t, rower, power W, rate spm, strokes, dist m, pace /500m, HR
    expect(cells(rowAt(out, '0:00.0', 'a'))).toEqual(['0:00.0', 'a', '302', '24.0', '10', '50', '1:45', '-']);
    expect(cells(rowAt(out, '0:01.5', 'a'))).toEqual(['0:01.5', 'a', '415', '30.5', '12', '61', '1:38', '150']); // strap HR
    expect(cells(rowAt(out, '0:02.0', 'b'))).toEqual(['0:02.0', 'b', '120', '20.0', '3', '7', '2:30', '-']); // HR 0 = no sensor
    expect(rowAt(out, '0:02.5', 'a')).toContain('[disconnected]');
    expect(rowAt(out, '0:02.7', 'b')).toContain('[undecodable 2ad1 00]');
    // Columns are aligned: the header and every sample row have the same width, right-aligned numbers.
    const lines = out.split('\n');
    const head = lines.find((l) => l.trimStart().startsWith('t  rower'));
    expect(head).toBeDefined();
    for (const [t, r] of [['0:00.0', 'a'], ['0:01.5', 'a'], ['0:02.0', 'b']] as const) expect(rowAt(out, t, r)!.length).toBe(head!.length);
    expect(rowAt(out, '0:00.0', 'a')!.indexOf('302') + 3).toBe(head!.indexOf('power W') + 'power W'.length);
    // Summary
    expect(out).toMatch(/duration\s+0:02\.7/);
    expect(out).toMatch(/frames\s+6: 2ad1 ×4, 2a37 ×1, fff1 ×1/);
    expect(out).toMatch(/events\s+disconnected ×1/);
    expect(out).toMatch(/samples\s+3\b/);
    expect(out).toMatch(/undecodable\s+1 frames/);
    expect(out).toMatch(/torn last line\s+no/);
  });

  it('--rower filters, --limit caps the table, --raw prints frames as hex', async () => {
    const file = recordingFile(serializeRecording(header, items));
    const b = (await run(file, '--rower', 'b')).out;
    expect(rowAt(b, '0:02.0', 'b')).toBeDefined();
    expect(rowAt(b, '0:00.0', 'a')).toBeUndefined();
    expect(b).toMatch(/frames\s+3: 2ad1 ×2, fff1 ×1/);

    const limited = (await run(file, '--limit', '1')).out;
    expect(rowAt(limited, '0:00.0', 'a')).toBeDefined();
    expect(rowAt(limited, '0:01.5', 'a')).toBeUndefined();
    expect(limited).toContain('... 4 more rows'); // 5 rows (3 samples, 1 event, 1 undecodable) − 1 shown

    const raw = (await run(file, '--raw')).out;
    expect(cells(rowAt(raw, '0:00.0', 'a'))).toEqual(['0:00.0', 'a', '2ad1', '2c00300a0032000069002e01']);
    expect(cells(rowAt(raw, '0:01.0', 'a'))).toEqual(['0:01.0', 'a', '2a37', '0096']);
    expect(cells(rowAt(raw, '0:02.6', 'b'))).toEqual(['0:02.6', 'b', 'fff1', 'beef']);
  });

  it('prints tables longer than the call-stack limit (150k rows)', async () => {
    const many = Array.from({ length: 150_000 }, (_, i) => fr(i, 'a', 'fff1', Uint8Array.of(i & 0xff)));
    const { code, out } = await run(recordingFile(serializeRecording(header, many)), '--raw');
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => / a +fff1 +[0-9a-f]{2}$/.test(l))).toHaveLength(150_000);
  });

  it('lists rowers that connected after the header was written (live recordings)', async () => {
    const live = { startedAt: '2026-11-21T19:00:00.000Z', source: 'ble' as const, rowers: [] };
    const { out } = await run(recordingFile(serializeRecording(live, [{ kind: 'event', t: 40, rower: 'e4:11', event: 'connected', name: 'PM5 430' }])));
    expect(out).toContain('rowers   e4:11 (PM5 430) [connected later]');
  });

  it('reports a torn last line in the summary', async () => {
    const file = recordingFile(serializeRecording(header, items.slice(0, 1)) + '{"t":5,"r":"a","c":"2a');
    const { code, out } = await run(file);
    expect(code).toBe(0);
    expect(out).toMatch(/torn last line\s+yes/);
  });

  it('a bad recording exits 2 with one line "file:line: reason"', async () => {
    const text = serializeRecording(header, items.slice(0, 2)) + '{"t":3000,"r":"a","c":"2ad1","d":"xyz"}\n' + serializeRecording(header, items.slice(2, 3)).split('\n')[1] + '\n';
    const file = recordingFile(text);
    const { code, out, err } = await run(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`ergsprint: ${file}:4: d is not hex (expected an even number of 0-9a-f digits)\n`);
  });

  it('a missing file exits 2 with a clear message', async () => {
    const file = join(tmpdir(), 'ergsprint-no-such-dir', 'gone.ndjson');
    const { code, err } = await run(file);
    expect(code).toBe(2);
    expect(err).toBe(`ergsprint: ${file}: no such file\n`);
  });

  it('rejects a bad --limit', async () => {
    const { code, err } = await run(recordingFile(serializeRecording(header, [])), '--limit', 'lots');
    expect(code).toBe(2);
    expect(err).toContain('--limit must be a non-negative integer');
  });
});
