/** The terminal's block at the end of a rower's session: reps, all-out k/N, decrement score. */
import type { SessionSummary } from '../analysis/types.js';
import type { EndReason } from '../pipeline/session-lifecycle.js';

const WHY: Record<EndReason, string> = { idle: 'idle', request: 'ended from the display', stop: 'stopped' };

/** One compact block (no trailing newline), e.g. "Ada (e751...): session ended (idle) — 8 reps, all-out 6/8, decrement 7.4 %". */
export function formatSessionEnd(name: string, rower: string, reason: EndReason, summary: SessionSummary | undefined): string {
  const who = name === rower ? rower : `${name} (${rower})`;
  if (summary === undefined) return `${who}: session ended (${WHY[reason]}) — no sprints`;
  const bits = [`${summary.sprints} rep${summary.sprints === 1 ? '' : 's'}`, `all-out ${summary.allOut}/${summary.sprints}`];
  if (summary.decrementPct !== undefined) bits.push(`decrement ${summary.decrementPct.toFixed(1)} %`);
  const head = `${who}: session ended (${WHY[reason]}) — ${bits.join(', ')}`;
  return summary.decrementReading ? `${head}\n  ${summary.decrementReading}` : head;
}
