/** Workout plans: N × (work / rest) with optional warm-up and cool-down, and the built-in HIIT ones. */

export interface Plan {
  name: string;
  /** s */
  warmupS?: number;
  reps: number;
  /** planned sprint length, s */
  workS: number;
  /** planned rest (slow row) between sprints, s */
  restS: number;
  /** s */
  cooldownS?: number;
}

/**
 * 8 × 30 s all-out with 10 min warm-up and 10 min cool-down; rests of 60 s or 90 s slow rowing.
 * A null-prototype object: `BUILTIN_PLANS['constructor']` is undefined, not Object's constructor.
 */
export const BUILTIN_PLANS: Readonly<Record<string, Readonly<Plan>>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Readonly<Plan>>, {
    'hiit-30-60': Object.freeze({ name: 'hiit-30-60', warmupS: 600, reps: 8, workS: 30, restS: 60, cooldownS: 600 }),
    'hiit-30-90': Object.freeze({ name: 'hiit-30-90', warmupS: 600, reps: 8, workS: 30, restS: 90, cooldownS: 600 }),
  }),
);

/** The built-in plan called `name` (own keys only: `__proto__`, `toString` are not plans), or undefined. */
export function builtinPlan(name: string): Readonly<Plan> | undefined {
  return Object.hasOwn(BUILTIN_PLANS, name) ? BUILTIN_PLANS[name] : undefined;
}

/** What the work/rest detector takes from a plan: a prior, never a verdict (docs/science.md §9.3). */
export interface PlanPriors {
  expectedReps: number;
  plannedWorkS: number;
  plannedRestS: number;
  /** shorter efforts are surges: half the planned work */
  minWorkS: number;
  /** after this many reps, what follows is cool-down */
  cooldownAfterRep: number;
}

/** Detector priors of a plan. */
export function planPriors(plan: Plan): PlanPriors {
  return {
    expectedReps: plan.reps,
    plannedWorkS: plan.workS,
    plannedRestS: plan.restS,
    minWorkS: plan.workS / 2,
    cooldownAfterRep: plan.reps,
  };
}
