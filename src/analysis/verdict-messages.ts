/** The words of a verdict: what a coach would say, naming the numbers that decided it. */
import type { Reference } from './reference.js';
import type { SprintMetrics } from './sprint-metrics.js';
import type { Reason, VerdictKind } from './types.js';
import type { HeartRateReading, VerdictContext } from './verdict.js';

const w = (x: number): string => `${Math.round(x)} W`;
const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** OUTPUT: MP vs E_n with the percentage, and where the reference came from. */
export function outputReason(m: SprintMetrics, ctx: VerdictContext, ref: Reference, expected: number, ratio: number, onTarget: number): Reason {
  const fatigue = ctx.rep > 1 ? `, less the usual fade by sprint ${ctx.rep} after ${Math.round(ctx.restBeforeS ?? 90)}-s rests` : '';
  return {
    code: 'OUTPUT',
    pass: ratio >= onTarget,
    value: ratio,
    threshold: onTarget,
    message: `${w(m.meanPowerW)} — ${pct(ratio)} of the ${w(expected)} expected for sprint ${ctx.rep} (from ${ref.source}${fatigue}).`,
  };
}

/** HR as supporting evidence only; undefined when there is nothing worth saying. */
export function heartRateReason(m: SprintMetrics, ctx: VerdictContext, hr: HeartRateReading): Reason | undefined {
  if (hr === 'absent' || !ctx.hr || m.peakHeartRate === null) return undefined;
  const peak = Math.round(m.peakHeartRate);
  const share = m.peakHeartRate / ctx.hr.maxBpm;
  const max = Math.round(ctx.hr.maxBpm);
  const base = { code: 'HR', value: m.peakHeartRate, threshold: ctx.hr.estimated ? ctx.hr.maxBpm - 15 : 0.9 * ctx.hr.maxBpm };
  switch (hr) {
    case 'abnormal':
      return { ...base, pass: false, threshold: ctx.hr.maxBpm + 10, message: `Heart rate hit ${peak} bpm, above your known max of ${max}. Ease off and stop if anything feels wrong.` };
    case 'high':
      return { ...base, pass: true, message: `Heart rate reached ${peak} bpm (${pct(share)} of your max) — your body was working hard.` };
    case 'low':
      return { ...base, pass: false, message: `Heart rate only reached ${peak} bpm (${pct(share)} of your max of ${max}).` };
    case 'middle':
      return { ...base, pass: false, message: `Heart rate peaked at ${peak} bpm (${pct(share)} of your max).` };
  }
}

/** "Keep the rests easy", with the last rest's level when it was rowed hard. */
function restAdvice(ctx: VerdictContext): string {
  if (ctx.restShare === undefined || ctx.restShare <= 0.5) return 'Keep the rests easy.';
  return `Keep the rests easy — the last one averaged ${pct(ctx.restShare)} of your sprint-1 power.`;
}

export interface HeadlineInput {
  kind: VerdictKind;
  m: SprintMetrics;
  ctx: VerdictContext;
  ratio: number | undefined;
  expected: number | undefined;
  ref: Reference | undefined;
  reasons: readonly Reason[];
  /** never push to continue (declared stop, abnormal heart rate, last rep) */
  stop: boolean;
  provisional: boolean;
}

/** The coach's sentence: the verdict, the number it compared, at most two reasons, a next step. */
export function headline(h: HeadlineInput): string {
  const n = h.ctx.rep;
  const why = h.reasons
    .filter((r) => r.code !== 'OUTPUT')
    .map((r) => r.message)
    .join(' ');
  const level = h.ratio !== undefined && h.expected !== undefined ? `${w(h.m.meanPowerW)} — ${pct(h.ratio)} of the ${w(h.expected)} expected (from ${h.ref!.source}).` : `${w(h.m.meanPowerW)}.`;
  const next = (advice: string): string => (h.stop ? '' : ` ${advice}`);
  const tag = h.provisional ? ' (provisional)' : '';
  let text: string;
  switch (h.kind) {
    case 'inconclusive':
      text = h.reasons.some((r) => r.code === 'DATA' || r.code === 'TOO_SHORT')
        ? why
        : `Sprint ${n}: ${w(h.m.meanPowerW)} — not clear yet whether that was all-out${tag}. ${why}`;
      break;
    case 'all-out':
      text = h.provisional ? `Sprint ${n} looks all-out${tag}. ${level} ${why}` : `Sprint ${n}: all-out. ${level} ${why}`;
      break;
    case 'all-out-paced':
      text = `Sprint ${n}: strong numbers, but a paced shape. ${level} ${why}${next('Start harder and empty the tank early.')}`;
      break;
    case 'fatigued-all-out':
      text = `Sprint ${n}: below target, but a genuine all-out pattern — that's fatigue, not effort. ${level} ${why}${next(restAdvice(h.ctx))}`;
      break;
    case 'held-back':
      text = `Sprint ${n} looks held back${tag}. ${level} ${why}${next('Next one: go from the first stroke.')}`;
      break;
    case 'close':
      text = `Sprint ${n}: close. ${level} ${why}${next('A little more from the first stroke next time.')}`;
      break;
    case 'below':
      text = `Sprint ${n}: below target with a normal profile. ${level} ${why} If you felt maxed out, you may be more tired than usual today.`;
      break;
  }
  return text.replace(/\s+/g, ' ').trim();
}
