/** Human output of `ergsprint analyze`: a per-interval table with verdicts, then the session reading. */
import type { AnalysisJson, JsonInterval } from '../export/analysis-json.js';
import { formatClock } from '../rowing/format.js';
import { textTable } from './text-table.js';

const clock = (s: number): string => formatClock(s, { tenths: true });
const num = (x: number | null, unit = ''): string => (x === null ? '–' : `${x}${unit}`);

function verdictText(iv: JsonInterval): string {
  const v = iv.verdict;
  if (!v) return '';
  // an all-out rep leads with its number (a weak flag beside it is a note, not the verdict)
  const main = (v.allOut === true ? v.reasons.find((r) => r.code === 'OUTPUT') : undefined) ?? v.reasons.find((r) => !r.pass) ?? v.reasons[0];
  const head = `${v.kind} (${v.score})`;
  return main ? `${head}: ${main.message}` : head;
}

/** The table and summary as text lines. */
export function analysisTable(doc: AnalysisJson): string[] {
  const lines: string[] = [];
  for (const rower of doc.rowers) {
    lines.push(`${rower.name} (${rower.id})`);
    if (rower.intervals.length === 0) {
      lines.push('  no intervals found (a steady row, or too little data)');
      continue;
    }
    const rows = rower.intervals.map((iv) => [
      `${iv.kind} ${iv.index}`,
      clock(iv.start),
      clock(iv.end),
      `${iv.durationS.toFixed(1)} s`,
      num(iv.avgPower, ' W'),
      num(iv.peakPower, ' W'),
      num(iv.avgStrokeRate, ' spm'),
      num(iv.avgHeartRate, ' bpm'),
      verdictText(iv),
    ]);
    const head = ['interval', 'start', 'end', 'length', 'avg P', 'peak P', 'rate', 'HR', 'verdict'];
    lines.push(...textTable([head, ...rows], { indent: '  ' }));
    const s = rower.summary;
    if (s) {
      const what = s.mode === 'single' ? 'piece' : s.band === undefined || s.band === 'A' ? 'sprints' : 'reps';
      lines.push(what === 'piece' ? `  ${s.allOut === 1 ? 'The piece was' : 'The piece was not'} judged all-out.` : `  ${s.allOut} of ${s.sprints} ${what} judged all-out.`);
      if (s.decrementPct !== null) lines.push(`  Decrement score ${s.decrementPct} %. ${s.decrementReading ?? ''}`.trimEnd());
      for (const note of s.notes) lines.push(`  ${note}`);
    }
  }
  return lines;
}
