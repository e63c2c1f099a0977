/** Session readings by band and mode (durations.md §7.5–7.6). */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/analysis/bands.js';
import { judgeSession } from '../../src/analysis/session-verdicts.js';
import { readDecrementFor, readWPrimeUsed, sessionPatterns } from '../../src/analysis/session-readings.js';
import { buildSet, evenWithFinish, P2K_7_00 } from './built-sessions.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';

describe('decrement reading', () => {
  it('band A keeps the 30-s reading; a paced long set calls 0–6 % even', () => {
    expect(readDecrementFor(15, 8, bandOf(30), 'rep-max', 'sprint')).toContain('normal 10–25 %');
    expect(readDecrementFor(4, 5, bandOf(300), 'set-paced', '5-minute rep')).toMatch(/even, as a maximal set of 5-minute reps should be \(0–6 % is normal\)/);
    expect(readDecrementFor(12, 5, bandOf(300), 'set-paced', '5-minute rep')).toMatch(/more than the 0–6 %/);
  });
});

describe('last rep and rep 1', () => {
  it('a paced set: last rep ≥ 8 % above the mean of the others → "saved it for the last one"; 5 % is a normal finish', () => {
    expect(sessionPatterns([290, 292, 288, 291, 316], bandOf(300), 'set-paced').notes.join(' ')).toContain('saved it for the last one');
    expect(sessionPatterns([290, 292, 288, 291, 305], bandOf(300), 'set-paced').lastRepSpurt).toBe(false);
  });
  it('rep 1 10 % below the best of reps 2–3 is a conservative start in band D, a held-back rep 1 in band A', () => {
    expect(sessionPatterns([260, 290, 288, 289], bandOf(300), 'set-paced').notes.join(' ')).toContain('a conservative start');
    expect(sessionPatterns([360, 400, 390, 380], bandOf(30), 'rep-max').notes.join(' ')).toContain('sprint 1 was probably held back');
    // band D: 8 % below is within the 10 % the band allows
    expect(sessionPatterns([267, 290, 288, 289], bandOf(300), 'set-paced').notes.join(' ')).not.toContain('Rep 1 was');
  });
});

describe('W′ used by the end of a paced set (§7.6)', () => {
  it.each([
    [0.9, 'a maximal set'],
    [0.7, 'solid, a little left'],
    [0.4, 'well within yourself'],
  ])('%f → %s', (used, words) => expect(readWPrimeUsed(used)).toContain(words));
  it('a 5 × 5:00 rowed at the §5.4 set pace uses ≥ 85 % of W′; the same set 6 % easier does not', () => {
    const summaryOf = (share: number) => {
      const set = buildSet(Array.from({ length: 5 }, () => ({ workS: 300, levelW: share * P2K_7_00, profile: evenWithFinish(1.05), rateSpm: 28 })), 300);
      const sprints = set.windows.map((w, i) => ({
        metrics: sprintMetrics(set.points, w.startMs, w.endMs),
        ...(i > 0 ? { restBeforeS: (w.startMs - set.windows[i - 1]!.endMs) / 1000, restPowerW: 0.4 * P2K_7_00 } : {}),
      }));
      return judgeSession(sprints, { declared2kS: 420 }).summary;
    };
    const maximal = summaryOf(0.95);
    expect(maximal.mode).toBe('set-paced');
    expect(maximal.wPrimeUsedPct!).toBeGreaterThanOrEqual(85);
    expect(maximal.notes[0]).toContain('a maximal set');
    expect(summaryOf(0.89).wPrimeUsedPct!).toBeLessThan(85);
  });
});
