/**
 * The verdicts in words for an upload's description (Strava, intervals.icu) and TCX Notes: one
 * paragraph, then (for `verdictTable`) one line per work rep. Platforms ignore FIT developer
 * fields, so this is where the all-out verdict reaches a reader there.
 */
import type { Interval, SessionSummary } from '../analysis/types.js';
import { formatClock } from '../rowing/format.js';
import type { ExportInput } from './export-input.js';

const w = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x)} W`);

function repWord(iv: Interval): string {
  const v = iv.verdict;
  if (v === undefined) return 'not judged';
  if (v.allOut === true) return 'all-out';
  if (v.allOut === false) return v.kind === 'close' ? 'close' : v.kind === 'below' ? 'below' : 'held back';
  return 'inconclusive';
}

/** One line per work rep: "Rep 3 0:30 412 W 34.5 spm all-out (score 92)". */
export function verdictTable(intervals: readonly Interval[]): string[] {
  return intervals
    .filter((iv) => iv.kind === 'work')
    .map((iv) => {
      const s = iv.stats;
      const rate = s.avgStrokeRate === undefined ? '' : ` ${s.avgStrokeRate.toFixed(1)} spm`;
      const score = iv.verdict ? ` (score ${Math.round(iv.verdict.score)})` : '';
      return `Rep ${iv.index} ${formatClock((iv.end - iv.start) / 1000)} ${w(s.avgPowerW)}${rate} ${repWord(iv)}${score}`;
    });
}

function setSentence(summary: SessionSummary | undefined, work: readonly Interval[]): string {
  const reps = summary?.sprints ?? work.length;
  const allOut = summary?.allOut ?? work.filter((iv) => iv.verdict?.allOut === true).length;
  const dec = summary?.decrementPct;
  const fade = dec === undefined || !Number.isFinite(dec) ? '' : `, decrement score ${dec.toFixed(1)} %`;
  return `${allOut} of ${reps} rep${reps === 1 ? '' : 's'} all-out${fade}.`;
}

/** The one-paragraph description of a rower's session. */
export function describeSession(input: ExportInput): string {
  const work = input.intervals.filter((iv) => iv.kind === 'work');
  if (work.length === 0) return `ergsprint: ${input.rower.name}, no work intervals found, nothing judged.`;
  const powers = work.map((iv) => iv.stats.avgPowerW).filter((p): p is number => p !== undefined);
  const mean = powers.length > 0 ? powers.reduce((a, b) => a + b, 0) / powers.length : undefined;
  const held = work.filter((iv) => iv.verdict?.allOut === false).map((iv) => iv.index);
  const heldText = held.length === 0 ? '' : ` Held back or below: rep${held.length === 1 ? '' : 's'} ${held.join(', ')}.`;
  const notes = input.summary?.notes.length ? ` ${input.summary.notes.join(' ')}` : '';
  const durations = work.map((iv) => (iv.end - iv.start) / 1000).sort((a, b) => a - b);
  const dur = formatClock(durations[Math.floor(durations.length / 2)]!); // the typical rep (median)
  return `ergsprint, ${input.rower.name}: ${work.length} × ${dur}, mean ${w(mean)} — ${setSentence(input.summary, work)}${heldText}${notes}`.replace(/\s+/g, ' ').trim();
}
