import { describe, expect, it } from 'vitest';
import { parsePlan, parsePlanText, PlanError, resolvePlan } from '../../src/workouts/parse-plan.js';
import { BUILTIN_PLANS, planPriors } from '../../src/workouts/plan.js';

const good = { name: 'tabata-ish', reps: 10, workS: 30, restS: 75, warmupS: 300 };

function planError(fn: () => unknown): PlanError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError);
    return err as PlanError;
  }
  throw new Error('expected a PlanError');
}

describe('built-in plans', () => {
  it('hiit-30-60 and hiit-30-90: 8 × 30 s, 10 min warm-up and cool-down', () => {
    expect(BUILTIN_PLANS['hiit-30-60']).toEqual({ name: 'hiit-30-60', warmupS: 600, reps: 8, workS: 30, restS: 60, cooldownS: 600 });
    expect(BUILTIN_PLANS['hiit-30-90']!.restS).toBe(90);
  });
  it('priors for the detector: expected count, half the work as minimum, cool-down after the last rep', () => {
    expect(planPriors(BUILTIN_PLANS['hiit-30-60']!)).toEqual({ expectedReps: 8, plannedWorkS: 30, plannedRestS: 60, minWorkS: 15, cooldownAfterRep: 8 });
  });
});

describe('parsePlan', () => {
  it('accepts a valid plan', () => {
    expect(parsePlan(good, 'my.json')).toEqual(good);
  });
  it.each([
    [{ ...good, reps: undefined }, 'my.json: reps is missing'],
    [{ ...good, reps: 2.5 }, 'reps must be a whole number'],
    [{ ...good, reps: 0 }, 'reps must be at least 1'],
    [{ ...good, workS: -30 }, 'workS must be more than 0 s'],
    [{ ...good, restS: '90' }, 'restS must be a number of seconds'],
    [{ ...good, name: '' }, 'name must not be empty'],
    [{ ...good, sprints: 8 }, 'unknown field "sprints"'],
    [[1, 2], 'a plan must be a JSON object'],
  ])('%j → INVALID_PLAN naming the field', (json, text) => {
    const err = planError(() => parsePlan(json, 'my.json'));
    expect(err.code).toBe('INVALID_PLAN');
    expect(err.message).toContain(text);
    expect(err.message.startsWith('my.json: ')).toBe(true);
  });
  it('bad JSON text → BAD_JSON', () => {
    const err = planError(() => parsePlanText('{"name": "x",', 'my.json'));
    expect(err.code).toBe('BAD_JSON');
    expect(err.message).toContain('my.json: not valid JSON');
  });
});

describe('resolvePlan', () => {
  it('finds built-ins by name without reading anything', () => {
    expect(resolvePlan('hiit-30-90', () => expect.unreachable()).name).toBe('hiit-30-90');
  });
  it('reads a .json plan through the given reader', () => {
    expect(resolvePlan('plans/mine.json', (p) => (p === 'plans/mine.json' ? JSON.stringify(good) : '')).reps).toBe(10);
  });
  it('an unknown name → UNKNOWN_PLAN listing the built-ins', () => {
    const err = planError(() => resolvePlan('hiit-30-45'));
    expect(err.code).toBe('UNKNOWN_PLAN');
    expect(err.message).toContain('hiit-30-60');
  });
});

describe('plan names that are Object.prototype keys (issue 15 #11)', () => {
  const protoKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  it.each(protoKeys)('"%s" is UNKNOWN_PLAN naming the built-ins, with or without a file reader', (name) => {
    for (const err of [planError(() => resolvePlan(name)), planError(() => resolvePlan(name, () => expect.unreachable()))]) {
      expect(err.code).toBe('UNKNOWN_PLAN');
      expect(err.message).toBe(`unknown plan "${name}": use hiit-30-60 or hiit-30-90, or a .json plan file`);
    }
  });
  it('the built-in table has no prototype to inherit from', () => {
    expect(Object.getPrototypeOf(BUILTIN_PLANS)).toBeNull();
    expect(Object.keys(BUILTIN_PLANS)).toEqual(['hiit-30-60', 'hiit-30-90']);
  });
});
