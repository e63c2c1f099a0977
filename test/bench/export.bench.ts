/**
 * Export throughput on a 30-minute HIIT session (fixtures/hiit-allout.ndjson: ≈ 1 850 records at
 * 1 Hz, 17 laps), built JavaScript from dist/ (like pipeline.bench.ts). records/s = ops/s × the
 * record count in the bench name. FIT with its decode-back lint against FIT alone shows what the
 * check costs; TCX and CSV for comparison. Figures go to the README "Export" section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';

type Rec = typeof import('../../src/commands/export-inputs.js');
type Fit = typeof import('../../src/export/fit.js');
type Tcx = typeof import('../../src/export/tcx.js');
type Csv = typeof import('../../src/export/rowingdata-csv.js');
type Tl = typeof import('../../src/export/timeline.js');
type Reader = typeof import('../../src/recording/reader.js');

const dist = join(import.meta.dirname, '../../dist/');
if (!existsSync(join(dist, 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
const load = async <T>(path: string): Promise<T> => (await import(join(dist, path))) as T;
const { exportInputsOfRecording } = await load<Rec>('commands/export-inputs.js');
const { encodeFit } = await load<Fit>('export/fit.js');
const { exportTcx } = await load<Tcx>('export/tcx.js');
const { exportRowingDataCsv } = await load<Csv>('export/rowingdata-csv.js');
const { timelineOf } = await load<Tl>('export/timeline.js');
const { parseRecording } = await load<Reader>('recording/reader.js');

const file = join(import.meta.dirname, '../../fixtures/hiit-allout.ndjson');
const input = exportInputsOfRecording(parseRecording(readFileSync(file, 'utf8'), file))[0]!;
const records = timelineOf(input).records.length;
const opts = { warmupIterations: 3, warmupTime: 0, iterations: 10, time: 0 };

describe(`export of hiit-allout (${records} records per op)`, () => {
  bench('FIT, encode + decode-back lint', () => {
    encodeFit(input);
  }, opts);
  bench('FIT, encode only', () => {
    encodeFit(input, { lint: false });
  }, opts);
  bench('TCX', () => {
    exportTcx(input);
  }, opts);
  bench('rowingdata CSV', () => {
    exportRowingDataCsv(input);
  }, opts);
});
