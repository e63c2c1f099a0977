/**
 * Pacing-shape flags of one sprint (science notes §6.3). A flag is raised when its check fails:
 * `pass: false`. Values are in the units named per flag; messages name the numbers.
 */
import type { SprintMetrics } from './sprint-metrics.js';
import type { Reason } from './types.js';

export type FlagCode = 'LATE_PEAK' | 'END_SPURT' | 'LOW_RATE' | 'FLAT_LOW' | 'CUT_SHORT' | 'DATA';

export interface FlagCheck extends Reason {
  code: FlagCode;
}

/** A genuine peak reads at stroke 3–6 through monitor lag: up to 12 s is still an explosive start. */
export const LATE_PEAK_S = 12;
export const END_SPURT_RATIO = 1.05;
export const MIN_SPRINT_RATE = 30;
export const FLAT_FADE = 0.03;
export const CUT_SHORT_SHARE = 0.8;
export const MIN_COVERAGE = 0.9;
export const MAX_GAP_S = 3;
/**
 * In a longer piece one hole is judged by its share: a 4-s hole in a 7-min 2k hides ~1 % of it
 * and cannot change its mean power or its shape much (coverage still catches many small ones).
 * 5 % keeps 3 s up to 60 s-long sprints, where 3 s is a whole peak or end-spurt window.
 */
export const MAX_GAP_SHARE = 0.05;

/** Longest data hole that still leaves an interval of this duration judgeable, s. */
export function maxGapAllowedS(durationS: number): number {
  return Math.max(MAX_GAP_S, MAX_GAP_SHARE * durationS);
}

export interface FlagInputs {
  /** O_n, when a reference exists */
  ratio?: number;
  /** O at or above which the level is on target (0.92, or wider for a declared reference) */
  onTarget: number;
  plannedWorkS?: number;
  /** the athlete's usual sprint stroke rate, spm */
  usualSprintRate?: number;
  rep: number;
}

const pct = (x: number): number => Math.round(x * 100);
const s1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Every flag of §6.3, in the order they matter to the athlete (strongest evidence first). */
export function evaluateFlags(m: SprintMetrics, inp: FlagInputs): FlagCheck[] {
  const late = m.timeToPeakS > LATE_PEAK_S && m.peakInSecondHalf;
  const spurt = m.endSpurt !== null && m.endSpurt >= END_SPURT_RATIO;
  const rateFloor = Math.max(MIN_SPRINT_RATE, (inp.usualSprintRate ?? 0) - 4);
  const lowRate = m.strokeRate !== null && m.strokeRate < rateFloor;
  const flatLow = inp.ratio !== undefined && m.fade < FLAT_FADE && inp.ratio < inp.onTarget;
  const plannedMin = inp.plannedWorkS === undefined ? null : CUT_SHORT_SHARE * inp.plannedWorkS;
  const cut = plannedMin !== null && m.durationS < plannedMin;
  const gapTooLong = m.maxGapS > maxGapAllowedS(m.durationS);
  const data = m.coverage < MIN_COVERAGE || gapTooLong;
  const rate = m.strokeRate === null ? null : Math.round(m.strokeRate);
  const usual = inp.usualSprintRate === undefined ? '' : `, your usual sprint rate is ${Math.round(inp.usualSprintRate)}`;
  return [
    {
      code: 'END_SPURT',
      pass: !spurt,
      value: m.endSpurt,
      threshold: END_SPURT_RATIO,
      message: spurt
        ? `You finished ${pct(m.endSpurt! - 1)} % faster than the middle of the sprint — there was more in the tank.`
        : `You faded ${pct(m.fade)} % from your peak with no end spurt — nothing kept in reserve.`,
    },
    {
      code: 'LATE_PEAK',
      pass: !late,
      value: m.timeToPeakS,
      threshold: LATE_PEAK_S,
      message: late
        ? `Power built until ${Math.round(m.timeToPeakS)} s — the peak came in the second half instead of the first strokes.`
        : `Peak at ${Math.round(m.timeToPeakS)} s — a hard start.`,
    },
    {
      code: 'LOW_RATE',
      pass: !lowRate,
      value: m.strokeRate,
      threshold: rateFloor,
      message: lowRate
        ? `Rate ${rate}, under the ${rateFloor} a sprint needs${usual}.`
        : rate === null
          ? 'No stroke rate from the machine.'
          : `Rate ${rate} — sprint tempo.`,
    },
    {
      code: 'FLAT_LOW',
      pass: !flatLow,
      value: m.fade,
      threshold: FLAT_FADE,
      message: flatLow
        ? `Power faded only ${pct(m.fade)} % while the level stayed under target — that is a paced effort, not a fade from all-out.`
        : `Power faded ${pct(m.fade)} % from the best three strokes.`,
    },
    {
      code: 'CUT_SHORT',
      pass: !cut,
      value: m.durationS,
      threshold: plannedMin,
      message: cut
        ? `Only ${Math.round(m.durationS)} s of the planned ${Math.round(inp.plannedWorkS!)} s.`
        : `Lasted ${Math.round(m.durationS)} s.`,
    },
    {
      code: 'DATA',
      pass: !data,
      value: m.coverage,
      threshold: MIN_COVERAGE,
      message: data
        ? gapTooLong
          ? `Couldn't judge sprint ${inp.rep} — the data stopped for ${s1(m.maxGapS)} s.`
          : `Couldn't judge sprint ${inp.rep} — ${s1((1 - m.coverage) * m.durationS)} s of data missing.`
        : `Data covered ${pct(m.coverage)} % of the sprint.`,
    },
  ];
}

/**
 * Flags that count as evidence about effort. CUT SHORT is not an effort judgement (notes §6.3:
 * "reported separately") and DATA makes the verdict inconclusive before any counting.
 */
export function effortFlags(checks: readonly FlagCheck[]): FlagCheck[] {
  return checks.filter((c) => !c.pass && c.code !== 'CUT_SHORT' && c.code !== 'DATA');
}
