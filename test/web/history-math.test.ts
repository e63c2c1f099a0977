/** The history page's pure numbers (web/src/history/history-math.ts): the 42-day envelope, trend points, the month grid. */
import { describe, expect, it } from 'vitest';
import type { HistorySession } from '../../src/server/history-reader.js';
import { calendarMonth, durationTick, envelopeBefore, sessionDate, trendPoints } from '../../web/src/history/history-math.js';

const row = (id: string, startedAt: string, bests: [number, number][], over: Partial<HistorySession> = {}): HistorySession => ({
  id, startedAt, rower: 'r1', machine: 'M', athlete: 'Ann', durationS: 1800, distanceM: 5000, intervals: [], bests: bests.map(([durationS, powerW]) => ({ durationS, powerW })), ...over,
});

describe('envelopeBefore', () => {
  const target = row('t', '2026-11-20T18:00:00Z', [[30, 400]]);
  it('is the best per duration over the 42 days before, the session itself, later ones, older ones and other athletes left out', () => {
    const sessions = [
      target,
      row('a', '2026-11-10T18:00:00Z', [[30, 450], [60, 390]]),
      row('b', '2026-10-15T18:00:00Z', [[30, 470]]), // 36 days before: in
      row('old', '2026-10-01T18:00:00Z', [[30, 900]]), // 50 days before: out
      row('later', '2026-11-21T18:00:00Z', [[30, 900]]),
      row('bob', '2026-11-19T18:00:00Z', [[30, 900]], { athlete: 'Bob' }),
    ];
    expect(envelopeBefore(sessions, target)).toEqual([{ durationS: 30, powerW: 470 }, { durationS: 60, powerW: 390 }]);
  });
  it('is empty for a first session', () => {
    expect(envelopeBefore([target], target)).toEqual([]);
  });
});

describe('trendPoints', () => {
  it('one point per session with work intervals, oldest first, mean work power and the decrement', () => {
    const work = (avgPowerW: number) => ({ rower: 'r1', index: 1, kind: 'work' as const, start: 0, end: 30_000, stats: { durationS: 30, avgPowerW } as HistorySession['intervals'][number]['stats'] });
    const pts = trendPoints([
      row('n', '2026-11-20T18:00:00Z', [], { intervals: [work(400), work(300)], summary: { sprints: 2, allOut: 2, notes: [], decrementPct: 12.5 } }),
      row('o', '2026-11-10T18:00:00Z', [], { intervals: [work(380)] }),
      row('none', '2026-11-15T18:00:00Z', []),
    ]);
    expect(pts).toEqual([
      { t: Date.parse('2026-11-10T18:00:00Z') / 1000, sprintPowerW: 380, decrementPct: null },
      { t: Date.parse('2026-11-20T18:00:00Z') / 1000, sprintPowerW: 350, decrementPct: 12.5 },
    ]);
  });
});

describe('calendarMonth', () => {
  it('November 2026 starts on a Sunday: six blanks on a Monday-first grid, sessions on their UTC day', () => {
    const cal = calendarMonth([row('a', '2026-11-02T23:30:00Z', []), row('b', '2026-11-02T06:00:00Z', []), row('c', '2026-12-01T00:10:00Z', [])], 2026, 10);
    expect(cal.weeks[0]!.map((d) => d.day)).toEqual([null, null, null, null, null, null, 1]);
    expect(cal.weeks.flat().filter((d) => d.day !== null)).toHaveLength(30);
    expect(cal.weeks.every((w) => w.length === 7)).toBe(true);
    expect(cal.weeks[1]![0]).toEqual({ day: 2, sessions: ['a', 'b'] });
    expect(cal.weeks.flat().filter((d) => d.sessions.length > 0)).toHaveLength(1); // December's session is not here
  });
});

describe('words', () => {
  it('dates in UTC and durations for the log axis', () => {
    expect(sessionDate('2026-11-12T18:05:00Z')).toBe('Thu 12 Nov 2026, 18:05 UTC');
    expect([10, 30, 60, 120, 300, 1200, 3600].map(durationTick)).toEqual(['10 s', '30 s', '1 min', '2 min', '5 min', '20 min', '1 h']);
  });
});
