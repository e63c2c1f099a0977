/**
 * Verdicts for a whole main set: live (one call per finished sprint, knowing only the sprints so
 * far) and final (once at the end, every sprint re-judged against the session's final reference),
 * plus the session reading (notes §6.4): percentage decrement, rising reps, last-rep spurt.
 */
import { priorReference, sessionReference, type Reference, type ReferenceInputs } from './reference.js';
import type { SprintMetrics } from './sprint-metrics.js';
import type { SessionSummary, Verdict } from './types.js';
import { HARD_REST_SHARE } from './fatigue.js';
import { judgeSprint, type HeartRateInfo, type VerdictContext } from './verdict.js';

/** One finished main-set sprint, in order. */
export interface SprintInput {
  metrics: SprintMetrics;
  /** length of the rest before it, s (unknown for sprint 1); f(n) uses the mean rest so far */
  restBeforeS?: number;
  /** mean power of the rest before it, W: rests above half of sprint 1 lower f(n) */
  restPowerW?: number;
  /** planned work length of this sprint, s (the plan in force when it ran); wins over `opts.plannedWorkS` */
  plannedWorkS?: number;
}

export interface SessionOptions extends ReferenceInputs {
  /** planned work length, s */
  plannedWorkS?: number;
  /** planned rest length, s: used when a sprint's own rest length is unknown */
  plannedRestS?: number;
  /** planned number of reps: no "next one" advice after the last */
  plannedReps?: number;
  usualSprintRate?: number;
  hr?: HeartRateInfo;
  /** the athlete declared a stop: never push to continue */
  stopped?: boolean;
}

/** Reps the session reference is taken from (max of reps 1–3). */
const SESSION_REF_REPS = 3;

/** The rest length that shapes f(n) for sprint i+1: the mean of the rests so far, s. */
function meanRestS(sprints: readonly SprintInput[], i: number, opts: SessionOptions): number {
  const rests = sprints.slice(1, i + 1).flatMap((s) => (s.restBeforeS === undefined ? [] : [s.restBeforeS]));
  if (rests.length === 0) return opts.plannedRestS ?? 90;
  return rests.reduce((a, b) => a + b, 0) / rests.length;
}

function judgeAt(sprints: readonly SprintInput[], i: number, ref: Reference | undefined, opts: SessionOptions): Verdict {
  const s = sprints[i]!;
  const rep = i + 1;
  const ctx: VerdictContext = {
    rep,
    restBeforeS: meanRestS(sprints, i, opts),
    plannedWorkS: s.plannedWorkS ?? opts.plannedWorkS,
    reference: ref,
    usualSprintRate: opts.usualSprintRate,
    hr: opts.hr,
    stopCoaching: opts.stopped === true || (opts.plannedReps !== undefined && rep >= opts.plannedReps),
  };
  const first = sprints[0]!.metrics.meanPowerW;
  if (first > 0) {
    const hard = sprints.slice(1, i + 1).findIndex((x) => x.restPowerW !== undefined && x.restPowerW > HARD_REST_SHARE * first);
    if (hard >= 0) ctx.hardRestFromRep = hard + 2;
    if (s.restPowerW !== undefined) ctx.restShare = s.restPowerW / first;
  }
  return judgeSprint(s.metrics, ctx);
}

/**
 * Live verdict of the latest sprint in `sprints` (all main-set sprints so far, in order). With no
 * history or declared time, sprints 1–3 get shape-only provisional verdicts; from sprint 4 on, the
 * best of sprints 1–3 is the (provisional) reference. Earlier verdicts are not rewritten live.
 */
export function judgeSprintLive(sprints: readonly SprintInput[], opts: SessionOptions = {}): Verdict {
  if (sprints.length === 0) throw new RangeError('judgeSprintLive needs at least one sprint');
  const prior = priorReference(opts);
  const ref = prior ?? (sprints.length > SESSION_REF_REPS ? sessionReference(sprints.map((s) => s.metrics.meanPowerW)) : undefined);
  const verdict = judgeAt(sprints, sprints.length - 1, ref, opts);
  const first = sprints[0]!.metrics.meanPowerW;
  const here = sprints[sprints.length - 1]!.metrics.meanPowerW;
  if (!ref && sprints.length > 1 && first > 0 && here > 1.05 * first && verdict.kind !== 'inconclusive') {
    // notes §6.6: a later rep more than 5 % above rep 1 means rep 1 was held back — say so
    verdict.message = `${verdict.message} That was ${Math.round((here / first - 1) * 100)} % more than sprint 1 — sprint 1 had more in it.`;
  }
  return verdict;
}

/** Percentage decrement score, %: [1 − ΣMP / (n × max MP)] × 100 (Fitzsimons/Glaister). */
export function decrementScorePct(meanPowersW: readonly number[]): number | undefined {
  if (meanPowersW.length < 2) return undefined;
  const best = Math.max(...meanPowersW);
  if (!(best > 0)) return undefined;
  const sum = meanPowersW.reduce((a, b) => a + b, 0);
  return (1 - sum / (meanPowersW.length * best)) * 100;
}

/** What an Sdec means for 8–10 × 30 s (notes §1.4: normal 10–25 %, < 6 % paced, > 35 % fly-and-die). */
export function readDecrement(sdecPct: number, sprints: number): string {
  const v = Math.round(sdecPct);
  if (sdecPct < 6 && sprints >= 6) return `Power dropped only ${v} % across the set — suspiciously even. You likely paced across the session; next time treat each rep as the only one.`;
  if (sdecPct < 10) return `Power dropped ${v} % across the set — flatter than the usual 10–25 %.`;
  if (sdecPct <= 25) return `Power dropped ${v} % across the set — right in the normal 10–25 % for repeated 30-s sprints.`;
  if (sdecPct <= 35) return `Power dropped ${v} % across the set — steeper than the usual 10–25 %; keep the rests easy.`;
  return `Power dropped ${v} % across the set — a big fade: a fly-and-die start or rests rowed too hard.`;
}

/** Session patterns on the sprints' mean powers (1-based rep numbers in the results). */
export function sessionPatterns(meanPowersW: readonly number[]): { risingReps: number[]; lastRepSpurt: boolean; notes: string[] } {
  const notes: string[] = [];
  const risingReps: number[] = [];
  for (let i = 1; i + 1 < meanPowersW.length; i++) {
    const here = meanPowersW[i]!;
    const after = meanPowersW[i + 1]!;
    if (here > 0 && after > 1.05 * here) {
      risingReps.push(i + 1);
      notes.push(`Sprint ${i + 2} was ${Math.round((after / here - 1) * 100)} % stronger than sprint ${i + 1} — did sprint ${i + 1} have more in it?`);
    }
  }
  const n = meanPowersW.length;
  let lastRepSpurt = false;
  if (n >= 3) {
    const before = (meanPowersW[n - 2]! + meanPowersW[n - 3]!) / 2;
    lastRepSpurt = before > 0 && meanPowersW[n - 1]! > 1.05 * before;
    if (lastRepSpurt) notes.push(`The last sprint was ${Math.round((meanPowersW[n - 1]! / before - 1) * 100)} % above the two before it — you saved something for the last one.`);
  }
  const first = meanPowersW[0];
  const laterBest = Math.max(...meanPowersW.slice(1, 3));
  if (first !== undefined && first > 0 && laterBest > 1.05 * first) {
    notes.push(`Sprint 1 was ${Math.round((1 - first / laterBest) * 100)} % below your best of sprints 2–3 — sprint 1 was probably held back.`);
  }
  return { risingReps, lastRepSpurt, notes };
}

/**
 * Final verdicts at the end of the session: every sprint re-judged against the final reference
 * (history or declared time, else the best of sprints 1–3), with the session summary.
 */
export function judgeSession(sprints: readonly SprintInput[], opts: SessionOptions = {}): { verdicts: Verdict[]; summary: SessionSummary; reference?: Reference } {
  const powers = sprints.map((s) => s.metrics.meanPowerW);
  const ref = priorReference(opts) ?? sessionReference(powers);
  const verdicts = sprints.map((_, i) => judgeAt(sprints, i, ref, opts));
  const patterns = sessionPatterns(powers);
  const summary: SessionSummary = {
    sprints: sprints.length,
    allOut: verdicts.filter((v) => v.allOut === true).length,
    notes: patterns.notes,
    risingReps: patterns.risingReps,
    lastRepSpurt: patterns.lastRepSpurt,
    provisional: ref === undefined || ref.kind === 'session',
  };
  const sdec = decrementScorePct(powers);
  if (sdec !== undefined) {
    summary.decrementPct = sdec;
    summary.decrementReading = readDecrement(sdec, powers.length);
  }
  if (ref) summary.reference = { powerW: ref.powerW, source: ref.source, kind: ref.kind };
  return ref ? { verdicts, summary, reference: ref } : { verdicts, summary };
}
