/** `ergsprint analyze FILE`: intervals, stats and all-out verdicts of a recording (table or --json). */
import { existsSync } from 'node:fs';
import { historyDbPath } from '../store/data-dir.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { athleteReferences } from '../analysis/athlete-references.js';
import { analyzeRecording, type AnalysisResult, type AnalyzeOptions } from '../pipeline/analyze-recording.js';
import type { HistoryIndex } from '../store/history-index.js';
import { rowerFacts } from '../store/rower-facts.js';
import { declaredTimes, historySource } from './history-wiring.js';
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

/**
 * Read a recording and run the session pipeline over it instantly (exit 2 on a bad recording).
 * With `history`, each rower bound to an athlete (a recorded `athlete` event) is judged against
 * that athlete's history before the recording's start, then their declared 2k.
 */
export async function analyzeFile(path: string, settings: AnalyzeSettings, history?: HistoryIndex): Promise<AnalysisResult> {
  let recording;
  try {
    recording = await readRecording(path);
  } catch (err) {
    if (err instanceof RecordingError) throw cliError(err);
    throw err;
  }
  if (recording.tornLastLine) process.stderr.write(`ergsprint: ${path}: the last line was cut off and was ignored\n`);
  const opts: AnalyzeOptions = settings.plan ? { verdict: settings.verdict, plan: settings.plan } : { verdict: settings.verdict };
  if (history) {
    const athletes = new Map(rowerFacts(recording).flatMap((f) => (f.athlete !== undefined ? [[f.rower, f.athlete] as const] : [])));
    const declared = declaredTimes(settings.verdict);
    if (athletes.size > 0) opts.references = athleteReferences(historySource(history, (r) => athletes.get(r)), Date.parse(recording.header.startedAt), declared);
  }
  return analyzeRecording(recording, { ...opts, source$: replay$(recording.items, { speed: 'instant' }) });
}

/** The `analyze` command's action (its options are declared in src/cli/analyze.ts). */
export async function analyzeCommand(file: string, flags: AnalyzeFlags): Promise<void> {
  const settings = analyzeSettings(flags);
  const history = await defaultHistory();
  try {
    const doc = analysisToJson(await analyzeFile(file, settings, history));
    if (flags.json) process.stdout.write(`${JSON.stringify(doc)}\n`);
    else process.stdout.write(`${analysisTable(doc).join('\n')}\n`);
    const ids = history ? idsOf(history, file) : [];
    if (ids.length > 0) process.stderr.write(`ergsprint: in history as ${ids.join(', ')}\n`);
  } finally {
    history?.close();
  }
}

/** The default history database when it exists and opens (never fails the analysis). */
async function defaultHistory(): Promise<HistoryIndex | undefined> {
  const db = historyDbPath();
  if (!existsSync(db)) return undefined;
  try {
    const { openHistoryIndex } = await import('../store/history-index.js');
    return openHistoryIndex(db);
  } catch {
    return undefined; // a damaged or newer history database is the history commands' business
  }
}

function idsOf(history: HistoryIndex, file: string): string[] {
  try {
    return history.idsOfFile(file);
  } catch {
    return [];
  }
}
