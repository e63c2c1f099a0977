/** The real files of ../shared/realdata/raw/ with their labels, and an import → analyze run over one. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analysisToJson, type AnalysisJson } from '../../../src/export/analysis-json.js';
import { analyzeRecording } from '../../../src/pipeline/analyze-recording.js';
import { serializeRecording } from '../../../src/recording/writer.js';
import { readLabels, type LabelsFile } from '../../../src/recording/labels.js';
import { parseRecording } from '../../../src/recording/reader.js';
import { importBytes, type ImportedRecording } from '../../../src/sources/import/import-file.js';
import { replay$ } from '../../../src/sources/replay.js';

export const REALDATA = join(import.meta.dirname, '../../../../shared/realdata');
export const RAW = join(REALDATA, 'raw');

export interface RealFile {
  /** path of the raw file */
  path: string;
  /** the recording's name in ../shared/realdata (its labels are <name>.labels.json) */
  name: string;
  labels: LabelsFile;
}

/** Every raw file with the labels of the recording made from it (matched by the labels' session.path). */
export function realFiles(): RealFile[] {
  const byBase = new Map<string, string>();
  for (const dir of readdirSync(RAW)) for (const f of readdirSync(join(RAW, dir))) byBase.set(f, join(RAW, dir, f));
  return readdirSync(REALDATA)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => {
      const labels = readLabels(join(REALDATA, f));
      const session = labels['session'];
      const path = typeof session === 'object' && session !== null ? (session as Record<string, unknown>)['path'] : undefined;
      const raw = typeof path === 'string' ? byBase.get(basename(path)) : undefined;
      if (raw === undefined || !existsSync(raw)) throw new Error(`${f}: its raw file ${String(path)} is not in ${RAW}`);
      return { path: raw, name: f.replace(/\.labels\.json$/, ''), labels };
    });
}

/** Import a file and analyze the result exactly as `ergsprint analyze` does (the recording goes through its text form). */
export async function importAndAnalyze(path: string): Promise<{ imported: ImportedRecording; doc: AnalysisJson }> {
  const imported = importBytes(new Uint8Array(readFileSync(path)), { fileName: basename(path) });
  const recording = parseRecording(serializeRecording(imported.header, imported.items), basename(path));
  const result = await analyzeRecording(recording, { verdict: {}, source$: replay$(recording.items, { speed: 'instant' }) });
  return { imported, doc: analysisToJson(result) };
}
