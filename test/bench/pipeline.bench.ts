/**
 * Throughput of the whole per-rower pipeline in instant mode (frames → verdicts) against decoding
 * alone (frames → samples with the FTMS assembler), over every committed labelled fixture. It runs
 * the built JavaScript in dist/ — what `ergsprint analyze` and `replay` execute — because vitest's
 * module runner adds a cost to every call across modules that the shipped code does not pay
 * (`npm run bench` builds first). frames/s = ops/s × the frame count in the bench name.
 * Target: whole pipeline ≥ 500 000 frames/s; the ratio to decode-only goes in the README.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';

type Merge = typeof import('../../src/ftms/merge.js');
type Analyze = typeof import('../../src/pipeline/analyze-recording.js');
type Reader = typeof import('../../src/recording/reader.js');
type Replay = typeof import('../../src/sources/replay.js');

const dist = join(import.meta.dirname, '../../dist/');
if (!existsSync(join(dist, 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
const load = async <T>(path: string): Promise<T> => (await import(join(dist, path))) as T;
const { createSampleAssembler } = await load<Merge>('ftms/merge.js');
const { analyzeRecording } = await load<Analyze>('pipeline/analyze-recording.js');
const { parseRecording } = await load<Reader>('recording/reader.js');
const { replay$ } = await load<Replay>('sources/replay.js');

const dir = join(import.meta.dirname, '../../fixtures');
const recordings = readdirSync(dir)
  .filter((f) => f.endsWith('.ndjson'))
  .sort()
  .map((f) => parseRecording(readFileSync(join(dir, f), 'utf8'), f));
const frameCount = recordings.reduce((n, r) => n + r.items.filter((x) => x.kind === 'frame').length, 0);

/** The pipeline's code reaches its optimised tier after ~10 passes over the fixtures (measured: ~380k → ~600k frames/s). */
const opts = { warmupIterations: 12, warmupTime: 0, iterations: 15, time: 0 };

describe(`pipeline over the ${recordings.length} fixtures (${frameCount} frames per op)`, () => {
  bench('decode only (assembler)', () => {
    let n = 0;
    for (const rec of recordings) {
      const asm = new Map<string, ReturnType<typeof createSampleAssembler>>();
      for (const f of rec.items) {
        if (f.kind !== 'frame') continue;
        let a = asm.get(f.rower);
        if (a === undefined) asm.set(f.rower, (a = createSampleAssembler()));
        n += a.push(f).length;
      }
      for (const a of asm.values()) n += a.flush(Number.POSITIVE_INFINITY).length;
    }
    if (n === 0) throw new Error('no samples');
  }, opts);

  bench('whole pipeline, instant replay', () => {
    let intervals = 0;
    for (const rec of recordings) {
      const r = analyzeRecording(rec, { source$: replay$(rec.items, { speed: 'instant' }) });
      for (const rower of r.rowers) intervals += rower.intervals.length;
    }
    if (intervals === 0) throw new Error('no intervals');
  }, opts);
});
