/**
 * Personal references through the whole pipeline: three simulated sessions of one athlete on three
 * days, the third uniformly easy (every sprint rowed at a high rate with light pressure); its
 * verdicts catch that only with the first two sessions' efforts as history, per rower.
 */
import { describe, expect, it } from 'vitest';
import type { JudgedEffort } from '../../src/analysis/judged-effort.js';
import { historyReferences } from '../../src/analysis/personal-reference.js';
import { analyzeRecording, type RowerAnalysis } from '../../src/pipeline/analyze-recording.js';
import { simulateSession } from '../../src/sources/simulator/simulate-session.js';

/** The efforts of one analysed rower as the history store keeps them (final verdicts, wall-clock starts). */
function effortsOf(sessionId: string, startedAt: string, rower: RowerAnalysis): JudgedEffort[] {
  const t0 = Date.parse(startedAt);
  return rower.intervals
    .filter((iv) => iv.kind === 'work')
    .map((iv, i) => ({ sessionId, startMs: t0 + iv.start, durationS: (iv.end - iv.start) / 1000, meanPowerW: iv.verdict!.meanPowerW!, allOut: iv.verdict!.allOut, kind: 'rep' as const, rep: i + 1 }));
}

const works = (r: RowerAnalysis) => r.intervals.filter((iv) => iv.kind === 'work');
const ALL = [1, 2, 3, 4, 5, 6, 7, 8];

describe('three sessions on three days', () => {
  const day1 = simulateSession({ seed: 1, startedAt: '2026-11-12T18:00:00Z' });
  const day2 = simulateSession({ seed: 2, held: [3, 6], startedAt: '2026-11-16T18:00:00Z' });
  // day 3: two rowers, both uniformly easy; only sim-1 is the athlete with history
  const day3 = simulateSession({ seed: 4, startedAt: '2026-11-22T18:00:00Z', rowers: [{ rateOnly: ALL }, { rateOnly: ALL, preset: 'default' }] });
  const history = [...effortsOf('d1', day1.header.startedAt, analyzeRecording(day1).rowers[0]!), ...effortsOf('d2', day2.header.startedAt, analyzeRecording(day2).rowers[0]!)];
  const at = Date.parse(day3.header.startedAt);

  it('without history the easy session reads all-out', () => {
    for (const r of analyzeRecording(day3).rowers) {
      expect(works(r)).toHaveLength(8);
      expect(works(r).every((iv) => iv.verdict!.allOut === true || iv.verdict!.allOut === null)).toBe(true);
    }
  });

  it('with history (per rower) the athlete’s sprints are held back, citing the first two sessions', () => {
    const result = analyzeRecording(day3, { references: (rower) => (rower === 'sim-1' ? { history: historyReferences(history, at) } : undefined) });
    const [athlete, other] = result.rowers;
    expect(athlete!.id).toBe('sim-1');
    const v = works(athlete!).map((iv) => iv.verdict!);
    expect(v.filter((x) => x.kind === 'held-back').length).toBeGreaterThanOrEqual(6);
    for (const x of v) expect(x.reference?.source).toMatch(/^your best 30-s sprint of the last 42 days, (12|16) Nov$/);
    expect(athlete!.summary?.reference).toMatchObject({ kind: 'history' });
    expect(athlete!.summary?.provisional).toBe(false);
    // the other rower has no history: today's reps are its reference, as before
    expect(works(other!).every((iv) => iv.verdict!.reference?.kind !== 'history' && iv.verdict!.allOut !== false)).toBe(true);
  });

  it('a declared 2k given per rower is used when history is empty (history → declared → session)', () => {
    const result = analyzeRecording(day3, { references: () => ({ history: historyReferences([], at), declared2kS: 420 }) });
    for (const r of result.rowers) expect(works(r).every((iv) => iv.verdict!.reference?.kind === 'declared-2k')).toBe(true);
  });
});
