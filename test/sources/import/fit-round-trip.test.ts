/**
 * Issue 11: FIT export → import → analyze gives the same intervals and verdicts as the original
 * recording. The FIT holds 1 Hz records and whole-second laps, and strokes come back counted from
 * cadence, so boundaries are compared within 2 s; kinds, counts and each rep's all-out verdict must
 * be equal.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportInputsOfRecording } from '../../../src/commands/export-inputs.js';
import { exportFit } from '../../../src/export/fit.js';
import { analyzeRecording, type RowerAnalysis } from '../../../src/pipeline/analyze-recording.js';
import { readRecording } from '../../../src/recording/reader.js';
import { importBytes } from '../../../src/sources/import/import-file.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

const main = (r: RowerAnalysis) => r.intervals.filter((iv) => iv.kind === 'work' || iv.kind === 'rest');

describe.each(['hiit-allout.ndjson', 'hiit-held.ndjson'])('%s through FIT and back', (file) => {
  it('gives the same intervals (within 2 s) and the same verdicts', async () => {
    const original = await readRecording(join(FIXTURES, file));
    const [input] = exportInputsOfRecording(original);
    const fit = exportFit(input!);
    const imported = importBytes(fit, { fileName: file.replace('.ndjson', '.fit') });
    expect(imported.format).toBe('fit');
    expect(imported.header.source).toBe('import');

    const before = analyzeRecording(original).rowers[0]!;
    const after = analyzeRecording(imported).rowers[0]!;
    const a = main(before);
    const b = main(after);
    expect(b.map((iv) => iv.kind)).toEqual(a.map((iv) => iv.kind));
    // the FIT's time 0 is the first record, the recording's its first item: compare from the first work interval
    const a0 = a[0]!.start;
    const b0 = b[0]!.start;
    a.forEach((iv, i) => {
      expect(Math.abs(b[i]!.start - b0 - (iv.start - a0)), `start of ${iv.kind} ${iv.index}`).toBeLessThanOrEqual(2000);
      expect(Math.abs(b[i]!.end - b0 - (iv.end - a0)), `end of ${iv.kind} ${iv.index}`).toBeLessThanOrEqual(2000);
    });
    const verdicts = (r: RowerAnalysis) => r.intervals.filter((iv) => iv.kind === 'work').map((iv) => iv.verdict?.allOut);
    expect(verdicts(after)).toEqual(verdicts(before));
    expect(after.summary?.allOut).toBe(before.summary?.allOut);
  });
});
