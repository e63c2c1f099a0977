/** Analyse an imported recording in memory, through its text form, as `ergsprint analyze` would. */
import { analysisToJson, type AnalysisJson } from '../../../src/export/analysis-json.js';
import { analyzeRecording } from '../../../src/pipeline/analyze-recording.js';
import { parseRecording } from '../../../src/recording/reader.js';
import { serializeRecording } from '../../../src/recording/writer.js';
import type { ImportedRecording } from '../../../src/sources/import/import-file.js';
import { replay$ } from '../../../src/sources/replay.js';

export async function analyzeItems(imported: ImportedRecording): Promise<AnalysisJson> {
  const recording = parseRecording(serializeRecording(imported.header, imported.items), 'import.ndjson');
  return analysisToJson(await analyzeRecording(recording, { verdict: {}, source$: replay$(recording.items, { speed: 'instant' }) }));
}
