/**
 * Wiring of `export`: a whole recording → one export input per rower: the analysis `analyze` runs
 * (instant replay, same plan and verdict options), then each rower's samples and strokes (src/export/
 * turns those into files). Importers' round-trip tests call it before `encodeFit` / `exportTcx` /
 * `exportRowingDataCsv`.
 */
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { analyzeRecording, type RecordingLike } from '../pipeline/analyze-recording.js';
import { replay$ } from '../sources/replay.js';
import type { Plan } from '../workouts/plan.js';
import { exportInputs, type ExportInput } from '../export/export-input.js';

export interface ExportAnalysisOptions {
  verdict?: SessionOptions;
  plan?: Plan;
}

export function exportInputsOfRecording(recording: RecordingLike, opts: ExportAnalysisOptions = {}): ExportInput[] {
  const analysis = analyzeRecording(recording, { ...opts, source$: replay$(recording.items, { speed: 'instant' }) });
  return exportInputs(recording, analysis, opts.plan !== undefined);
}
