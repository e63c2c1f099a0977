/** An in-memory HistoryReader for tests (the real one is the SQLite store), and sessions to fill it with. */
import type { BestPoint, HistoryReader, HistorySession } from '../../src/server/history-reader.js';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { simulateSession } from '../../src/sources/simulator/simulate-session.js';

export class MemoryHistory implements HistoryReader {
  readonly sessions = new Map<string, HistorySession>();
  constructor(sessions: readonly HistorySession[] = []) {
    for (const s of sessions) this.sessions.set(s.id, s);
  }
  list(q: { athlete?: string; limit?: number }): HistorySession[] {
    return [...this.sessions.values()]
      .filter((s) => q.athlete === undefined || s.athlete === q.athlete)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, q.limit ?? Infinity);
  }
  get(id: string): HistorySession | undefined {
    return this.sessions.get(id);
  }
  bests(q: { athlete?: string }): { curve: BestPoint[] } {
    const best = new Map<number, BestPoint>();
    for (const s of this.list(q)) {
      for (const b of s.bests) {
        const had = best.get(b.durationS);
        if (!had || b.powerW > had.powerW) best.set(b.durationS, { ...b, sessionId: s.id, startedAt: s.startedAt });
      }
    }
    return { curve: [...best.values()].sort((a, b) => a.durationS - b.durationS) };
  }
  remove(id: string): boolean {
    return this.sessions.delete(id);
  }
}

/** Best-window durations a session row carries, s. */
const WINDOWS_S = [10, 30, 60, 120, 300, 600, 1200];

/**
 * A history row from a simulated session analysed by the real pipeline. Best windows are not
 * measured here (the store does that): they are the best work interval's power scaled by
 * `level`, a fixed, decreasing shape — enough for the page's plots.
 */
export function simulatedRow(id: string, startedAt: string, opts: { seed: number; held?: number[]; level?: number; athlete?: string }): HistorySession {
  const sim = simulateSession({ seed: opts.seed, startedAt, ...(opts.held ? { held: opts.held } : {}) });
  const r = analyzeRecording(sim).rowers[0]!;
  const last = r.intervals[r.intervals.length - 1]!;
  const level = opts.level ?? 1;
  return {
    id,
    startedAt,
    rower: r.id,
    machine: r.name,
    ...(opts.athlete !== undefined ? { athlete: opts.athlete } : {}),
    plan: 'hiit-30-90',
    durationS: last.end / 1000,
    distanceM: Math.round(r.intervals.reduce((a, iv) => a + (iv.stats.distanceM ?? 0), 0)),
    intervals: r.intervals,
    ...(r.summary ? { summary: r.summary } : {}),
    bests: WINDOWS_S.map((d) => ({ durationS: d, powerW: Math.round(level * 520 * (d / 10) ** -0.12) })),
  };
}
