/**
 * Verdicts by duration band on hand-built sets (built-sessions.ts): genuinely maximal reps of every
 * length — with the normal shapes of durations.md §3 (a front-loaded fade for sprints and 1-min reps,
 * an even pace with a +10–15 % finish for 5- and 10-min reps and tests) — are all-out, and a rep
 * rowed at 75–80 % inside an otherwise maximal set is not. Levels come from the research note's
 * tables (§1.3 R(T), §5.4 set targets, background f(n)), not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/analysis/types.js';
import { judgeSimulated } from './simulated-sprints.js';
import { buildSet, evenWithFinish, fadeFromStart, flat, judgeBuilt, P2K_7_00, setWithHeld, type Profile, type RepSpec } from './built-sessions.js';

const TWO_K = { declared2kS: 420 }; // 7:00 → P2k 302.3 W
const raised = (v: Verdict): string[] => (v.checks ?? []).filter((c) => !c.pass).map((c) => c.code);
/** Mean of a profile over the rep (the level is set so the rep's mean hits a target). */
const meanOf = (p: Profile): number => Array.from({ length: 1000 }, (_, i) => p((i + 0.5) / 1000)).reduce((a, b) => a + b, 0) / 1000;

describe('band A — 8 × 30 s / 90 s (REP-MAX)', () => {
  // background f(n) for 90-s rests: 1, 0.93, then −2.5 %/rep; rep 1 = 1.62 × P2k (§1.3)
  const f = [1, 0.93, 0.905, 0.88, 0.855, 0.83, 0.805, 0.78];
  const reps = (held: number[]): RepSpec[] =>
    f.map((x, i) => (held.includes(i + 1) ? { workS: 30, levelW: 0.78 * x * 1.62 * P2K_7_00, profile: flat, rateSpm: 32 } : { workS: 30, levelW: (x * 1.62 * P2K_7_00) / meanOf(fadeFromStart), profile: fadeFromStart, rateSpm: 38 }));
  it.each([[TWO_K], [{}]])('all-out reps are all-out, a rep at 78 % is not (%j)', (opts) => {
    const { live, final } = judgeBuilt(buildSet(reps([5]), 90), opts);
    for (const v of final) expect(v.band).toBe("A");
    expect(final.filter((_, i) => i !== 4).every((v) => v.allOut === true)).toBe(true);
    expect(final[4]!.allOut).not.toBe(true);
    expect(live[4]!.allOut).not.toBe(true);
  });
});

describe('band B — 6 × 1:00 / 1:00 (REP-MAX)', () => {
  // §5.4 default for 6 × 1:00/1:00: 1, 0.88, 0.82, −3 %/rep; rep 1 = R(60 s) × P2k = 1.52 × P2k
  const f = [1, 0.88, 0.82, 0.79, 0.76, 0.73];
  const build = (held: number[]) =>
    buildSet(
      f.map((x, i) => (held.includes(i + 1) ? { workS: 60, levelW: 0.78 * x * 1.52 * P2K_7_00, profile: flat, rateSpm: 29 } : { workS: 60, levelW: (x * 1.52 * P2K_7_00) / meanOf(fadeFromStart), profile: fadeFromStart, rateSpm: 29 })),
      60,
    );
  it('all-out at rate 29 is all-out, and rate 29 is not flagged (the 30-spm sprint floor is band A only)', () => {
    const { live, final } = judgeBuilt(build([]), TWO_K);
    for (const v of [...live, ...final]) {
      expect(v.band).toBe('B');
      expect(v.allOut).toBe(true);
      expect(raised(v)).not.toContain('LOW_RATE');
      expect(v.message).not.toMatch(/a sprint needs/);
    }
    // rep 1 expected ≈ 1.52 × 302 = 460 W (§1.3)
    expect(final[0]!.expectedPowerW! / (1.52 * P2K_7_00)).toBeCloseTo(1, 1);
  });
  it('rate 27 is under the band-B floor of 28 (§4)', () => {
    const set = buildSet(f.map((x) => ({ workS: 60, levelW: (x * 1.52 * P2K_7_00) / meanOf(fadeFromStart), profile: fadeFromStart, rateSpm: 27 })), 60);
    expect(raised(judgeBuilt(set, TWO_K).final[0]!)).toContain('LOW_RATE');
  });
  it('a rep at 78 % is not all-out', () => {
    const { live, final } = judgeBuilt(build([4]), TWO_K);
    expect(final[3]!.allOut).toBe(false);
    expect(live[3]!.allOut).not.toBe(true);
    expect(final.filter((_, i) => i !== 3).every((v) => v.allOut === true)).toBe(true);
  });
});

describe('band C — 4 × 500 m (100 s) / 3:00 (MIXED)', () => {
  it('an even set at the §5.4 set pace (1.12 × P2k) with a small finish is all-out', () => {
    const p = evenWithFinish(1.06);
    const { final } = judgeBuilt(buildSet(Array.from({ length: 4 }, () => ({ workS: 100, levelW: (1.12 * P2K_7_00) / meanOf(p), profile: p, rateSpm: 32 })), 180), TWO_K);
    for (const v of final) {
      expect([v.band, v.mode]).toEqual(['C', 'mixed']);
      expect(v.allOut).toBe(true);
    }
  });
  it('rep 1 all-out at R(100 s) then 86 %, 80 %, 80 % (§7.7) is all-out throughout: the drop matches rep 1', () => {
    const rel = [1, 0.86, 0.8, 0.8];
    const { final } = judgeBuilt(buildSet(rel.map((x) => ({ workS: 100, levelW: (x * 1.34 * P2K_7_00) / meanOf(fadeFromStart), profile: fadeFromStart, rateSpm: 34 })), 180), TWO_K);
    expect(final.map((v) => v.allOut)).toEqual([true, true, true, true]);
  });
  it('a rep at 78 % of the others is not all-out', () => {
    const p = evenWithFinish(1.06);
    const { final } = judgeBuilt(buildSet(setWithHeld(4, 100, (1.12 * P2K_7_00) / meanOf(p), p, 32, [2], 0.78), 180), TWO_K);
    expect(final[1]!.allOut).toBe(false);
    expect([final[0], final[2], final[3]].every((v) => v!.allOut === true)).toBe(true);
  });
});

describe('band D — 5 × 5:00 / 5:00 (SET-PACED)', () => {
  it.each([1.1, 1.15])('even reps at the set pace with a +%f finish are all-out, the finish called normal', (spurt) => {
    const p = evenWithFinish(spurt);
    const { live, final } = judgeBuilt(buildSet(Array.from({ length: 5 }, () => ({ workS: 300, levelW: (0.96 * P2K_7_00) / meanOf(p), profile: p, rateSpm: 28 })), 300), TWO_K);
    for (const v of [...live, ...final]) {
      expect([v.band, v.allOut, v.kind]).toEqual(['D', true, 'all-out']);
      expect(raised(v)).not.toContain('END_SPURT');
      expect(v.message).not.toMatch(/more in the tank|held back/);
    }
    expect(final[2]!.message).toMatch(/a normal finish for a 5-minute rep/);
    // §5.4: the constant power for 5 × 5:00/5:00 is 0.96 × P2k ≈ 290 W
    expect(final[0]!.expectedPowerW! / (0.96 * P2K_7_00)).toBeGreaterThan(0.98);
    expect(final[0]!.expectedPowerW! / (0.96 * P2K_7_00)).toBeLessThan(1.02);
    expect(final[0]!.message).toMatch(/— 100 % of the (28[89]|29[0-2]) W your 7:00 2k says you can hold for 5 × 5:00 with 5:00 rests/);
  });
  it.each([[TWO_K], [{}]])('a rep at 78 % inside the set is not all-out, the others are (%j)', (opts) => {
    const p = evenWithFinish(1.12);
    const { live, final } = judgeBuilt(buildSet(setWithHeld(5, 300, (0.96 * P2K_7_00) / meanOf(p), p, 28, [3], 0.78), 300), opts);
    expect(final[2]!.allOut).toBe(false);
    expect(live[2]!.allOut).not.toBe(true);
    expect(final.filter((_, i) => i !== 2).every((v) => v.allOut === true)).toBe(true);
  });
  it('a big finish after a low middle is a held reserve (END SPURT, strong)', () => {
    // middle at 80 % of the 290 W target, last 10 % at +30 %
    const p: Profile = (x) => (x >= 0.9 ? 1.3 : 1);
    const { final } = judgeBuilt(buildSet([{ workS: 300, levelW: 0.8 * 0.96 * P2K_7_00, profile: p, rateSpm: 26 }, ...Array.from({ length: 4 }, () => ({ workS: 300, levelW: 0.96 * P2K_7_00, profile: flat, rateSpm: 28 }))], 300), TWO_K);
    expect(raised(final[0]!)).toContain('END_SPURT');
    expect(final[0]!.allOut).toBe(false);
  });
});

describe('band E — 4 × 10:00 / 3:00 (SET-PACED)', () => {
  const p = evenWithFinish(1.12);
  it('even reps at the §5.4 set pace (0.89 × P2k) with a +12 % finish are all-out', () => {
    const { final } = judgeBuilt(buildSet(Array.from({ length: 4 }, () => ({ workS: 600, levelW: (0.89 * P2K_7_00) / meanOf(p), profile: p, rateSpm: 26 })), 180), TWO_K);
    for (const v of final) expect([v.band, v.mode, v.allOut]).toEqual(['E', 'set-paced', true]);
  });
  it('a rep at 78 % is not all-out', () => {
    const { final } = judgeBuilt(buildSet(setWithHeld(4, 600, (0.89 * P2K_7_00) / meanOf(p), p, 26, [2], 0.78), 180), TWO_K);
    expect(final.map((v) => v.allOut)).toEqual([true, false, true, true]);
  });
});

describe('single test pieces, judged against R(T) × P2k as one maximal effort', () => {
  const piece = (workS: number, share: number, rateSpm: number, spurt = 1.12) => {
    const p = evenWithFinish(spurt);
    return judgeBuilt(buildSet([{ workS, levelW: (share * P2K_7_00) / meanOf(p), profile: p, rateSpm }], 0), TWO_K).final[0]!;
  };
  it('a 2k at 100 % of the declared 2k power is all-out, live (no plan) and final', () => {
    const p = evenWithFinish(1.12);
    const live = judgeBuilt(buildSet([{ workS: 420, levelW: P2K_7_00 / meanOf(p), profile: p, rateSpm: 30 }], 0), TWO_K).live[0]!;
    expect([live.mode, live.allOut]).toEqual(['single', true]);
    const v = piece(420, 1, 30);
    expect([v.band, v.mode, v.kind, v.allOut]).toEqual(['D', 'single', 'all-out', true]);
    expect(v.ratio).toBeGreaterThan(0.98);
    expect(v.message).toMatch(/^The piece: all-out\. 30\d W — (99|100|101) % of the 30\d W your 7:00 2k predicts for 7 minutes\./);
  });
  it('a 20-min test at R(20 min) = 0.83 × P2k is all-out; at 78 % of it, not', () => {
    expect(piece(1200, 0.83, 24).allOut).toBe(true);
    expect(piece(1200, 0.83 * 0.78, 22).allOut).not.toBe(true);
  });
  it('a 30-min test at R(30 min) ≈ 0.78 × P2k at rate 20 is all-out (no rate floor past 20 min); at 78 % of it, not', () => {
    const v = piece(1800, 0.78, 20);
    expect([v.band, v.allOut]).toEqual(['F', true]);
    expect(raised(v)).not.toContain('LOW_RATE');
    expect(piece(1800, 0.78 * 0.78, 20).allOut).not.toBe(true);
  });
  it('a 2k at 78 % is not all-out', () => {
    expect(piece(420, 0.78, 28).allOut).not.toBe(true);
  });
});

describe("the simulator's long sets (a peer generator: all-out reps fade after a fast rep 1, held reps pace at 75–85 % with an end spurt)", () => {
  const protocols = [
    { workS: 60, restS: 60, reps: 6, held: [4] },
    { workS: 100, restS: 180, reps: 4, held: [2] },
    { workS: 300, restS: 300, reps: 5, held: [3] },
    { workS: 600, restS: 180, reps: 4, held: [2] },
  ];
  describe.each(protocols)('$reps × $workS s / $restS s, rep $held held', (p) => {
    it.each(['default', 'weak', 'strong'])('%s athlete, with and without a declared 2k: all-out reps all-out, the held rep not', (preset) => {
      for (const declared of [true, false]) {
        const judged = judgeSimulated({ seed: 5, preset, ...p, profile: 'hz1-hold' }, (p2kW) => (declared ? { declared2kS: 2000 * Math.cbrt(2.8 / p2kW) } : {}));
        for (const j of judged) {
          if (j.labelAllOut) expect(j.final.allOut, `rep ${j.rep}: ${j.final.message}`).toBe(true);
          else expect(j.final.allOut, `rep ${j.rep}: ${j.final.message}`).toBe(false);
        }
      }
    });
  });
});
