/**
 * The words of a verdict: what a coach would say, naming the numbers that decided it in the band's
 * terms — "291 W — 100 % of the 290 W your 7:00 2k says you can hold for 5 × 5:00".
 */
import type { BandParams, ExecutionMode } from './bands.js';
import { formatRowTime } from '../rowing/format.js';
import type { Reference } from './reference.js';
import type { SprintMetrics } from './sprint-metrics.js';
import type { Reason, VerdictKind } from './types.js';
import type { HeartRateReading, VerdictContext } from './verdict.js';

const w = (x: number): string => `${Math.round(x)} W`;
const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** "1-minute", "5-minute", "100-s", "2:30" for a duration in s. */
export function durationWords(s: number): string {
  const min = Math.round(s / 60);
  if (min >= 1 && Math.abs(s - 60 * min) <= Math.max(2, 0.03 * s)) return `${min}-minute`;
  if (s < 120) return `${Math.round(s)}-s`;
  return formatRowTime(Math.round(s));
}

/** "5 minutes", "1 minute", "100 s", "7:05" for a duration in s. */
export function spanWords(s: number): string {
  const d = durationWords(s);
  if (d.endsWith('-minute')) return d === '1-minute' ? '1 minute' : `${d.slice(0, -7)} minutes`;
  return d.endsWith('-s') ? `${d.slice(0, -2)} s` : d;
}

/** "5:00", "1:40", "30 s" for a set description ("5 × 5:00"): measured lengths rounded to 5 s past a minute. */
function clockWords(s: number): string {
  return s < 60 ? `${Math.round(s)} s` : formatRowTime(5 * Math.round(s / 5));
}

export interface RepWords {
  /** "Sprint 3", "Rep 3", "The piece" */
  label: string;
  /** "sprint", "5-minute rep", "20-minute piece" */
  what: string;
}

/** How the athlete names this work interval. */
export function repWords(band: Readonly<BandParams>, mode: ExecutionMode, durationS: number, rep: number): RepWords {
  if (mode === 'single') return { label: 'The piece', what: `${durationWords(durationS)} piece` };
  if (band.id === 'A') return { label: `Sprint ${rep}`, what: 'sprint' };
  return { label: `Rep ${rep}`, what: `${durationWords(durationS)} rep` };
}

export interface OutputInput {
  m: SprintMetrics;
  ctx: VerdictContext;
  ref: Reference;
  expected: number;
  ratio: number;
  onTarget: number;
  band: Readonly<BandParams>;
  mode: ExecutionMode;
  words: RepWords;
}

/** Where the expected power came from, in the band's terms. */
function basisWords(o: OutputInput): string {
  const { ctx, ref, mode, band } = o;
  const t = ctx.target;
  if ((mode === 'set-paced' || mode === 'mixed') && t) {
    const ladder = t.minWorkS !== undefined && t.maxWorkS !== undefined && t.maxWorkS > 1.25 * t.minWorkS;
    const set = ladder ? `${t.reps} reps of ${clockWords(t.minWorkS!)}–${clockWords(t.maxWorkS!)} with ${clockWords(t.restS)} rests` : `${t.reps} × ${clockWords(t.workS)} with ${clockWords(t.restS)} rests`;
    const left = t.reps - ctx.rep + 1;
    const span = ctx.rep <= 1 ? set : left <= 1 ? `the last of ${set}, after what reps 1–${ctx.rep - 1} took` : `reps ${ctx.rep}–${t.reps} of ${set}, after what you rowed so far`;
    if (ref.kind === 'session') return `you can hold for ${span} (judging by ${ref.source})`;
    if (left <= 1 && ctx.rep > 1) return `${ref.source} leaves for ${span}`;
    return `${ref.source} says you can hold for ${span}`;
  }
  if (mode === 'single') return `${ref.source} predicts for ${spanWords(o.m.durationS)}`;
  if (band.id === 'A') {
    const fatigue = ctx.rep > 1 ? `, less the usual fade by sprint ${ctx.rep} after ${Math.round(ctx.restBeforeS ?? 90)}-s rests` : '';
    return `expected for sprint ${ctx.rep} (from ${ref.source}${fatigue})`;
  }
  const fatigue = ctx.rep > 1 ? `, less the normal drop by rep ${ctx.rep}` : '';
  const cap = ref.kind === 'session' ? ref.source : `${ref.source}: ${w(ref.powerW)} for one ${durationWords(o.m.durationS)} effort`;
  return `expected for rep ${ctx.rep} (${cap}${fatigue})`;
}

/** OUTPUT: MP vs E_n with the percentage, and where the expectation came from. */
export function outputReason(o: OutputInput): Reason {
  const basis = basisWords(o);
  return {
    code: 'OUTPUT',
    pass: o.ratio >= o.onTarget,
    value: o.ratio,
    threshold: o.onTarget,
    message: `${w(o.m.meanPowerW)} — ${pct(o.ratio)} of the ${w(o.expected)} ${basis}.`,
  };
}

/** HR as supporting evidence only; undefined when there is nothing worth saying. */
export function heartRateReason(m: SprintMetrics, ctx: VerdictContext, hr: HeartRateReading, band: Readonly<BandParams>): Reason | undefined {
  if (hr === 'absent' || !ctx.hr || m.peakHeartRate === null) return undefined;
  const peak = Math.round(m.peakHeartRate);
  const share = m.peakHeartRate / ctx.hr.maxBpm;
  const max = Math.round(ctx.hr.maxBpm);
  const base = { code: 'HR', value: m.peakHeartRate, threshold: ctx.hr.estimated ? ctx.hr.maxBpm - 15 : band.hrHigh * ctx.hr.maxBpm };
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
function restAdvice(ctx: VerdictContext, word: string): string {
  if (ctx.restShare === undefined || ctx.restShare <= 0.5) return 'Keep the rests easy.';
  return `Keep the rests easy — the last one averaged ${pct(ctx.restShare)} of your ${word}-1 power.`;
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
  words: RepWords;
  /** shorter than 80 % of the plan: judged for what was rowed */
  cut: boolean;
}

/** The coach's sentence: the verdict, the number it compared, at most two reasons, a next step. */
export function headline(h: HeadlineInput): string {
  const label = h.words.label;
  const why = h.reasons
    .filter((r) => r.code !== 'OUTPUT')
    .map((r) => r.message)
    .join(' ');
  const output = h.reasons.find((r) => r.code === 'OUTPUT');
  const level = output ? output.message : `${w(h.m.meanPowerW)}.`;
  const next = (advice: string): string => (h.stop ? '' : ` ${advice}`);
  const tag = h.provisional ? ' (provisional)' : '';
  const rowed = h.cut ? ` for the ${Math.round(h.m.durationS)} s rowed` : '';
  const sprint = h.words.what === 'sprint';
  let text: string;
  switch (h.kind) {
    case 'inconclusive':
      text = h.reasons.some((r) => r.code === 'DATA' || r.code === 'TOO_SHORT')
        ? why
        : `${label}: ${w(h.m.meanPowerW)} — not clear yet whether that was all-out${tag}. ${why}`;
      break;
    case 'all-out':
      // without a reference the level is unknown: the shape "looks" all-out
      text = h.ratio === undefined || h.provisional ? `${label} looks all-out${rowed}${tag}. ${level} ${why}` : `${label}: all-out${rowed}. ${level} ${why}`;
      break;
    case 'all-out-paced':
      text = `${label}: strong numbers, but a paced shape. ${level} ${why}${next(sprint ? 'Start harder and empty the tank early.' : 'Spread that finish over the whole rep.')}`;
      break;
    case 'fatigued-all-out':
      text = `${label}: below target, but a genuine all-out pattern — that's fatigue, not effort. ${level} ${why}${next(restAdvice(h.ctx, sprint ? 'sprint' : 'rep'))}`;
      break;
    case 'held-back':
      text = `${label} looks held back${tag}. ${level} ${why}${next(sprint ? 'Next one: go from the first stroke.' : 'Next one: hold the pace you can keep for the whole set.')}`;
      break;
    case 'close':
      text = `${label}: close. ${level} ${why}${next(sprint ? 'A little more from the first stroke next time.' : 'A little more through the middle next time.')}`;
      break;
    case 'below':
      text = `${label}: below target with a normal profile. ${level} ${why} If you felt maxed out, you may be more tired than usual today.`;
      break;
  }
  return text.replace(/\s+/g, ' ').trim();
}
