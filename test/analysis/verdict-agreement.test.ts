/**
 * Verdict agreement with ground truth: simulated sessions from the project's simulator (every
 * device profile, three athletes, 60- and 90-s rests, with and without a declared 2k), each
 * labelled sprint judged over its labelled window. Targets from the issue: ≥ 95 % of all-out
 * sprints judged all-out, ≥ 95 % of held-back sprints (held or rate-only) judged not all-out.
 */
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../src/sources/simulator/simulated-consoles.js';
import { judgeSimulated, type JudgedSprint } from './simulated-sprints.js';

function sessions(): JudgedSprint[] {
  const out: JudgedSprint[] = [];
  let seed = 100;
  for (const profile of PROFILE_NAMES) {
    for (const preset of ['default', 'weak', 'strong']) {
      const s = seed++;
      const restS = s % 2 === 0 ? 60 : 90;
      const declared = s % 3 !== 0;
      const sim = { seed: s, profile, preset, restS, reps: 8, held: [2 + (s % 3), 6], rateOnly: [s % 2 === 0 ? 5 : 8] };
      out.push(...judgeSimulated(sim, (p2kW) => (declared ? { declared2kS: 2000 * Math.cbrt(2.8 / p2kW), plannedWorkS: 30 } : { plannedWorkS: 30 })));
    }
  }
  return out;
}

describe('verdicts against labelled simulated sessions', () => {
  const judged = sessions();
  const allOut = judged.filter((j) => j.labelAllOut);
  const held = judged.filter((j) => !j.labelAllOut);
  const share = (xs: JudgedSprint[], ok: (j: JudgedSprint) => boolean): number => xs.filter(ok).length / xs.length;

  it('covers both kinds of sprint', () => {
    expect(allOut.length).toBeGreaterThan(100);
    expect(held.length).toBeGreaterThan(50);
  });
  it('final verdicts: ≥ 95 % of all-out sprints judged all-out', () => {
    expect(share(allOut, (j) => j.final.allOut === true)).toBeGreaterThanOrEqual(0.95);
  });
  it('final verdicts: ≥ 95 % of held-back sprints judged not all-out', () => {
    expect(share(held, (j) => j.final.allOut !== true)).toBeGreaterThanOrEqual(0.95);
  });
  it('live verdicts (provisional for sprints 1–3 without a 2k) meet the same targets', () => {
    expect(share(allOut, (j) => j.live.allOut === true)).toBeGreaterThanOrEqual(0.95);
    expect(share(held, (j) => j.live.allOut !== true)).toBeGreaterThanOrEqual(0.95);
  });
});
