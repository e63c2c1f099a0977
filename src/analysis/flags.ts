/**
 * Pacing-shape flags of one work interval, scaled by duration band (docs/science.md §7.5; band A
 * is the 30-s design). A flag is raised when its check fails: `pass: false`. Each raised flag is
 * strong (blocks "all-out" alone), weak (counts towards two) or info (said, never counted). Values
 * are in the units named per flag.
 */
import type { BandParams } from './bands.js';
import type { SprintMetrics } from './sprint-metrics.js';
import type { Reason } from './types.js';

export type FlagCode = 'LATE_PEAK' | 'END_SPURT' | 'LOW_RATE' | 'FLAT_LOW' | 'FLY_AND_DIE' | 'CUT_SHORT' | 'DATA';
export type FlagStrength = 'strong' | 'weak' | 'info';

export interface FlagCheck extends Reason {
  code: FlagCode;
  strength: FlagStrength;
}

/** Band A's numbers, kept as names for callers and tests (bands.ts holds them all). */
export const MIN_SPRINT_RATE = 30;
export const CUT_SHORT_SHARE = 0.8;
export const MIN_COVERAGE = 0.9;
export const MAX_GAP_S = 3;
/**
 * In a longer piece one hole is judged by its share: a 4-s hole in a 7-min 2k hides ~1 % of it
 * and cannot change its mean power or its shape much (coverage still catches many small ones).
 * 5 % keeps 3 s up to 60 s-long sprints, where 3 s is a whole peak or end-spurt window.
 */
export const MAX_GAP_SHARE = 0.05;
/** Fly-and-die (info, bands D–F): START ≥ 1.15 and the last third < 0.92 × the mean (§7.5; Brown 2010 [V]). */
export const FLY_START = 1.15;
export const FLY_LAST_THIRD = 0.92;

/** Longest data hole that still leaves an interval of this duration judgeable, s. */
export function maxGapAllowedS(durationS: number): number {
  return Math.max(MAX_GAP_S, MAX_GAP_SHARE * durationS);
}

export interface FlagInputs {
  band: Readonly<BandParams>;
  /** O_n, when a reference exists */
  ratio?: number;
  /** E_n, W, when a reference exists */
  expectedW?: number;
  /** O at or above which the level is on target */
  onTarget: number;
  plannedWorkS?: number;
  rep: number;
  /** "sprint 3", "rep 3", "the piece" */
  label: string;
  /** "sprint", "5-minute rep", "2k piece" */
  what: string;
}

const pct = (x: number): number => Math.round(x * 100);
const s1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** END SPURT by band: A reads the 5-s ES; B–F the last 10 % of the rep (ES_T), D–F only with a low middle. */
function endSpurt(m: SprintMetrics, inp: FlagInputs): FlagCheck {
  const b = inp.band;
  const base = { code: 'END_SPURT' as const, strength: b.endSpurtStrong ? ('strong' as const) : ('weak' as const), threshold: b.endSpurt };
  if (b.id === 'A') {
    const raised = m.endSpurt !== null && m.endSpurt >= b.endSpurt;
    return {
      ...base,
      pass: !raised,
      value: m.endSpurt,
      message: raised
        ? `You finished ${pct(m.endSpurt! - 1)} % faster than the middle of the ${inp.what} — there was more in the tank.`
        : m.endSpurt === null
          ? 'Too short to read an end spurt.'
          : `No end spurt: the last 5 s were ${pct(m.endSpurt)} % of the middle.`,
    };
  }
  const shape = m.shape ?? null;
  if (!shape) return { ...base, pass: true, value: null, message: 'No shape to read an end spurt from.' };
  const es = shape.endSpurt;
  const midShare = inp.expectedW !== undefined && inp.expectedW > 0 ? shape.midW / inp.expectedW : undefined;
  const midLow = b.endSpurtMidBelow === null || (midShare !== undefined && midShare < b.endSpurtMidBelow);
  const raised = es >= b.endSpurt && midLow;
  const last = `the last ${Math.round(shape.endWindowS)} s`;
  let message: string;
  if (raised) {
    message =
      b.endSpurtMidBelow === null
        ? `You lifted ${last} by ${pct(es - 1)} % — unusual in a ${inp.what}, where power normally fades.`
        : `You lifted ${last} by ${pct(es - 1)} % after a middle at ${pct(midShare!)} % of target — a reserve held for the finish.`;
  } else if (es > 1.02) {
    message = es <= b.normalEndSpurt || b.endSpurtMidBelow !== null
      ? `You lifted ${last} by ${pct(es - 1)} %: a normal finish for a ${inp.what}.`
      : `You lifted ${last} by ${pct(es - 1)} %.`;
  } else message = `No end spurt: ${last} at ${pct(es)} % of the middle.`;
  return { ...base, pass: !raised, value: es, message };
}

function latePeak(m: SprintMetrics, inp: FlagInputs): FlagCheck {
  const lp = inp.band.latePeak;
  const base = { code: 'LATE_PEAK' as const, strength: 'weak' as const };
  if (lp === null) return { ...base, pass: true, value: null, threshold: null, message: 'Time to peak is not read for reps this long.' };
  if (lp.kind === 'ttp') {
    const raised = m.timeToPeakS > lp.afterS && m.peakInSecondHalf;
    const t = Math.round(m.timeToPeakS);
    return {
      ...base,
      pass: !raised,
      value: m.timeToPeakS,
      threshold: lp.afterS,
      message: raised
        ? `Power built until ${t} s — the peak came in the second half instead of the first strokes.`
        : m.timeToPeakS <= lp.afterS
          ? `Peak at ${t} s — a hard start.`
          : `Peak at ${t} s, still in the first half.`,
    };
  }
  const shape = m.shape ?? null;
  const low = inp.ratio === undefined || inp.ratio < inp.onTarget;
  const raised = shape !== null && shape.best10sInLastThird && shape.negativeSplit > lp.ns && low;
  const ns = shape?.negativeSplit ?? null;
  return {
    ...base,
    pass: !raised,
    value: ns,
    threshold: lp.ns,
    message: raised
      ? `Your best 10 s came in the last third and the second half was ${pct(ns! - 1)} % up on the first — a build-up, not a fade from all-out.`
      : shape !== null && shape.best10sInLastThird
        ? `Power built towards the end — a pacing choice at this level.`
        : `Your best 10 s came before the last third.`,
  };
}

/** Every flag, in the order they matter to the athlete (strongest evidence first). */
export function evaluateFlags(m: SprintMetrics, inp: FlagInputs): FlagCheck[] {
  const b = inp.band;
  const rateFloor = b.rateFloor;
  const lowRate = rateFloor !== null && m.strokeRate !== null && m.strokeRate < rateFloor;
  const flatLow = b.flatFade !== null && inp.ratio !== undefined && m.fade < b.flatFade && inp.ratio < inp.onTarget;
  const fly = (b.id === 'D' || b.id === 'E' || b.id === 'F') && m.shape != null && m.shape.start >= FLY_START && m.shape.lastThird < FLY_LAST_THIRD;
  const plannedMin = inp.plannedWorkS === undefined ? null : CUT_SHORT_SHARE * inp.plannedWorkS;
  const cut = plannedMin !== null && m.durationS < plannedMin;
  const gapTooLong = m.maxGapS > maxGapAllowedS(m.durationS);
  const data = m.coverage < MIN_COVERAGE || gapTooLong;
  // one decimal when whole numbers would read "rate 24, under the 24"
  const rate = m.strokeRate === null ? null : lowRate && Math.round(m.strokeRate) >= rateFloor! ? s1(m.strokeRate) : Math.round(m.strokeRate);
  return [
    endSpurt(m, inp),
    latePeak(m, inp),
    {
      code: 'LOW_RATE',
      strength: 'weak',
      pass: !lowRate,
      value: m.strokeRate,
      threshold: rateFloor,
      message: lowRate
        ? `Rate ${rate}, under the ${rateFloor} a ${inp.what} needs.`
        : rate === null
          ? 'No stroke rate from the machine.'
          : rateFloor === null
            ? `Rate ${rate}.`
            : `Rate ${rate} — fine for a ${inp.what}.`,
    },
    {
      code: 'FLAT_LOW',
      strength: 'weak',
      pass: !flatLow,
      value: m.fade,
      threshold: b.flatFade,
      message: flatLow
        ? `Power faded only ${pct(m.fade)} % while the level stayed under target — that is a paced effort, not a fade from all-out.`
        : `Power faded ${pct(m.fade)} % from the best three strokes.`,
    },
    {
      code: 'FLY_AND_DIE',
      strength: 'info',
      pass: !fly,
      value: m.shape?.start ?? null,
      threshold: FLY_START,
      message: fly
        ? `A fly-and-die: the start was ${pct(m.shape!.start - 1)} % above the middle and the last third ${pct(1 - m.shape!.lastThird)} % below your average — an even pace would give more.`
        : 'No fly-and-die start.',
    },
    {
      code: 'CUT_SHORT',
      strength: 'info',
      pass: !cut,
      value: m.durationS,
      threshold: plannedMin,
      message: cut
        ? `Only ${Math.round(m.durationS)} s of the planned ${Math.round(inp.plannedWorkS!)} s — judged as a ${Math.round(m.durationS)}-s effort.`
        : `Lasted ${Math.round(m.durationS)} s.`,
    },
    {
      code: 'DATA',
      strength: 'info',
      pass: !data,
      value: m.coverage,
      threshold: MIN_COVERAGE,
      message: data
        ? gapTooLong
          ? `Couldn't judge ${inp.label} — the data stopped for ${s1(m.maxGapS)} s.`
          : `Couldn't judge ${inp.label} — ${s1((1 - m.coverage) * m.durationS)} s of data missing.`
        : `Data covered ${pct(m.coverage)} % of the ${inp.what}.`,
    },
  ];
}

/**
 * Flags that count as evidence about effort: raised strong and weak ones. CUT SHORT is reported,
 * not an effort judgement (docs/science.md §7.5), FLY AND DIE is advice, and DATA makes the
 * verdict inconclusive before any counting.
 */
export function effortFlags(checks: readonly FlagCheck[]): FlagCheck[] {
  return checks.filter((c) => !c.pass && c.strength !== 'info');
}
