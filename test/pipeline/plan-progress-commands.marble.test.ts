/** planProgress() follows workout-start / workout-stop rower events (POST /api/workout) in data time. */
import { filter, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { PipeItem } from '../../src/pipeline/pipe-item.js';
import { planProgress } from '../../src/pipeline/plan-progress.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';

const p3 = { name: 'p3', reps: 3, workS: 20, restS: 40 };
const phase = (kind: 'work' | 'rest', start: number, provisional: boolean, index: number): PipeItem => ({
  type: 'phase',
  phase: { rower: 'r', kind, start, provisional, index },
});
const start = (t: number, plan: Record<string, unknown>): PipeItem => ({ type: 'rower-event', event: { kind: 'event', t, rower: 'r', event: 'workout-start', plan } });
const stop = (t: number): PipeItem => ({ type: 'rower-event', event: { kind: 'event', t, rower: 'r', event: 'workout-stop' } });
const plans = (src: Observable<PipeItem>, initial?: typeof p3) => src.pipe(planProgress(initial), filter((x) => x.type === 'plan'));
const run = (body: (h: Parameters<Parameters<TestScheduler['run']>[0]>[0]) => void) => new TestScheduler((a, b) => expect(a).toEqual(b)).run(body);

describe('planProgress() with workout commands', () => {
  it('a start mid-session shows rep 0 of N at once, counts from the next sprint (within the grace), and a stop clears it', () => {
    run(({ cold, expectObservable }) => {
      const src = cold<PipeItem>('a b c d e f g h i |', {
        a: phase('work', 1000, false, 1), // a sprint before any plan: no progress
        b: phase('rest', 21_000, false, 1),
        c: start(30_000, p3),
        d: phase('work', 28_000, true, 2), // began 2 s before the tap (grace 3 s): rep 1
        e: phase('rest', 50_000, true, 2),
        f: phase('work', 28_000, false, 2), // the settled copy of rep 1: no step back
        g: phase('work', 90_000, true, 3),
        h: stop(100_000),
        i: phase('rest', 112_000, true, 3), // after the stop: nothing
      });
      expectObservable(plans(src)).toBe('- - c d e - g h - |', {
        c: { type: 'plan', plan: { plan: 'p3', rep: 0, reps: 3, phase: 'idle' } },
        d: { type: 'plan', plan: { plan: 'p3', rep: 1, reps: 3, phase: 'work', phaseEndsAt: 28_000 + 20_000 } },
        e: { type: 'plan', plan: { plan: 'p3', rep: 2, reps: 3, phase: 'rest', phaseEndsAt: 50_000 + 40_000 } },
        g: { type: 'plan', plan: { plan: 'p3', rep: 2, reps: 3, phase: 'work', phaseEndsAt: 90_000 + 20_000 } },
        h: { type: 'plan', plan: { plan: 'p3', rep: 2, reps: 3, phase: 'stopped' } },
      });
    });
  });

  it('a sprint already running at the command is not rep 1; the next one is, and the plan ends after its reps', () => {
    run(({ cold, expectObservable }) => {
      const src = cold<PipeItem>('a b c d e f g h |', {
        a: phase('work', 0, false, 1),
        b: phase('rest', 30_000, false, 1),
        c: phase('work', 60_000, true, 2), // running when the coach taps start
        d: start(70_000, { name: 'one', reps: 1, workS: 30, restS: 60 }),
        e: phase('rest', 90_000, true, 2), // the rest after the old sprint: not counted
        f: phase('work', 150_000, true, 3),
        g: phase('rest', 180_000, true, 3),
        h: phase('work', 240_000, true, 4), // a bonus rep after the plan: counted on, as for --plan
      });
      expectObservable(plans(src)).toBe('- - - d - f g h |', {
        d: { type: 'plan', plan: { plan: 'one', rep: 0, reps: 1, phase: 'idle' } },
        f: { type: 'plan', plan: { plan: 'one', rep: 1, reps: 1, phase: 'work', phaseEndsAt: 180_000 } },
        g: { type: 'plan', plan: { plan: 'one', rep: 1, reps: 1, phase: 'done' } },
        h: { type: 'plan', plan: { plan: 'one', rep: 2, reps: 1, phase: 'work', phaseEndsAt: 270_000 } },
      });
    });
  });

  it('a start switches from the --plan plan; an invalid plan and a stop without a plan are ignored', () => {
    const hiit = BUILTIN_PLANS['hiit-30-90']!;
    run(({ cold, expectObservable }) => {
      const src = cold<PipeItem>('a b c d e f g |', {
        a: phase('work', 0, false, 1),
        b: start(40_000, { name: 'bad', reps: 0, workS: 20, restS: 40 }), // reps must be ≥ 1: ignored
        c: start(45_000, p3),
        d: phase('work', 100_000, true, 2),
        e: stop(130_000),
        f: stop(131_000),
        g: phase('rest', 140_000, true, 2),
      });
      expectObservable(plans(src, hiit)).toBe('a - c d e - - |', {
        a: { type: 'plan', plan: { plan: 'hiit-30-90', rep: 1, reps: 8, phase: 'work', phaseEndsAt: 30_000 } },
        c: { type: 'plan', plan: { plan: 'p3', rep: 0, reps: 3, phase: 'idle' } },
        d: { type: 'plan', plan: { plan: 'p3', rep: 1, reps: 3, phase: 'work', phaseEndsAt: 120_000 } },
        e: { type: 'plan', plan: { plan: 'p3', rep: 1, reps: 3, phase: 'stopped' } },
      });
    });
  });
});
