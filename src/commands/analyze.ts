/** `ergsprint analyze FILE`: intervals, stats and all-out verdicts of a recording (table or --json). */
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { analyzeRecording, type AnalysisResult } from '../pipeline/analyze-recording.js';
import { readRecording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { replay$ } from '../sources/replay.js';
import type { Plan } from '../workouts/plan.js';
import { analysisToJson } from '../export/analysis-json.js';
import { analysisTable } from './analysis-table.js';
import { loadPlan } from './plan-option.js';
import { referenceSettings, type ReferenceFlags } from './reference-flags.js';
import { cliError } from './exit-codes.js';

export interface AnalyzeFlags extends ReferenceFlags {
  json?: boolean;
  plan?: string;
}

export interface AnalyzeSettings {
  plan?: Plan;
  verdict: SessionOptions;
}

/** Validate the analysis flags (bad values → CliError). */
export function analyzeSettings(flags: AnalyzeFlags): AnalyzeSettings {
  const verdict: SessionOptions = referenceSettings(flags);
  if (flags.plan === undefined) return { verdict };
  return { verdict, plan: loadPlan(flags.plan) };
}

/** Read a recording and run the session pipeline over it instantly (exit 2 on a bad recording). */
export async function analyzeFile(path: string, settings: AnalyzeSettings): Promise<AnalysisResult> {
  let recording;
  try {
    recording = await readRecording(path);
  } catch (err) {
    if (err instanceof RecordingError) throw cliError(err);
    throw err;
  }
  if (recording.tornLastLine) process.stderr.write(`ergsprint: ${path}: the last line was cut off and was ignored\n`);
  const opts = settings.plan ? { verdict: settings.verdict, plan: settings.plan } : { verdict: settings.verdict };
  return analyzeRecording(recording, { ...opts, source$: replay$(recording.items, { speed: 'instant' }) });
}

/** The `analyze` command's action (its options are declared in src/cli/analyze.ts). */
export async function analyzeCommand(file: string, flags: AnalyzeFlags): Promise<void> {
  const settings = analyzeSettings(flags);
  const doc = analysisToJson(await analyzeFile(file, settings));
  if (flags.json) process.stdout.write(`${JSON.stringify(doc)}\n`);
  else process.stdout.write(`${analysisTable(doc).join('\n')}\n`);
}
