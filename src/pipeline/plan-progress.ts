import { Observable, type OperatorFunction } from 'rxjs';
import { WORKOUT_START, WORKOUT_STOP, type RowerEvent } from '../ftms/frame.js';
import { parsePlan, PlanError } from '../workouts/parse-plan.js';
import type { Plan } from '../workouts/plan.js';
import type { PipeItem } from './pipe-item.js';
import type { PhaseEvent, PlanProgress } from '../session/state.js';

/**
 * A work phase that starts this long (ms of data time) before a `workout-start` still counts as
 * rep 1: the athlete often goes on "go!" a moment before the coach's tap reaches the server.
 */
export const PLAN_START_GRACE_MS = 3000;

/** The plan of a `workout-start` event, or undefined when it carries no valid plan (ignored). */
export function eventPlan(ev: RowerEvent): Plan | undefined {
  if (ev.event !== WORKOUT_START || ev.plan === undefined) return undefined;
  try {
    return parsePlan(ev.plan, WORKOUT_START);
  } catch (err) {
    if (err instanceof PlanError) return undefined; // a hand-edited recording: the start is ignored
    throw err;
  }
}

interface Active {
  plan: Plan;
  /** work index (the detector's, session-wide) just before this plan's rep 1; undefined until rep 1 starts */
  base: number | undefined;
  /** data time of the command, ms (−∞ for the start-up plan) */
  fromT: number;
}

/**
 * Workout progress from the detected phases (the plan is a prior, never a clock: a rep starts
 * when the athlete starts it). Emits a `plan` item after every work / rest / cool-down phase
 * event, with the planned end of that phase for countdowns (ms of data time). Provisional phases
 * count only once a work interval has settled, so warm-up surges do not start rep 1.
 *
 * The plan may change mid-session: a `workout-start` rower event switches to its plan (emitting
 * rep 0 of N at once; rep 1 is the next work interval starting after the command, less
 * `PLAN_START_GRACE_MS`), a `workout-stop` ends it (a `stopped` item, then nothing until the next
 * start). `initial` is the start-up plan (`--plan`), counted from the session's first rep.
 */
export function planProgress(initial?: Plan): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      let active: Active | undefined = initial ? { plan: initial, base: 0, fromT: Number.NEGATIVE_INFINITY } : undefined;
      let last = '';
      /** rep of the latest progress emitted under the active plan */
      let rep = 0;
      let settledWork = false;
      let settledFirstRest = false;
      const emit = (progress: PlanProgress): void => {
        const key = JSON.stringify(progress);
        if (key === last) return;
        last = key;
        rep = progress.rep;
        subscriber.next({ type: 'plan', plan: progress });
      };
      const onEvent = (ev: RowerEvent): void => {
        if (ev.event === WORKOUT_START) {
          const plan = eventPlan(ev);
          if (plan === undefined) return;
          active = { plan, base: undefined, fromT: ev.t };
          last = '';
          rep = 0;
          // with a warm-up the countdown to sprint 1 runs through it ("Sprint 1 in 2:41"); rep 1 still starts when the athlete starts it
          emit(plan.warmupS !== undefined ? { plan: plan.name, rep: 0, reps: plan.reps, phase: 'warmup', phaseEndsAt: ev.t + plan.warmupS * 1000 } : { plan: plan.name, rep: 0, reps: plan.reps, phase: 'idle' });
        } else if (ev.event === WORKOUT_STOP && active !== undefined) {
          const { plan } = active;
          active = undefined;
          emit({ plan: plan.name, rep, reps: plan.reps, phase: 'stopped' });
          last = '';
          rep = 0;
        }
      };
      return source.subscribe({
        next(item) {
          subscriber.next(item);
          if (item.type === 'rower-event') return onEvent(item.event);
          if (item.type !== 'phase') return;
          const p = item.phase;
          // Before the first settled work interval a provisional effort may be a warm-up surge, so
          // progress starts from that interval's final events; after it, the (earlier) provisional
          // events lead and the later final ones would only step the display back.
          if (p.provisional ? !settledWork : settledWork && p.kind !== 'rest') return;
          if (!p.provisional && p.kind === 'work') settledWork = true;
          if (!p.provisional && p.kind === 'rest' && settledFirstRest) return;
          if (!p.provisional && p.kind === 'rest') settledFirstRest = true;
          if (active === undefined) return;
          const progress = progressAt(active, p);
          if (progress !== undefined) emit(progress);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
    });
}

/** The progress a phase event means under the active plan, or undefined when it does not count. */
function progressAt(a: Active, p: PhaseEvent): PlanProgress | undefined {
  const { plan } = a;
  if (p.kind === 'work') {
    if (a.base === undefined) {
      if (p.start < a.fromT - PLAN_START_GRACE_MS) return undefined; // a sprint already running at the command
      a.base = (p.index ?? 1) - 1;
    }
    const rep = (p.index ?? a.base + 1) - a.base;
    if (rep < 1) return undefined;
    return { plan: plan.name, rep, reps: plan.reps, phase: 'work', phaseEndsAt: p.start + plan.workS * 1000 };
  }
  if (a.base === undefined) return undefined;
  if (p.kind === 'rest' && p.index !== undefined) {
    const rep = p.index - a.base;
    if (rep < 1) return undefined;
    return rep >= plan.reps
      ? { plan: plan.name, rep: plan.reps, reps: plan.reps, phase: 'done' }
      : { plan: plan.name, rep: rep + 1, reps: plan.reps, phase: 'rest', phaseEndsAt: p.start + plan.restS * 1000 };
  }
  if (p.kind === 'cooldown') return { plan: plan.name, rep: plan.reps, reps: plan.reps, phase: 'done' };
  return undefined;
}
