/** What a rower's tile or screen shows right now, derived from its state and the current data time. */
import type { Interval } from '../../src/analysis/types.js';
import type { PhaseKind, PlanProgress } from '../../src/pipeline/session-state.js';
import type { DisplayRowerState } from '../../src/server/protocol.js';
import { PHASE_LABEL } from './format.js';
import { sprints } from './state.js';

export type PhaseKey = PhaseKind | 'done' | 'offline';

export interface RowerView {
  phase: PhaseKey;
  phaseLabel: string;
  /** seconds since the (backdated) phase start */
  clockS?: number;
  /** seconds left in the planned phase */
  countdownS?: number;
  /** what comes when the countdown ends, e.g. "Rest" */
  nextLabel?: string;
  /** "Rep 3 / 8" with a plan, "Sprint 3" without, '' before any */
  rep: string;
  sprints: Interval[];
}

function nextPhase(p: PlanProgress): PhaseKey {
  if (p.phase === 'work') return p.rep >= p.reps ? 'cooldown' : 'rest';
  if (p.phase === 'rest' || p.phase === 'warmup' || p.phase === 'idle') return 'work';
  return 'done';
}

/** Derives the view of one rower at data time `nowT` (ms). */
export function rowerView(r: DisplayRowerState, nowT: number): RowerView {
  const done = sprints(r);
  // a stopped plan (POST /api/workout stop) shows as no plan: no rep of N, no countdown
  const plan = r.plan?.phase === 'stopped' ? undefined : r.plan;
  let phase: PhaseKey = r.phase?.kind ?? 'idle';
  if (plan?.phase === 'done' && phase !== 'work') phase = 'done';
  if (!r.connected) phase = 'offline';
  const view: RowerView = { phase, phaseLabel: PHASE_LABEL[phase], rep: '', sprints: done };
  if (r.phase !== null && r.connected) view.clockS = Math.max(0, (nowT - r.phase.start) / 1000);
  if (plan !== undefined && plan.reps > 0) {
    view.rep = plan.rep > 0 ? `Rep ${plan.rep} / ${plan.reps}` : `${plan.reps} reps`;
    if (plan.phaseEndsAt !== undefined && plan.phase !== 'done') {
      view.countdownS = Math.max(0, (plan.phaseEndsAt - nowT) / 1000);
      view.nextLabel = PHASE_LABEL[nextPhase(plan)];
    }
  } else {
    const k = r.phase?.kind === 'work' ? (r.phase.index ?? done.length + 1) : done.length;
    if (k > 0) view.rep = `Sprint ${k}`;
  }
  return view;
}
