/** planProgress: countdowns follow the detected phases; surges before rep 1 and late finals are ignored. */
import { filter } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { PipeItem } from '../../src/pipeline/pipe-item.js';
import { planProgress } from '../../src/pipeline/plan-progress.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';

const plan = BUILTIN_PLANS['hiit-30-90']!;
const phase = (kind: 'work' | 'rest' | 'warmup', start: number, provisional: boolean, index?: number): PipeItem => ({
  type: 'phase',
  phase: index === undefined ? { rower: 'r', kind, start, provisional } : { rower: 'r', kind, start, provisional, index },
});

describe('planProgress()', () => {
  it('rep 1 starts from the settled interval, later reps from provisional events', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const src = cold<PipeItem>('s w - a b - c d - e f |', {
        s: phase('work', 100, true, 1), // a surge in the warm-up: ignored
        w: phase('warmup', 108, true),
        a: phase('work', 300, false, 1), // rep 1 settled
        b: phase('rest', 330, false, 1),
        c: phase('work', 420, true, 2), // rep 2 provisional: shown at once
        d: phase('rest', 450, true, 2),
        e: phase('work', 420, false, 2), // rep 2 settled later: no step back
        f: phase('rest', 450, false, 2),
      });
      const result = src.pipe(planProgress(plan), filter((x) => x.type === 'plan'));
      expectObservable(result).toBe('- - - a b - c d - - - |', {
        a: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 1, reps: 8, phase: 'work', phaseEndsAt: 300 + 30_000 } },
        b: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 2, reps: 8, phase: 'rest', phaseEndsAt: 330 + 90_000 } },
        c: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 2, reps: 8, phase: 'work', phaseEndsAt: 420 + 30_000 } },
        d: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'rest', phaseEndsAt: 450 + 90_000 } },
      });
    });
  });

  it('after the last planned rep the plan is done', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const src = cold<PipeItem>('a b c |', { a: phase('work', 0, false, 8), b: phase('rest', 30, false, 8), c: phase('work', 200, true, 9) });
      expectObservable(src.pipe(planProgress(plan), filter((x) => x.type === 'plan'))).toBe('a b c |', {
        a: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 8, reps: 8, phase: 'work', phaseEndsAt: 30_000 } },
        b: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 8, reps: 8, phase: 'done' } },
        c: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 9, reps: 8, phase: 'work', phaseEndsAt: 200 + 30_000 } },
      });
    });
  });
});
