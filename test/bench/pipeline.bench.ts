/**
 * Throughput of the whole per-rower pipeline in instant mode (frames → verdicts) against decoding
 * alone (frames → samples with the FTMS assembler), on the hiit-held fixture. frames/s = ops/s ×
 * the frame count in the bench name. Target: whole pipeline ≥ 500 000 frames/s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { parseRecording } from '../../src/recording/reader.js';
import { replay$ } from '../../src/sources/replay.js';

const recording = parseRecording(readFileSync(join(import.meta.dirname, '../../fixtures/hiit-held.ndjson'), 'utf8'), 'hiit-held.ndjson');
const frames = recording.items.filter((x) => x.kind === 'frame');

describe(`pipeline over hiit-held (${frames.length} frames per op)`, () => {
  bench('decode only (assembler)', () => {
    const asm = createSampleAssembler();
    let n = 0;
    for (const f of frames) n += asm.push(f).length;
    n += asm.flush(Number.POSITIVE_INFINITY).length;
    if (n === 0) throw new Error('no samples');
  });

  bench('whole pipeline, instant replay', () => {
    const r = analyzeRecording(recording, { source$: replay$(recording.items, { speed: 'instant' }) });
    if (r.rowers[0]!.intervals.length === 0) throw new Error('no intervals');
  });
});
