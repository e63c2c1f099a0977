/**
 * The live target (issue 12 item 2): at each sprint's start the pipeline sends what that sprint
 * will be judged against, and it is the expected power E_n of that sprint's live verdict. A replay
 * of a committed 8 × 30 s session with a declared 2k (a prior reference: a target from rep 1), and
 * without one (today's reps are the reference: "no target yet" for reps 1–3, a target from rep 4).
 */
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/analysis/types.js';
import { headerNames } from '../../src/pipeline/analyze-recording.js';
import { session$ } from '../../src/pipeline/session.js';
import type { RepTarget, SessionEvent } from '../../src/session/state.js';
import { replay$ } from '../../src/sources/replay.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';
import { loadFixture } from './fixture-helpers.js';

async function run(declared2kS?: number): Promise<{ targets: RepTarget[]; live: Map<number, Interval> }> {
  const { recording } = loadFixture('hiit-held');
  const events = await lastValueFrom(
    replay$(recording.items, { speed: 'instant' }).pipe(
      session$({ names: headerNames(recording.header), plan: { ...BUILTIN_PLANS['hiit-30-90']! }, ...(declared2kS !== undefined ? { verdict: { declared2kS } } : {}) }),
      toArray(),
    ),
  );
  const targets = events.flatMap((e: SessionEvent) => (e.type === 'target' ? [e.target] : []));
  // the first verdict of each sprint: the live one, judged the moment it ends
  const live = new Map<number, Interval>();
  for (const e of events) if (e.type === 'interval' && e.interval.kind === 'work' && e.interval.verdict && !live.has(e.interval.index)) live.set(e.interval.index, e.interval);
  return { targets, live };
}

describe('live target', () => {
  it('with a declared 2k: one target per sprint, sent before its verdict, equal to the live verdict’s E_n (±1 %: C(T) at the planned vs the rowed length)', async () => {
    const { targets, live } = await run(400);
    expect(targets.map((t) => t.rep)).toEqual([...live.keys()]);
    expect(live.size).toBe(8);
    for (const t of targets) {
      const v = live.get(t.rep)!.verdict!;
      expect(t.powerW, `rep ${t.rep}`).toBeDefined();
      expect(v.expectedPowerW, `rep ${t.rep}`).toBeDefined();
      expect(Math.abs(t.powerW! / v.expectedPowerW! - 1), `rep ${t.rep}: target ${t.powerW} vs E_n ${v.expectedPowerW}`).toBeLessThan(0.01);
      expect(t.onTarget).toBeGreaterThan(t.wellBelow);
    }
  });

  it('without a prior reference: no target for reps 1–3, then the live verdict’s E_n from rep 4', async () => {
    const { targets, live } = await run();
    expect(targets.filter((t) => t.rep <= 3).map((t) => t.powerW)).toEqual([undefined, undefined, undefined]);
    const later = targets.filter((t) => t.rep >= 4);
    expect(later.length).toBeGreaterThan(0);
    for (const t of later) {
      const e = live.get(t.rep)!.verdict!.expectedPowerW!;
      expect(Math.abs(t.powerW! / e - 1), `rep ${t.rep}: target ${t.powerW} vs E_n ${e}`).toBeLessThan(0.01);
    }
  });
});
