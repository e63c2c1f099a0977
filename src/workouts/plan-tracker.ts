/**
 * Progress through a plan from the phases the detector found (it decides from data; the plan only
 * says what comes next): rep k of N, the phase, and when the planned phase ends (for countdowns).
 */
import type { Plan } from './plan.js';

export type TrackedPhaseKind = 'warmup' | 'work' | 'rest' | 'cooldown' | 'idle' | 'paused';

/** A phase start, structurally compatible with the pipeline's `PhaseEvent`. */
export interface PlanPhase {
  kind: TrackedPhaseKind;
  /** backdated start, ms of data time */
  start: number;
}

/** Compatible with the pipeline's `PlanProgress`. */
export interface PlanProgressView {
  plan: string;
  /** 1-based rep running, or next during a rest; 0 before the first */
  rep: number;
  reps: number;
  phase: 'warmup' | 'work' | 'rest' | 'cooldown' | 'idle' | 'done';
  /** ms of data time when the planned phase ends, when it has a planned length */
  phaseEndsAt?: number;
}

const ms = (s: number | undefined): number | undefined => (s === undefined ? undefined : s * 1000);

function view(plan: Plan, rep: number, phase: PlanProgressView['phase'], start?: number, lengthS?: number): PlanProgressView {
  const out: PlanProgressView = { plan: plan.name, rep, reps: plan.reps, phase };
  if (start !== undefined && lengthS !== undefined) out.phaseEndsAt = start + ms(lengthS)!;
  return out;
}

/** After the last rep (or when the athlete stops early): cool-down, then done. */
function coolDown(plan: Plan, works: number, start: number, tMs: number): PlanProgressView {
  if (plan.cooldownS === undefined || tMs >= start + plan.cooldownS * 1000) return view(plan, works, 'done');
  return view(plan, works, 'cooldown', start, plan.cooldownS);
}

/**
 * Plan progress at `tMs` after `phases` (in order, settled or provisional). A pause keeps the
 * phase it interrupted; after the last rep comes the cool-down, then `done` (at once without one).
 */
export function planProgress(plan: Plan, phases: readonly PlanPhase[], tMs: number): PlanProgressView {
  const works = phases.filter((p) => p.kind === 'work').length;
  let current: PlanPhase | undefined;
  for (let i = phases.length - 1; i >= 0; i--) {
    if (phases[i]!.kind !== 'paused') {
      current = phases[i];
      break;
    }
  }
  if (works >= plan.reps && current?.kind !== 'work') return coolDown(plan, works, current?.start ?? tMs, tMs);
  if (!current || current.kind === 'idle') return view(plan, works === 0 ? 0 : works + 1, works === 0 ? 'idle' : 'rest');
  switch (current.kind) {
    case 'warmup':
      return works === 0 ? view(plan, 0, 'warmup', current.start, plan.warmupS) : view(plan, Math.min(works + 1, plan.reps), 'rest', current.start, plan.restS);
    case 'work':
      return view(plan, works, 'work', current.start, plan.workS);
    case 'rest':
      if (works < plan.reps) return view(plan, works + 1, 'rest', current.start, plan.restS);
      return coolDown(plan, works, current.start, tMs);
    default:
      return coolDown(plan, works, current.start, tMs);
  }
}
