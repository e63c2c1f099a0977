/** `ergsprint evaluate DIR`: run analyze on every labelled recording in DIR and score it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CliError } from '../cli-error.js';
import { analysisToJson } from '../export/analysis-json.js';
import { analyzeFile } from './analyze.js';
import { readLabels as readLabelsFile, type LabelsFile } from '../recording/labels.js';
import { textTable } from './text-table.js';
import { detectedWork, MATCH_SHARE_OF_UNION, quantile, scoreFile, totals, type FileScore, type LabelWork, type Totals } from '../analysis/evaluation.js';

/** Labelled recordings in a directory: [recording, labels] pairs, sorted by name. */
export function labelledRecordings(dir: string): Array<[string, string]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: not a directory`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f): [string, string] => [join(dir, f), join(dir, f.replace(/\.ndjson$/, '.labels.json'))])
    .filter(([, labels]) => existsSync(labels));
}

function readLabels(path: string): LabelsFile {
  try {
    return readLabelsFile(path);
  } catch (err) {
    throw new CliError(`${path}: unreadable labels (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Score every labelled recording in `dir` (one score per labelled rower). */
export async function evaluateDir(dir: string): Promise<{ files: FileScore[]; totals: Totals }> {
  const files: FileScore[] = [];
  for (const [rec, labelsPath] of labelledRecordings(dir)) {
    const labels = readLabels(labelsPath);
    const doc = analysisToJson(await analyzeFile(rec, { verdict: {} }));
    const work = labels.intervals.filter((i) => i.kind === 'work');
    const alternative = labels.ambiguous === true ? (labels.alternativeIntervals ?? []).filter((i) => i.kind === 'work') : undefined;
    const rowers = [...new Set(work.map((w) => w.rower))];
    if (rowers.length === 0) rowers.push(undefined);
    for (const rower of rowers) {
      const truth: LabelWork[] = work.filter((w) => w.rower === rower);
      const name = rower === undefined ? basename(rec) : `${basename(rec)} [${rower}]`;
      files.push(scoreFile(name, truth, detectedWork(doc, rower), alternative?.filter((w) => w.rower === rower)));
    }
  }
  return { files, totals: totals(files) };
}

const f2 = (x: number | null, d = 2): string => (x === null ? '–' : x.toFixed(d));

function table(files: readonly FileScore[], t: Totals): string[] {
  const rows = files.map((s) => [
    `${s.file}${s.ambiguous ? ' (ambiguous)' : ''}`,
    s.continuous ? (s.detected === 1 || (s.ambiguous && s.falseSplits === 0 && s.detected > 0) ? 'one piece' : `${s.detected} pieces`) : `${s.matched}/${s.truth}`,
    String(s.detected),
    f2(quantile(s.startErrorsS, 0.5)),
    f2(quantile(s.endErrorsS, 0.5)),
    f2(quantile([...s.startErrorsS, ...s.endErrorsS], 0.9)),
    s.allOutAgree[1] + s.heldAgree[1] === 0 ? '–' : `${s.allOutAgree[0] + s.heldAgree[0]}/${s.allOutAgree[1] + s.heldAgree[1]}`,
  ]);
  const head = ['file', 'found', 'detected', 'start med s', 'end med s', 'p90 s', 'verdicts agree'];
  return [
    ...textTable([head, ...rows]),
    '',
    `files ${t.files}: work recall ${f2(t.recall, 3)}, precision ${f2(t.precision, 3)} (match = overlap ≥ ${MATCH_SHARE_OF_UNION * 100} % of the union, one-to-one)`,
    `boundary error: median ${f2(t.boundaryMedianS)} s, p90 ${f2(t.boundaryP90S)} s (start median ${f2(t.startMedianS)} / p90 ${f2(t.startP90S)}; end median ${f2(t.endMedianS)} / p90 ${f2(t.endP90S)})`,
    `continuous pieces: ${t.continuousFiles}, found as one interval: ${t.continuousAsOne}, false splits: ${t.falseSplits} (ambiguous files: ${t.ambiguousFiles}, scored by the better reading)`,
    `verdicts: all-out reps judged all-out ${f2(t.allOutJudgedAllOutPct, 0)} %, held-back reps judged not all-out ${f2(t.heldJudgedNotAllOutPct, 0)} %`,
  ];
}

/** The `evaluate` command's action (its options are declared in src/cli/evaluate.ts). */
export async function evaluateCommand(dir: string, flags: { json?: boolean }): Promise<void> {
  const result = await evaluateDir(dir);
  if (result.files.length === 0) throw new CliError(`${dir}: no recordings with a .labels.json`);
  if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${table(result.files, result.totals).join('\n')}\n`);
}
