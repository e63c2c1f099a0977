/** What a rower's tile or screen shows right now, derived from its state and the current data time. */
import type { DisplayRowerState, Interval, PhaseKind, PlanProgress, RepTarget } from '../../src/server/protocol.js';
import { PHASE_LABEL } from './format.js';
import { sprints } from './state.js';

/** 'finished': the rower's session has its summary; 'lost': its link is down (no summary yet). */
export type PhaseKey = PhaseKind | 'done' | 'offline' | 'finished' | 'lost';

export interface RowerView {
  phase: PhaseKey;
  phaseLabel: string;
  /** seconds since the (backdated) phase start */
  clockS?: number;
  /** seconds left in the planned phase */
  countdownS?: number;
  /** what comes when the countdown ends, e.g. "Rest", "Sprint 3" */
  nextLabel?: string;
  /** "Rep 3 / 8" with a plan, "Sprint 3" without, '' before any */
  rep: string;
  /** short form for tiles: "3/8" */
  repShort: string;
  sprints: Interval[];
  /** the live target of the running sprint (only while in work) */
  target?: RepTarget;
}

function nextLabel(p: PlanProgress): string {
  if (p.phase === 'work') return PHASE_LABEL[p.rep >= p.reps ? 'cooldown' : 'rest'];
  if (p.phase === 'rest' || p.phase === 'warmup' || p.phase === 'idle') return `Sprint ${Math.max(1, p.rep)}`;
  return PHASE_LABEL.done;
}

/** Derives the view of one rower at data time `nowT` (ms). */
export function rowerView(r: DisplayRowerState, nowT: number): RowerView {
  const done = sprints(r);
  // a stopped plan (POST /api/workout stop) shows as no plan: no rep of N, no countdown
  const plan = r.plan?.phase === 'stopped' ? undefined : r.plan;
  let phase: PhaseKey = r.phase?.kind ?? 'idle';
  if (plan?.phase === 'done' && phase !== 'work') phase = 'done';
  // a plan started with a warm-up: the room is warming up until sprint 1 (the detector may still say idle)
  if (plan?.phase === 'warmup' && (phase === 'idle' || phase === 'paused')) phase = 'warmup';
  if (!r.connected) phase = 'lost';
  // a rower with a summary has finished its session (until the next one starts)
  if (r.summary !== undefined && r.phase?.kind !== 'work') phase = 'finished';
  const label = phase === 'finished' ? 'Finished' : phase === 'lost' ? PHASE_LABEL.offline : PHASE_LABEL[phase];
  const view: RowerView = { phase, phaseLabel: label, rep: '', repShort: '', sprints: done };
  if (r.phase !== null && phase !== 'lost' && phase !== 'finished') view.clockS = Math.max(0, (nowT - r.phase.start) / 1000);
  if (plan !== undefined && plan.reps > 0) {
    view.rep = plan.rep > 0 ? `Rep ${plan.rep} / ${plan.reps}` : `${plan.reps} reps`;
    view.repShort = plan.rep > 0 ? `${plan.rep}/${plan.reps}` : `0/${plan.reps}`;
    // A planned sprint whose work the detector has already ended (its `phase` message came, the
    // plan's next step is still on its way, or the athlete stopped mid-sprint) has nothing left
    // to count down to: no "Rest in 0:00" beside a rest.
    const sprintOver = plan.phase === 'work' && r.phase?.kind !== 'work';
    if (plan.phaseEndsAt !== undefined && plan.phase !== 'done' && phase !== 'finished' && !sprintOver) {
      view.countdownS = Math.max(0, (plan.phaseEndsAt - nowT) / 1000);
      view.nextLabel = nextLabel(plan);
    }
  } else {
    const k = r.phase?.kind === 'work' ? (r.phase.index ?? done.length + 1) : done.length;
    if (k > 0) {
      view.rep = `Sprint ${k}`;
      view.repShort = `#${k}`;
    }
  }
  if (r.phase?.kind === 'work' && phase === 'work' && r.target !== undefined && (r.phase.index === undefined || r.target.rep === r.phase.index)) view.target = r.target;
  return view;
}

/** On-track state of a sprint so far: mean power so far ÷ target, read with the verdict's ratios. */
export type OnTrack = 'good' | 'below' | 'well-below';

/** The ratio and its reading, from the mean power of the sprint so far (W) and the target. */
export function onTrack(meanSoFarW: number | undefined, t: RepTarget | undefined): { ratio: number; state: OnTrack } | undefined {
  if (t?.powerW === undefined || meanSoFarW === undefined || !(t.powerW > 0)) return undefined;
  const ratio = meanSoFarW / t.powerW;
  return { ratio, state: ratio >= t.onTarget ? 'good' : ratio >= t.wellBelow ? 'below' : 'well-below' };
}

export const ON_TRACK_LABEL: Record<OnTrack, string> = { good: 'on target', below: 'below', 'well-below': 'well below' };
