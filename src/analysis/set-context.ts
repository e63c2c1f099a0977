/**
 * What a rep is judged against inside its set (docs/science.md §7.1–7.2): the set's
 * shape (work, reps, rest), its execution mode, the reference placed at the rep's duration, and —
 * for paced sets — the W′-balance target from what was actually rowed before it.
 */
import { bandOf, executionMode, isDenseSet, type ExecutionMode } from './bands.js';
import { median } from './series.js';
import { powerDurationRatio } from './power-duration.js';
import { priorBasis, referenceAt, sessionReference, type Reference, type ReferenceInputs } from './reference.js';
import type { SprintMetrics } from './sprint-metrics.js';
import type { SetTargetInfo } from './verdict.js';
import { DEFAULT_REST_SHARE, powerModel, setTarget, type PowerModel, type Segment } from './w-prime.js';

/** One finished main-set work interval, in order. */
export interface SprintInput {
  metrics: SprintMetrics;
  /** length of the rest before it, s (unknown for rep 1) */
  restBeforeS?: number;
  /** mean power of the rest before it, W (f(n) of sprints; W′ recovery of paced sets) */
  restPowerW?: number;
  /** planned work length of this rep, s (the plan in force when it ran); wins over `opts.plannedWorkS` */
  plannedWorkS?: number;
}

export interface SetOptions extends ReferenceInputs {
  plannedWorkS?: number;
  plannedRestS?: number;
  plannedReps?: number;
}

export interface SetShapeSoFar {
  workS: number;
  reps: number;
  restS: number;
  mode: ExecutionMode;
}

/** Reps the session reference is taken from (max of reps 1–3). */
export const SESSION_REF_REPS = 3;

/** Mean of the rests in sprints[1..i], s (undefined before any). */
export function meanRestS(sprints: readonly SprintInput[], i: number): number | undefined {
  const rests = sprints.slice(1, i + 1).flatMap((s) => (s.restBeforeS === undefined ? [] : [s.restBeforeS]));
  return rests.length === 0 ? undefined : rests.reduce((a, b) => a + b, 0) / rests.length;
}

/**
 * The set as known when rep i+1 is judged. `final`: every rep is known, so N = their count. Live
 * without a plan N is assumed max(reps so far + 1, 4) (§7.2) — except that a first rep of 2.5 min or
 * more is taken for a single piece until a second one comes [J]: nothing says more will follow.
 */
export function setShape(sprints: readonly SprintInput[], i: number, opts: SetOptions, final: boolean): SetShapeSoFar {
  const known = final ? sprints : sprints.slice(0, i + 1);
  const workS = opts.plannedWorkS ?? median(known.map((s) => s.metrics.durationS)) ?? sprints[i]!.metrics.durationS;
  const band = bandOf(sprints[i]!.metrics.durationS);
  let reps: number;
  if (final) reps = sprints.length;
  else if (opts.plannedReps !== undefined) reps = Math.max(opts.plannedReps, known.length);
  else reps = known.length === 1 && (band.id === 'D' || band.id === 'E' || band.id === 'F') ? 1 : Math.max(known.length + 1, 4);
  const restS = opts.plannedRestS ?? meanRestS(known, known.length - 1) ?? workS;
  return { workS, reps, restS, mode: executionMode({ workS, reps, restS }) };
}

/** The measured rest powers so far, or the default share of P2k [J]. */
function restPowerW(sprints: readonly SprintInput[], i: number, p2kW: number): number {
  const rests = sprints.slice(1, i + 1).flatMap((s) => (s.restPowerW === undefined ? [] : [s.restPowerW]));
  return rests.length === 0 ? DEFAULT_REST_SHARE * p2kW : rests.reduce((a, b) => a + b, 0) / rests.length;
}

/** Reps and rests rowed before rep i+1, as W′ segments (rests without a measured power get the default). */
function doneSegments(sprints: readonly SprintInput[], i: number, p2kW: number): Segment[] {
  const out: Segment[] = [];
  for (let j = 0; j < i; j++) {
    const s = sprints[j]!;
    if (j > 0 && s.restBeforeS !== undefined) out.push({ durationS: s.restBeforeS, powerW: s.restPowerW ?? DEFAULT_REST_SHARE * p2kW });
    out.push({ durationS: s.metrics.durationS, powerW: s.metrics.meanPowerW });
  }
  const next = sprints[i]!;
  if (i > 0 && next.restBeforeS !== undefined) out.push({ durationS: next.restBeforeS, powerW: next.restPowerW ?? DEFAULT_REST_SHARE * p2kW });
  return out;
}

/** The W′ target of rep i+1 of a paced set for a 2k power. */
export function targetFor(sprints: readonly SprintInput[], i: number, shape: SetShapeSoFar, p2kW: number, model: PowerModel = powerModel(p2kW)): SetTargetInfo {
  const workS = sprints[i]!.metrics.durationS;
  const t = setTarget({
    model,
    done: doneSegments(sprints, i, p2kW),
    workS,
    remaining: Math.max(1, shape.reps - i),
    restS: shape.restS,
    restPowerW: restPowerW(sprints, i, p2kW),
    dense: isDenseSet(shape.workS, shape.restS),
  });
  const lengths = sprints.map((s) => s.metrics.durationS);
  return { powerW: t.powerW, wPrimeLeft: t.wPrimeLeft, reps: shape.reps, workS: shape.workS, restS: shape.restS, minWorkS: Math.min(...lengths), maxWorkS: Math.max(...lengths) };
}

/**
 * A paced set's session reference: the best of reps 1–3 taken as one maximal effort of its duration,
 * P2k = best ÷ R(T) — the same "today's best is what a fresh rep can do" as for sprints. Measured
 * departure from the first try (P2k such that the best rep IS the fresh set target): that read the
 * fixtures' all-out 4-min and 100-s reps, which fade 7–20 % after a fast rep 1, as 56–91 % of a rising
 * target (11 of 14 not all-out), because a rep 1 above the set pace was booked as the plan.
 */
function p2kOf(meanPowerW: number, workS: number): number {
  let p2k = meanPowerW / powerDurationRatio(workS);
  for (let k = 0; k < 3; k++) p2k = meanPowerW / powerDurationRatio(workS, p2k); // R is level-dependent: settle it
  return p2k;
}

/** The best of reps 1–3 in 2k terms, so reps of different lengths (a 4-3-2-min ladder) compare fairly. */
function sessionP2kForSet(reps: readonly SprintInput[]): number {
  return Math.max(...reps.slice(0, SESSION_REF_REPS).map((r) => (r.metrics.meanPowerW > 0 ? p2kOf(r.metrics.meanPowerW, r.metrics.durationS) : 0)));
}

/** Reps of about the same length as rep i+1 (within 20 % [J]: a 4-3-2-min ladder keeps its steps apart): the ones a set comparison may use. */
export function similarReps(sprints: readonly SprintInput[], i: number): number[] {
  const d = sprints[i]!.metrics.durationS;
  return sprints.flatMap((s, j) => (j !== i && Math.abs(s.metrics.durationS - d) <= 0.2 * d ? [j] : []));
}

export interface RepReference {
  reference?: Reference;
  target?: SetTargetInfo;
}

/**
 * The reference (and paced-set target) for rep i+1. Live, a session reference exists from rep 4
 * on (before, shape only); a single piece has none (it cannot be its own yardstick).
 */
export function repReference(sprints: readonly SprintInput[], i: number, shape: SetShapeSoFar, opts: SetOptions, final: boolean): RepReference {
  const m = sprints[i]!.metrics;
  const paced = shape.mode === 'set-paced' || shape.mode === 'mixed';
  const basis = priorBasis(opts);
  if (basis) {
    const reference = referenceAt(basis, m.durationS);
    // history: the equivalent-2k index and personal CP/W′ of the reference (docs/science.md §2.2, §2.4)
    const p2kW = reference.p2kW ?? basis.p2kW;
    return paced ? { reference, target: targetFor(sprints, i, shape, p2kW, reference.model ?? powerModel(p2kW)) } : { reference };
  }
  if (shape.mode === 'single') return {};
  const known = final ? sprints : sprints.slice(0, i + 1);
  if (!final && known.length <= SESSION_REF_REPS) return {};
  const session = sessionReference(known.map((s) => s.metrics.meanPowerW), bandOf(m.durationS).repWord);
  if (!session || !paced) return session ? { reference: session } : {};
  const p2kW = sessionP2kForSet(known);
  const reference: Reference = { powerW: p2kW * powerDurationRatio(m.durationS, p2kW), source: session.source, kind: 'session', p2kW };
  return { reference, target: targetFor(sprints, i, shape, p2kW) };
}
