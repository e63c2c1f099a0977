/**
 * A whole recording → one export input per rower: the analysis `analyze` runs (instant replay,
 * same plan and verdict options), then each rower's samples and strokes. The seam the export
 * command and importers' round-trip tests call before `exportFit` / `exportTcx` / `exportRowingDataCsv`.
 */
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { analyzeRecording, type RecordingLike } from '../pipeline/analyze-recording.js';
import { replay$ } from '../sources/replay.js';
import type { Plan } from '../workouts/plan.js';
import { exportInputs, type ExportInput } from './export-input.js';

export interface ExportAnalysisOptions {
  verdict?: SessionOptions;
  plan?: Plan;
}

export function exportInputsOfRecording(recording: RecordingLike, opts: ExportAnalysisOptions = {}): ExportInput[] {
  const analysis = analyzeRecording(recording, { ...opts, source$: replay$(recording.items, { speed: 'instant' }) });
  return exportInputs(recording, analysis, opts.plan !== undefined);
}
