import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/ftms/frame.js';
import { readRecording } from '../../src/recording/reader.js';

const writerSrc = fileURLToPath(new URL('../../src/recording/writer.ts', import.meta.url));

/** Payload of frame number i: 20 bytes, each (i + k) & 0xff, so every frame is checkable. */
const payload = (i: number): number[] => Array.from({ length: 20 }, (_, k) => (i + k) & 0xff);

describe('crash safety of the writer', () => {
  it('after SIGKILL mid-write, every frame the writer returned from reads back intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-crash-'));
    // The real writer, bundled to plain JS so a bare `node` child can run it.
    await build({ entryPoints: [writerSrc], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'writer.mjs'), logLevel: 'silent' });
    const out = join(dir, 'rec.ndjson');
    writeFileSync(
      join(dir, 'child.mjs'),
      `import { openRecording } from './writer.mjs';
const w = openRecording(${JSON.stringify(out)}, { startedAt: '2026-11-21T19:00:00Z', source: 'simulator', rowers: [{ id: 'a', name: 'Sim' }] });
const payload = ${payload.toString()};
for (let i = 0; ; i++) {
  w.write({ kind: 'frame', t: i, rower: 'a', char: '2ad1', bytes: Uint8Array.from(payload(i)) });
  if (i % 500 === 0) process.stdout.write('wrote ' + i + '\\n'); // frame i has returned from write()
}
`,
    );
    const child = spawn(process.execPath, [join(dir, 'child.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = -1;
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      let buf = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        for (const m of buf.matchAll(/wrote (\d+)\n/g)) acknowledged = Math.max(acknowledged, Number(m[1]));
        if (acknowledged >= 20000 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    const rec = await readRecording(out);
    expect(rec.items.length).toBeGreaterThan(acknowledged);
    rec.items.forEach((item, i) => {
      const f = item as Frame;
      expect(f.t).toBe(i);
      expect(Array.from(f.bytes)).toEqual(payload(i));
    });
  });
});
