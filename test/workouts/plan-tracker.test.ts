import { describe, expect, it } from 'vitest';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';
import { planProgress, type PlanPhase } from '../../src/workouts/plan-tracker.js';

const plan = { name: 'short', warmupS: 300, reps: 2, workS: 30, restS: 60, cooldownS: 120 };

describe('planProgress', () => {
  it('before anything: idle, rep 0', () => {
    expect(planProgress(plan, [], 0)).toEqual({ plan: 'short', rep: 0, reps: 2, phase: 'idle' });
  });
  it('warm-up counts down its planned length', () => {
    expect(planProgress(plan, [{ kind: 'warmup', start: 1000 }], 5000)).toEqual({ plan: 'short', rep: 0, reps: 2, phase: 'warmup', phaseEndsAt: 301_000 });
  });
  it('rep k of N with the countdown from the backdated start; the rest names the next rep', () => {
    const phases: PlanPhase[] = [
      { kind: 'warmup', start: 0 },
      { kind: 'work', start: 300_000 },
    ];
    expect(planProgress(plan, phases, 310_000)).toEqual({ plan: 'short', rep: 1, reps: 2, phase: 'work', phaseEndsAt: 330_000 });
    phases.push({ kind: 'rest', start: 331_000 });
    expect(planProgress(plan, phases, 340_000)).toEqual({ plan: 'short', rep: 2, reps: 2, phase: 'rest', phaseEndsAt: 391_000 });
  });
  it('a pause keeps the phase it interrupted', () => {
    const phases: PlanPhase[] = [
      { kind: 'work', start: 0 },
      { kind: 'rest', start: 30_000 },
      { kind: 'paused', start: 40_000 },
    ];
    expect(planProgress(plan, phases, 45_000).phase).toBe('rest');
  });
  it('after the last rep: cool-down, then done once it has run its length', () => {
    const phases: PlanPhase[] = [
      { kind: 'work', start: 0 },
      { kind: 'rest', start: 30_000 },
      { kind: 'work', start: 90_000 },
      { kind: 'cooldown', start: 120_000 },
    ];
    expect(planProgress(plan, phases, 130_000)).toEqual({ plan: 'short', rep: 2, reps: 2, phase: 'cooldown', phaseEndsAt: 240_000 });
    expect(planProgress(plan, phases, 240_000).phase).toBe('done');
  });
  it('without a planned cool-down it is done right after the last rep', () => {
    const p = { ...BUILTIN_PLANS['hiit-30-60']!, reps: 1, cooldownS: undefined };
    expect(planProgress(p, [{ kind: 'work', start: 0 }, { kind: 'rest', start: 30_000 }], 31_000).phase).toBe('done');
  });
});
