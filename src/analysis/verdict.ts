/**
 * The all-out verdict of one work interval: the decision table of docs/science.md
 * §7.6 (band-aware), first match wins, with the number it compared and at
 * most two reasons in plain words.
 *
 * Score (0–100, no hidden inputs): 75 points for the level — O_n from 0.70 (0) to 1.00 (75),
 * linear — plus 25 for the shape, less 10 per effort flag; a rep cut short scores its share of the
 * plan. Without a reference the level is unknown: 40 + 40 × shape (so 40–80). Inconclusive: 50.
 */
import { bandOf, type BandParams, type ExecutionMode } from './bands.js';
import { expectedPowerW, shortRepFatigue } from '../rowing/fatigue.js';
import { effortFlags, evaluateFlags, MIN_SPRINT_RATE, type FlagCheck } from './flags.js';
import { reportedReference, type Reference } from './reference.js';
import type { SprintMetrics } from './sprint-metrics.js';
import { toleranceFor } from './tolerance.js';
import type { Reason, Verdict, VerdictKind } from './types.js';
import { headline, heartRateReason, outputReason, repWords } from './verdict-messages.js';

/** Intervals shorter than this are surges, not reps (row 1). */
export const MIN_SPRINT_S = 15;
/** An all-out sprint shape fades at least this much from the best three strokes (row 4). */
export const ALL_OUT_FADE = 0.05;
/** A later rep this much stronger shows this one had more in it (bands B–F, final verdicts) [J: §5.4 normal set drift ±4 %, last rep +0–5 %]. */
export const LATER_REP_RISE = 1.1;
/**
 * Paced sets, final verdicts: a rep under this share of the median of the other reps stands out of
 * the set whatever the reference says (normal rep-to-rep spread ±4 %, §5.4; 0.86 = the tier-1
 * well-below line) [J]. Measured need: with only today's reps as reference (C(T) = best of reps 1–3),
 * a 5 × 5:00 with rep 3 at 78 % read "94 % of target, all-out", the first two reps having used W′.
 */
export const SET_OUTLIER = 0.86;
/** Paced sets: "fatigued, still all-out" when less than this share of W′ was left before the rep [J]. */
export const LOW_W_PRIME = 0.25;

export interface HeartRateInfo {
  /** measured session/history max (preferred) or age-predicted, bpm */
  maxBpm: number;
  /** age-predicted: "high" becomes max − 15 bpm instead of the band's share (docs/science.md §6) */
  estimated?: boolean;
}

/** The paced-set target of this rep (docs/science.md §7.2 step 3), computed by the session layer. */
export interface SetTargetInfo {
  /** E_n, W */
  powerW: number;
  /** W′ left before the rep, share (< 0 when the athlete beat the model) */
  wPrimeLeft: number;
  /** reps in the set (planned or assumed) and their work and rest, s */
  reps: number;
  workS: number;
  restS: number;
  /** shortest and longest rep of the set, s (a ladder when they differ by > 25 %) */
  minWorkS?: number;
  maxWorkS?: number;
}

export interface VerdictContext {
  /** 1-based rep number in the main set */
  rep: number;
  /** rest length that shapes f(n), s: the rest before this rep or the mean rest of the set (default 90) */
  restBeforeS?: number;
  /** first rep preceded by a rest rowed harder than half of rep 1 (lowers f(n) from there) */
  hardRestFromRep?: number;
  /** mean power of the rest before this rep ÷ rep 1's mean power (for the coaching line) */
  restShare?: number;
  /** planned work length, s (CUT SHORT needs it) */
  plannedWorkS?: number;
  /** C(T) for this rep (or Ref₁ for a session reference); absent → shape-only provisional verdict */
  reference?: Reference;
  /** execution mode of the set (default: REP-MAX for bands A–B, SINGLE beyond) */
  mode?: ExecutionMode;
  /** SET-PACED / MIXED: the W′ target of this rep */
  target?: SetTargetInfo;
  /** a later rep of the set was this much stronger (final verdicts only): { rep, ratio } */
  laterRise?: { rep: number; ratio: number };
  /** this rep's mean power ÷ the median of the other reps of the set (live: of the reps before it) */
  setShare?: number;
  hr?: HeartRateInfo;
  /** a live verdict without a settled reference (default: true when there is no reference); final verdicts: false */
  provisional?: boolean;
  /** no push to continue: the athlete declared a stop, or this was the last rep */
  stopCoaching?: boolean;
}

export type HeartRateReading = 'high' | 'low' | 'middle' | 'absent' | 'abnormal';

/** Heart-rate reading by band (HR lags: in sprints reps 1–2 are never judged on it). */
export function readHeartRate(m: SprintMetrics, ctx: VerdictContext, band: Readonly<BandParams> = bandOf(m.durationS)): HeartRateReading {
  if (!ctx.hr || m.peakHeartRate === null || ctx.hr.maxBpm <= 0) return 'absent';
  if (m.peakHeartRate > ctx.hr.maxBpm + 10 && !ctx.hr.estimated) return 'abnormal';
  if (ctx.rep < band.hrHighFromRep) return 'absent';
  const high = ctx.hr.estimated ? ctx.hr.maxBpm - 15 : band.hrHigh * ctx.hr.maxBpm;
  if (m.peakHeartRate >= high) return 'high';
  if (ctx.rep >= band.hrLowFromRep && m.peakHeartRate < band.hrLow * ctx.hr.maxBpm) return 'low';
  return 'middle';
}

/**
 * Row 4's "all-out shape" for REP-MAX: hard start, real fade, no end spurt, usual rate. "Hard
 * start" is read as "no LATE PEAK": light, low-drag rowers' genuine all-out peaks read at 13–15 s on
 * the monitor (flywheel lag, docs/science.md §8.1), and a bare TTP ≤ 12 s called them "close".
 */
function allOutShape(m: SprintMetrics, checks: readonly FlagCheck[], band: Readonly<BandParams>): boolean {
  const pass = (code: string): boolean => checks.find((c) => c.code === code)?.pass ?? true;
  const rateFloor = band.rateFloor ?? MIN_SPRINT_RATE;
  const rateOk = m.strokeRate === null || band.rateFloor === null || m.strokeRate >= rateFloor;
  return pass('LATE_PEAK') && m.fade >= ALL_OUT_FADE && pass('END_SPURT') && rateOk && pass('FLAT_LOW');
}

/**
 * allOut per kind: one meaning everywhere (README "Verdict kinds"). A paced shape (row 3) reached the
 * level but showed a reserve — so as rowed it was not all-out. "Close" and "below" cannot tell effort
 * from a bad day: null.
 */
export const ALL_OUT_KINDS: Readonly<Record<VerdictKind, boolean | null>> = Object.freeze({
  'all-out': true,
  'all-out-paced': false,
  'fatigued-all-out': true,
  'held-back': false,
  close: null,
  below: null,
  inconclusive: null,
});

interface Decision {
  ratio: number;
  /** a paced-set rep far below the others */
  outlier: boolean;
  onTarget: number;
  wellBelow: number;
  flags: readonly FlagCheck[];
  fatigued: boolean;
  laterRise: boolean;
  sprint: boolean;
}

/** Decision table rows 2–7 (row 1 is checked first by the caller). */
function decide(d: Decision): VerdictKind {
  const strong = d.flags.some((f) => f.strength === 'strong');
  const weak = d.flags.filter((f) => f.strength === 'weak').length;
  if (d.outlier) return d.laterRise ? 'held-back' : 'below';
  if (d.ratio >= d.onTarget) return !strong && weak <= 1 ? 'all-out' : 'all-out-paced';
  if (d.laterRise) return 'held-back';
  if (d.fatigued) return 'fatigued-all-out';
  // bands B–F: rate is never the only reason for a negative verdict (docs/science.md §4)
  const telling = d.sprint ? d.flags : d.flags.filter((f) => f.code !== 'LOW_RATE');
  if ((d.ratio < d.wellBelow && telling.length >= 1) || (d.flags.length >= 2 && telling.length >= 1)) return 'held-back';
  return d.ratio >= d.wellBelow ? 'close' : 'below';
}

/** No reference yet (first reps of a first session): shape, rate and completeness only. */
function decideShapeOnly(flags: readonly FlagCheck[]): VerdictKind {
  const telling = flags.some((f) => f.strength === 'strong' || f.code === 'LATE_PEAK');
  if (flags.length <= 1 && !telling) return 'all-out';
  if (flags.length >= 2 && telling) return 'held-back';
  return 'inconclusive';
}

function score(ratio: number | undefined, flags: number, cutShare: number): number {
  const shape = Math.max(0, 1 - 0.4 * flags);
  if (ratio === undefined) return Math.round((40 + 40 * shape) * cutShare);
  const level = Math.min(1, Math.max(0, (ratio - 0.7) / 0.3));
  return Math.round((75 * level + 25 * shape) * cutShare);
}

/** E_n by execution mode (docs/science.md §7.2): C(T) × f(n) for REP-MAX, the W′ target for paced sets, C(T) for one piece. */
function expectedFor(ctx: VerdictContext, band: Readonly<BandParams>, mode: ExecutionMode): number | undefined {
  const ref = ctx.reference;
  if (!ref) return undefined;
  if ((mode === 'set-paced' || mode === 'mixed') && ctx.target) return ctx.target.powerW;
  if (mode === 'single') return ref.powerW;
  if (band.id === 'B') return ref.powerW * shortRepFatigue(ctx.rep);
  return expectedPowerW(ref.powerW, ctx.rep, ctx.restBeforeS ?? 90, ctx.hardRestFromRep);
}

/** Judge one work interval against its context (pure; the same inputs always give the same verdict). */
export function judgeSprint(m: SprintMetrics, ctx: VerdictContext): Verdict {
  const band = bandOf(m.durationS);
  const mode: ExecutionMode = ctx.mode ?? (band.id === 'A' || band.id === 'B' ? 'rep-max' : 'single');
  const ref = ctx.reference;
  const words = repWords(band, mode, m.durationS, ctx.rep);
  const tol = toleranceFor(band, ref, m.durationS);
  const expected = expectedFor(ctx, band, mode);
  const ratio = expected && expected > 0 ? m.meanPowerW / expected : undefined;
  const checks = evaluateFlags(m, { band, ratio, expectedW: expected, onTarget: tol.onTarget, plannedWorkS: ctx.plannedWorkS, rep: ctx.rep, label: words.label.toLowerCase(), what: words.what });
  const flags = effortFlags(checks);
  const hr = readHeartRate(m, ctx, band);
  const data = checks.find((c) => c.code === 'DATA')!;
  const cut = checks.find((c) => c.code === 'CUT_SHORT' && !c.pass);
  const tooShort = m.durationS < MIN_SPRINT_S;
  const paced = mode === 'set-paced' || mode === 'mixed';
  const fatigued =
    mode === 'rep-max'
      ? allOutShape(m, checks, band) && (hr === 'high' || hr === 'absent')
      : paced && ctx.target !== undefined && ctx.target.wPrimeLeft < LOW_W_PRIME && flags.length === 0 && hr !== 'low';
  const laterRise = band.id !== 'A' && ctx.laterRise !== undefined && ctx.laterRise.ratio >= LATER_REP_RISE;
  const outlier = paced && ctx.setShare !== undefined && ctx.setShare < SET_OUTLIER;
  let kind: VerdictKind;
  if (!data.pass || tooShort) kind = 'inconclusive';
  else if (ratio === undefined) kind = outlier ? (laterRise ? 'held-back' : 'below') : decideShapeOnly(flags);
  else kind = decide({ ratio, outlier, onTarget: tol.onTarget, wellBelow: tol.wellBelow, flags, fatigued, laterRise, sprint: band.id === 'A' });
  // provisional is a live notion (no settled reference yet); the session layer says false for final verdicts
  const provisional = ctx.provisional ?? ratio === undefined;

  const reasons: Reason[] = [];
  if (ratio !== undefined && expected !== undefined && ref) reasons.push(outputReason({ m, ctx, ref, expected, ratio, onTarget: tol.onTarget, band, mode, words }));
  if (!data.pass) reasons.push(data);
  else if (tooShort) {
    reasons.push({ code: 'TOO_SHORT', pass: false, value: m.durationS, threshold: MIN_SPRINT_S, message: `${words.label} lasted only ${Math.round(m.durationS)} s — too short to judge.` });
  } else {
    const apart = outlier ? [{ code: 'SET_OUTLIER', pass: false, value: ctx.setShare!, threshold: SET_OUTLIER, message: `${Math.round((1 - ctx.setShare!) * 100)} % below your other reps of the set.` }] : [];
    const rise = laterRise && kind === 'held-back' ? [{ code: 'LATER_REP', pass: false, value: ctx.laterRise!.ratio, threshold: LATER_REP_RISE, message: `Rep ${ctx.laterRise!.rep} was ${Math.round((ctx.laterRise!.ratio - 1) * 100)} % stronger — this one had more in it.` }] : [];
    const raised: Reason[] = [...apart, ...rise, ...flags, ...(cut ? [cut] : [])];
    const fly = checks.find((c) => c.code === 'FLY_AND_DIE' && !c.pass);
    if (fly) raised.push(fly);
    const shape = ['END_SPURT', 'LATE_PEAK'].map((code) => checks.find((c) => c.code === code)!).filter((c) => c.value !== null);
    const picked: Reason[] = (raised.length > 0 ? raised : shape).slice(0, 2);
    const hrReason = heartRateReason(m, ctx, hr, band);
    // heart rate, when it has something to say, takes second place unless two flags were raised
    if (hrReason && hr !== 'abnormal' && raised.length < 2) picked.splice(1, 1, hrReason);
    reasons.push(...picked);
    if (hrReason && hr === 'abnormal') reasons.push(hrReason); // safety is always said, beyond the two
  }
  const stop = ctx.stopCoaching === true || hr === 'abnormal';
  const cutShare = cut && ctx.plannedWorkS ? Math.min(1, m.durationS / ctx.plannedWorkS) : 1;
  const verdict: Verdict = {
    allOut: ALL_OUT_KINDS[kind],
    score: !data.pass || tooShort ? 50 : score(ratio, flags.length, cutShare),
    kind,
    reasons,
    message: headline({ kind, m, ctx, ratio, expected, ref, reasons, stop, provisional, words, cut: cut !== undefined }),
    provisional,
    rep: ctx.rep,
    band: band.id,
    mode,
    meanPowerW: m.meanPowerW,
    checks,
  };
  if (expected !== undefined) verdict.expectedPowerW = expected;
  if (ratio !== undefined) verdict.ratio = ratio;
  if (ref) verdict.reference = reportedReference(ref);
  return verdict;
}
