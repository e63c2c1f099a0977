import { describe, expect, it } from 'vitest';
import { decrementScorePct, judgeSession, judgeSprintLive, readDecrement, sessionPatterns } from '../../src/analysis/session-verdicts.js';
import { metrics } from './metrics-fixture.js';

describe('percentage decrement score', () => {
  it('is computed as in the notes: [1 − ΣMP / (n × best)] × 100', () => {
    // 400 + 380 + 360 + 340 = 1480; 4 × 400 = 1600; 1 − 1480/1600 = 7.5 %
    expect(decrementScorePct([400, 380, 360, 340])).toBeCloseTo(7.5, 10);
    expect(decrementScorePct([400])).toBeUndefined();
  });
  it('reads < 6 % (N ≥ 6) as paced, 10–25 % as normal, > 35 % as a big fade', () => {
    expect(readDecrement(4, 8)).toContain('suspiciously even');
    expect(readDecrement(15, 8)).toContain('normal 10–25 %');
    expect(readDecrement(40, 8)).toContain('big fade');
  });
});

describe('session patterns', () => {
  it('flags rising reps (n ≥ 2) and a last-rep spurt', () => {
    // rep 3 → rep 4: 330 → 360 is +9 % (> 5 %); last 400 vs mean(360, 340) = 350: +14 %
    const p = sessionPatterns([400, 350, 330, 360, 340, 400]);
    expect(p.risingReps).toEqual([3, 5]);
    expect(p.lastRepSpurt).toBe(true);
    expect(p.notes.join(' ')).toContain('Sprint 4 was 9 % stronger than sprint 3');
  });
  it('a steady decline has neither', () => {
    const p = sessionPatterns([400, 372, 362, 352]);
    expect(p.risingReps).toEqual([]);
    expect(p.lastRepSpurt).toBe(false);
  });
});

describe('live and final verdicts', () => {
  // an all-out athlete: Ref₁ = 400 W, 90-s rests, E_n = 400 × f(n)
  const f = [1, 0.93, 0.905, 0.88, 0.855, 0.83];
  const sprints = f.map((x) => ({ metrics: metrics({ meanPowerW: 400 * x }), restBeforeS: 90 }));

  it('without a reference, sprints 1–3 are shape-only and provisional', () => {
    for (let n = 1; n <= 3; n++) {
      const v = judgeSprintLive(sprints.slice(0, n));
      expect(v.rep).toBe(n);
      expect(v.provisional).toBe(true);
      expect(v.ratio).toBeUndefined();
    }
  });
  it('live, a sprint 2 more than 5 % above sprint 1 says sprint 1 had more in it', () => {
    const two = [{ metrics: metrics({ meanPowerW: 360 }) }, { metrics: metrics({ meanPowerW: 396 }), restBeforeS: 90 }];
    expect(judgeSprintLive(two).message).toContain('10 % more than sprint 1');
    expect(judgeSprintLive(sprints.slice(0, 2)).message).not.toContain('more than sprint 1');
  });
  it('from sprint 4 the best of sprints 1–3 is the reference', () => {
    const v = judgeSprintLive(sprints.slice(0, 4));
    expect(v.reference!.powerW).toBe(400);
    expect(v.ratio).toBeCloseTo(1, 10);
    expect(v.kind).toBe('all-out');
  });
  it('a declared 2k is used from sprint 1', () => {
    const v = judgeSprintLive(sprints.slice(0, 1), { declared2kS: 425 });
    expect(v.reference!.kind).toBe('declared-2k');
    expect(v.provisional).toBe(false);
  });
  it('at the end every sprint is re-judged against the session reference, with the summary', () => {
    const { verdicts, summary } = judgeSession(sprints);
    expect(verdicts.map((v) => v.kind)).toEqual(Array(6).fill('all-out'));
    expect(summary.sprints).toBe(6);
    expect(summary.allOut).toBe(6);
    expect(summary.provisional).toBe(true);
    // Σ f = 5.4 → Sdec = (1 − 5.4/6) × 100 = 10 %
    expect(summary.decrementPct).toBeCloseTo(10, 10);
  });
  it('f(n) follows the mean rest of the set so far', () => {
    // rests of 60 s then 90 s → 75 s: f(3, 75) = 0.915 − 0.030 = 0.885
    const mixed = [0, 60, 90].map((rest, i) => ({ metrics: metrics({ meanPowerW: 400 }), ...(i > 0 ? { restBeforeS: rest } : {}) }));
    const v = judgeSprintLive(mixed, { declared2kS: 425 });
    expect(v.expectedPowerW! / v.reference!.powerW).toBeCloseTo(0.885, 10);
  });
  it('a rest rowed above half of sprint 1 lowers the expectation and shows in the advice', () => {
    // MP₁ = 400 W; the rest before sprint 3 averaged 250 W = 62.5 % → hard from rep 3:
    // f(4) = 0.88 − 2 × 0.02 = 0.84 → E₄ = 336 W; 300 W = 89 % with an all-out shape → fatigued
    const hard = [
      { metrics: metrics({ meanPowerW: 400 }) },
      { metrics: metrics({ meanPowerW: 372 }), restBeforeS: 90, restPowerW: 150 },
      { metrics: metrics({ meanPowerW: 362 }), restBeforeS: 90, restPowerW: 250 },
      { metrics: metrics({ meanPowerW: 300 }), restBeforeS: 90, restPowerW: 250 },
    ];
    const v = judgeSprintLive(hard);
    expect(v.expectedPowerW).toBeCloseTo(336, 10);
    expect(v.kind).toBe('fatigued-all-out');
    expect(v.message).toContain('the last one averaged 63 % of your sprint-1 power');
  });
  it('no push to continue after the last planned rep', () => {
    const held = [...sprints.slice(0, 3), { metrics: metrics({ meanPowerW: 260, endSpurt: 1.1 }), restBeforeS: 90 }];
    expect(judgeSprintLive(held).message).toContain('Next one');
    expect(judgeSprintLive(held, { plannedReps: 4 }).message).not.toContain('Next one');
  });
});
