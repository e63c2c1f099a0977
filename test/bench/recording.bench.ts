import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import type { Frame } from '../../src/ftms/frame.js';
import { readRecording } from '../../src/recording/reader.js';
import { serializeRecording } from '../../src/recording/writer.js';

// ~100k frames (~6 MB): an hour of one rower at 4 Hz plus HR, several times over.
const frames: Frame[] = Array.from({ length: 100_000 }, (_, i) => ({
  kind: 'frame',
  t: i * 250,
  rower: i % 2 === 0 ? 'aa:bb:cc:dd:ee:01' : 'aa:bb:cc:dd:ee:02',
  char: i % 4 === 3 ? '2a37' : '2ad1',
  bytes: Uint8Array.from({ length: 20 }, (_, k) => (i * 7 + k) & 0xff),
}));
const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-bench-')), 'big.ndjson');
writeFileSync(path, serializeRecording({ startedAt: '2026-11-21T19:00:00Z', source: 'ble', rowers: [] }, frames));

describe('recording', () => {
  bench('readRecording, 100k frames (~6 MB)', async () => {
    await readRecording(path);
  });
  bench('serializeRecording, 100k frames', () => {
    serializeRecording({ startedAt: '2026-11-21T19:00:00Z', source: 'ble', rowers: [] }, frames);
  });
});
