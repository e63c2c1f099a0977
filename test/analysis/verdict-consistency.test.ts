/**
 * One meaning per verdict: `kind`, `allOut` and the README's verdict kinds table agree; final
 * verdicts are never "(provisional)"; no message contradicts another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeSession } from '../../src/analysis/session-verdicts.js';
import type { Verdict, VerdictKind } from '../../src/analysis/types.js';
import { ALL_OUT_KINDS, judgeSprint } from '../../src/analysis/verdict.js';
import { buildSet, evenWithFinish, fadeFromStart, judgeBuilt, P2K_7_00, setWithHeld } from './built-sessions.js';
import { metrics } from './metrics-fixture.js';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's verdict kinds table: | `kind` | `allOut` | meaning | */
function readmeKinds(): Record<string, boolean | null> {
  const out: Record<string, boolean | null> = {};
  for (const m of README.matchAll(/^\| `([a-z-]+)` \| `(true|false|null)` \|/gm)) out[m[1]!] = JSON.parse(m[2]!) as boolean | null;
  return out;
}

/** A spread of sessions over every band, with held-back reps, with and without a declared 2k. */
function spread(): { live: Verdict[]; final: Verdict[] } {
  const sets = [
    buildSet(setWithHeld(8, 30, 1.62 * P2K_7_00, fadeFromStart, 38, [3, 6], 0.78), 90),
    buildSet(setWithHeld(6, 60, 1.4 * P2K_7_00, fadeFromStart, 30, [4], 0.78), 60),
    buildSet(setWithHeld(4, 100, 1.1 * P2K_7_00, evenWithFinish(1.06), 32, [2], 0.78), 180),
    buildSet(setWithHeld(5, 300, 0.95 * P2K_7_00, evenWithFinish(1.15), 28, [3], 0.78), 300),
    buildSet(setWithHeld(4, 600, 0.88 * P2K_7_00, evenWithFinish(1.12), 26, [2], 0.78), 180),
    buildSet([{ workS: 420, levelW: P2K_7_00, profile: evenWithFinish(1.1), rateSpm: 30 }], 0),
  ];
  const live: Verdict[] = [];
  const final: Verdict[] = [];
  for (const set of sets) {
    for (const opts of [{ declared2kS: 420 }, {}]) {
      const r = judgeBuilt(set, opts);
      live.push(...r.live);
      final.push(...r.final);
    }
  }
  return { live, final };
}

describe('kinds and allOut', () => {
  it('the README verdict kinds table lists every kind with the allOut the code gives it', () => {
    const table = readmeKinds();
    expect(Object.keys(table).sort()).toEqual(Object.keys(ALL_OUT_KINDS).sort());
    for (const [kind, allOut] of Object.entries(ALL_OUT_KINDS)) expect(table[kind], kind).toBe(allOut);
  });
  it('the README names the kinds exactly as the output does (no "fatigued" for fatigued-all-out)', () => {
    expect(README).not.toMatch(/`fatigued`/);
    expect(README).toMatch(/`fatigued-all-out`/);
  });
  it('every verdict of every band carries the allOut of its kind', () => {
    const { live, final } = spread();
    const kinds = new Set<VerdictKind>();
    for (const v of [...live, ...final]) {
      expect(v.allOut, `${v.kind}: ${v.message}`).toBe(readmeKinds()[v.kind]);
      kinds.add(v.kind);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });
});

describe('provisional', () => {
  it('final verdicts are never provisional, with or without a reference', () => {
    for (const v of spread().final) {
      expect(v.provisional).toBe(false);
      expect(v.message).not.toContain('(provisional)');
    }
  });
  it('live verdicts without a settled reference are', () => {
    const set = buildSet(setWithHeld(8, 30, 1.62 * P2K_7_00, fadeFromStart, 38, [], 0.78), 90);
    const { live } = judgeBuilt(set, {});
    expect(live[0]!.provisional).toBe(true);
    expect(live[0]!.message).toContain('(provisional)');
    expect(live[4]!.provisional).toBe(true); // against today's best of 1–3
  });
});

describe('no message contradicts another', () => {
  const all = (): Verdict[] => {
    const { live, final } = spread();
    return [...live, ...final];
  };
  it('"a hard start" only for a peak within 12 s', () => {
    for (const v of all()) {
      const late = v.checks!.find((c) => c.code === 'LATE_PEAK')!;
      if (late.message.includes('a hard start')) expect(late.value!).toBeLessThanOrEqual(12);
    }
    const v = judgeSprint(metrics({ timeToPeakS: 14, peakInSecondHalf: false }), { rep: 1, reference: { powerW: 400, source: 'x', kind: 'history' } });
    expect(v.checks!.find((c) => c.code === 'LATE_PEAK')!.message).not.toContain('hard start');
  });
  it('no shape message claims "nothing kept in reserve", and "more in the tank" only comes with a raised END SPURT', () => {
    for (const v of all()) {
      expect(v.message).not.toContain('nothing kept in reserve');
      const spurt = v.checks!.find((c) => c.code === 'END_SPURT')!;
      if (spurt.pass) expect(spurt.message).not.toMatch(/more in the tank|reserve/);
    }
  });
  it('a rep cut short is "all-out for the N s rowed", never a bare all-out scoring 100', () => {
    // planned 100 s, rowed 30 s, on target for 30 s
    const v = judgeSprint(metrics({ meanPowerW: 400 }), { rep: 1, plannedWorkS: 100, reference: { powerW: 400, source: 'x', kind: 'history' } });
    expect(v.kind).toBe('all-out');
    expect(v.message).toMatch(/^Sprint 1: all-out for the 30 s rowed\./);
    expect(v.message).toContain('Only 30 s of the planned 100 s — judged as a 30-s effort.');
    expect(v.score).toBeLessThanOrEqual(30);
  });
  it('"saved it for the last one" is said only of paced sets, and then no rep is told its finish was a reserve', () => {
    // a 30-s set whose last rep is 8 % above the two before: no "saved", a softer note
    const sprints = [400, 372, 362, 352, 342, 330, 320, 340].map((p) => ({ metrics: metrics({ meanPowerW: p }), restBeforeS: 90 }));
    const notes = judgeSession(sprints).summary.notes.join(' ');
    expect(notes).not.toMatch(/saved/);
    // a paced 5 × 5:00 with a last rep 10 % above the others
    const p = evenWithFinish(1.1);
    const set = buildSet([...Array.from({ length: 4 }, () => ({ workS: 300, levelW: 0.93 * P2K_7_00, profile: p, rateSpm: 28 })), { workS: 300, levelW: 1.03 * P2K_7_00, profile: p, rateSpm: 30 }], 300);
    const { final } = judgeBuilt(set, { declared2kS: 420 });
    for (const v of final) expect(v.message).not.toMatch(/reserve|more in the tank/);
  });
});
