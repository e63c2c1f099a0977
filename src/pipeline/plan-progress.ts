import { Observable, type OperatorFunction } from 'rxjs';
import type { Plan } from '../workouts/plan.js';
import type { PipeItem } from './pipe-item.js';
import type { PlanProgress } from './session-state.js';

/**
 * Workout progress from the detected phases (the plan is a prior, never a clock: a rep starts
 * when the athlete starts it). Emits a `plan` item after every work / rest / cool-down phase
 * event, with the planned end of that phase for countdowns (ms of data time). Provisional phases
 * count only once a work interval has settled, so warm-up surges do not start rep 1.
 */
export function planProgress(plan: Plan): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      let last = '';
      let settledWork = false;
      let settledFirstRest = false;
      return source.subscribe({
        next(item) {
          subscriber.next(item);
          if (item.type !== 'phase') return;
          const p = item.phase;
          // Before the first settled work interval a provisional effort may be a warm-up surge, so
          // progress starts from that interval's final events; after it, the (earlier) provisional
          // events lead and the later final ones would only step the display back.
          if (p.provisional ? !settledWork : settledWork && p.kind !== 'rest') return;
          if (!p.provisional && p.kind === 'work') settledWork = true;
          if (!p.provisional && p.kind === 'rest' && settledFirstRest) return;
          if (!p.provisional && p.kind === 'rest') settledFirstRest = true;
          let progress: PlanProgress;
          if (p.kind === 'work') {
            const rep = p.index ?? 1;
            progress = { plan: plan.name, rep, reps: plan.reps, phase: 'work', phaseEndsAt: p.start + plan.workS * 1000 };
          } else if (p.kind === 'rest' && p.index !== undefined) {
            const done = p.index >= plan.reps;
            progress = done
              ? { plan: plan.name, rep: plan.reps, reps: plan.reps, phase: 'done' }
              : { plan: plan.name, rep: p.index + 1, reps: plan.reps, phase: 'rest', phaseEndsAt: p.start + plan.restS * 1000 };
          } else if (p.kind === 'cooldown') {
            progress = { plan: plan.name, rep: plan.reps, reps: plan.reps, phase: 'done' };
          } else return;
          const key = JSON.stringify(progress);
          if (key === last) return;
          last = key;
          subscriber.next({ type: 'plan', plan: progress });
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
    });
}
