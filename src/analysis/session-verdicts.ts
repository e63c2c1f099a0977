/**
 * Verdicts for a whole main set: live (one call per finished rep, knowing only the reps so far)
 * and final (once at the end, every rep re-judged with the whole set known), plus the session
 * reading. Duration-aware: each rep is judged in its band and the set's execution mode
 * (docs/science.md §7).
 */
import { bandOf, type ExecutionMode } from './bands.js';
import { HARD_REST_SHARE } from '../rowing/fatigue.js';
import { repReference, setShape, meanRestS, similarReps, type SetOptions, type SprintInput } from './set-context.js';
import { decrementScorePct, readDecrementFor, readWPrimeUsed, sessionPatterns } from './session-readings.js';
import { reportedReference, type Reference } from './reference.js';
import { median } from './series.js';
import type { SessionSummary, Verdict } from './types.js';
import { judgeSprint, type HeartRateInfo, type VerdictContext } from './verdict.js';
import { durationWords } from './verdict-messages.js';
import { DEFAULT_REST_SHARE, powerModel, setTarget, type PowerModel } from './w-prime.js';
import type { SprintMetrics } from './sprint-metrics.js';
import { toleranceFor } from './tolerance.js';

export type { SprintInput } from './set-context.js';
export { decrementScorePct, readDecrement, sessionPatterns } from './session-readings.js';

export interface SessionOptions extends SetOptions {
  hr?: HeartRateInfo;
  /** the athlete declared a stop: never push to continue */
  stopped?: boolean;
}

/** The strongest later rep, as { rep, ratio to this one } (final verdicts: the whole set is known). */
function laterRise(sprints: readonly SprintInput[], i: number): { rep: number; ratio: number } | undefined {
  const here = sprints[i]!.metrics.meanPowerW;
  if (!(here > 0)) return undefined;
  let best: { rep: number; ratio: number } | undefined;
  for (const j of similarReps(sprints, i)) {
    if (j <= i) continue;
    const ratio = sprints[j]!.metrics.meanPowerW / here;
    if (!best || ratio > best.ratio) best = { rep: j + 1, ratio };
  }
  return best;
}

function judgeAt(sprints: readonly SprintInput[], i: number, opts: SessionOptions, final: boolean): Verdict {
  const s = sprints[i]!;
  const rep = i + 1;
  const shape = setShape(sprints, i, opts, final);
  const { reference, target } = repReference(sprints, i, shape, opts, final);
  const ctx: VerdictContext = {
    rep,
    restBeforeS: meanRestS(sprints, i) ?? opts.plannedRestS ?? 90,
    plannedWorkS: s.plannedWorkS ?? opts.plannedWorkS,
    mode: shape.mode,
    hr: opts.hr,
    stopCoaching: opts.stopped === true || (opts.plannedReps !== undefined && rep >= opts.plannedReps) || (final && rep === sprints.length),
  };
  // the other reps known now (final: all of them; live: the ones before)
  // reps of a ladder (4-3-2 min) are compared only with reps of about their own length
  const others = median(similarReps(sprints, i).filter((j) => final || j < i).map((j) => sprints[j]!.metrics.meanPowerW));
  if (others !== undefined && others > 0) ctx.setShare = s.metrics.meanPowerW / others;
  if (reference) ctx.reference = reference;
  // With today's reps as reference C(T) is their best, so after a held rep the W′ target can climb to
  // that best; the set's own median caps it. Measured: on the simulator's 4 × 10:00 with rep 2 held
  // the last (all-out) rep read "close" at 91 % of the best rep.
  if (target) ctx.target = reference?.kind === 'session' && others !== undefined ? { ...target, powerW: Math.min(target.powerW, others) } : target;
  // live: today's reps so far are not a settled reference; final verdicts are never provisional
  if (final) ctx.provisional = false;
  else if (reference?.kind === 'session') ctx.provisional = true;
  if (final) {
    const rise = laterRise(sprints, i);
    if (rise) ctx.laterRise = rise;
  }
  const first = sprints[0]!.metrics.meanPowerW;
  if (first > 0) {
    const hard = sprints.slice(1, i + 1).findIndex((x) => x.restPowerW !== undefined && x.restPowerW > HARD_REST_SHARE * first);
    if (hard >= 0) ctx.hardRestFromRep = hard + 2;
    if (s.restPowerW !== undefined) ctx.restShare = s.restPowerW / first;
  }
  return judgeSprint(s.metrics, ctx);
}

/**
 * Live verdict of the latest rep in `sprints` (all main-set reps so far, in order). With no
 * history or declared time, reps 1–3 get shape-only provisional verdicts; from rep 4 on, the best
 * of reps 1–3 is the (provisional) reference. Earlier verdicts are not rewritten live.
 */
export function judgeSprintLive(sprints: readonly SprintInput[], opts: SessionOptions = {}): Verdict {
  if (sprints.length === 0) throw new RangeError('judgeSprintLive needs at least one sprint');
  const verdict = judgeAt(sprints, sprints.length - 1, opts, false);
  const first = sprints[0]!.metrics.meanPowerW;
  const here = sprints[sprints.length - 1]!.metrics.meanPowerW;
  const word = bandOf(sprints[0]!.metrics.durationS).repWord;
  const paced = verdict.mode === 'set-paced' || verdict.mode === 'mixed';
  if (!verdict.reference && !paced && sprints.length > 1 && first > 0 && here > 1.05 * first && verdict.kind !== 'inconclusive') {
    // docs/science.md §5.5: in an all-out set a later rep more than 5 % above rep 1 means rep 1 was held back — say so
    verdict.message = `${verdict.message} That was ${Math.round((here / first - 1) * 100)} % more than ${word} 1 — ${word} 1 had more in it.`;
  }
  return verdict;
}

/** Share of W′ used by the end of the last rep of a paced set (§7.6), from the final reference. */
function wPrimeUsed(sprints: readonly SprintInput[], verdicts: readonly Verdict[], p2kW: number | undefined, model?: PowerModel): number | undefined {
  const last = verdicts[verdicts.length - 1];
  if (p2kW === undefined || !last?.expectedPowerW || (last.mode !== 'set-paced' && last.mode !== 'mixed')) return undefined;
  const lastRep = sprints[sprints.length - 1]!;
  const t = setTarget({
    model: model ?? powerModel(p2kW),
    done: sprints.flatMap((s, j) => [
      ...(j > 0 && s.restBeforeS !== undefined ? [{ durationS: s.restBeforeS, powerW: s.restPowerW ?? DEFAULT_REST_SHARE * p2kW }] : []),
      { durationS: s.metrics.durationS, powerW: s.metrics.meanPowerW },
    ]),
    workS: lastRep.metrics.durationS,
    remaining: 1,
    restS: 0,
    restPowerW: 0,
    dense: false,
  });
  return Math.min(1, Math.max(0, 1 - t.wPrimeLeft));
}

/**
 * Final verdicts at the end of the session: every rep re-judged with the whole set known (history
 * or declared time, else the best of reps 1–3), with the session summary. Final verdicts are never
 * provisional.
 */
export function judgeSession(sprints: readonly SprintInput[], opts: SessionOptions = {}): { verdicts: Verdict[]; summary: SessionSummary; reference?: Reference } {
  const powers = sprints.map((s) => s.metrics.meanPowerW);
  const verdicts = sprints.map((_, i) => judgeAt(sprints, i, opts, true));
  const first = sprints[0];
  const band = bandOf(first ? first.metrics.durationS : 30);
  const mode: ExecutionMode = verdicts[0]?.mode ?? 'rep-max';
  const patterns = mode === 'single' ? { risingReps: [], lastRepSpurt: false, notes: [] } : sessionPatterns(powers, band, mode);
  const lastI = sprints.length - 1;
  const ref = lastI >= 0 ? repReference(sprints, lastI, setShape(sprints, lastI, opts, true), opts, true).reference : undefined;
  const summary: SessionSummary = {
    sprints: sprints.length,
    allOut: verdicts.filter((v) => v.allOut === true).length,
    notes: patterns.notes,
    risingReps: patterns.risingReps,
    lastRepSpurt: patterns.lastRepSpurt,
    provisional: ref === undefined || ref.kind === 'session',
    band: band.id,
    mode,
  };
  const sdec = mode === 'single' ? undefined : decrementScorePct(powers);
  if (sdec !== undefined) {
    summary.decrementPct = sdec;
    summary.decrementReading = readDecrementFor(sdec, powers.length, band, mode, band.id === 'A' ? 'sprint' : `${durationWords(first!.metrics.durationS)} rep`);
  }
  const used = wPrimeUsed(sprints, verdicts, ref?.p2kW, ref?.model);
  if (used !== undefined) {
    summary.wPrimeUsedPct = used * 100;
    summary.notes.unshift(readWPrimeUsed(used));
  }
  if (ref) summary.reference = reportedReference(ref);
  return ref ? { verdicts, summary, reference: ref } : { verdicts, summary };
}

/** What a rep about to start will be judged against (the live target). */
export interface RepTargetReading {
  /** E_n, W; absent while there is no reference (no history or declared time, rep 1–3) */
  powerW?: number;
  source?: string;
  /** the verdict's on-target and well-below ratios for the rep's band and reference */
  onTarget: number;
  wellBelow: number;
}

/**
 * The live target of the rep after `sprints` (the reps so far), if it lasts `next.workS`: the
 * expected power E_n the live verdict will compute (the same `judgeAt`, with the rep's own power
 * not yet known), and the tolerance the verdict reads the ratio with. The verdict places C(T) at
 * the rep's actual length, so a rep that runs longer or shorter than planned is judged against a
 * slightly different E_n.
 */
export function liveTarget(sprints: readonly SprintInput[], next: { workS: number; restBeforeS?: number; restPowerW?: number; plannedWorkS?: number }, opts: SessionOptions = {}): RepTargetReading {
  const metrics: SprintMetrics = {
    startMs: 0,
    endMs: next.workS * 1000,
    durationS: next.workS,
    meanPowerW: 0, // unknown yet: E_n depends on the reference and the reps before, not on this rep's power
    peakPowerW: 0,
    timeToPeakS: 0,
    peakInSecondHalf: false,
    fade: 0,
    endSpurt: null,
    frontLoading: null,
    strokeRate: null,
    peakHeartRate: null,
    strokes: 0,
    coverage: 1,
    maxGapS: 0,
  };
  const input: SprintInput = { metrics };
  if (next.restBeforeS !== undefined) input.restBeforeS = next.restBeforeS;
  if (next.restPowerW !== undefined) input.restPowerW = next.restPowerW;
  if (next.plannedWorkS !== undefined) input.plannedWorkS = next.plannedWorkS;
  const all = [...sprints, input];
  const i = all.length - 1;
  const { reference } = repReference(all, i, setShape(all, i, opts, false), opts, false);
  const tol = toleranceFor(bandOf(next.workS), reference, next.workS);
  const verdict = judgeAt(all, i, opts, false);
  const out: RepTargetReading = { onTarget: tol.onTarget, wellBelow: tol.wellBelow };
  if (verdict.expectedPowerW !== undefined && verdict.expectedPowerW > 0) out.powerW = verdict.expectedPowerW;
  if (reference) out.source = reference.source;
  return out;
}
