/**
 * The history page's numbers, pure: the 42-day envelope of best windows before a session
 * (durations.md §2 item 1, the window personal references use), per-session trend points, and the
 * month grid of the calendar. Dates are read in UTC so every display agrees with the CLI.
 */
import type { BestWindow, HistorySession } from '../../../src/server/protocol.js';

const DAY_MS = 86_400_000;
/** The envelope's window, days (the same 42 days as the verdict's personal references). */
export const ENVELOPE_DAYS = 42;

/** Best power per window duration over the sessions that started in the `days` before `session` (itself excluded). */
export function envelopeBefore(sessions: readonly HistorySession[], session: HistorySession, days = ENVELOPE_DAYS): BestWindow[] {
  const at = Date.parse(session.startedAt);
  const best = new Map<number, number>();
  for (const s of sessions) {
    const t = Date.parse(s.startedAt);
    if (s.id === session.id || t >= at || t < at - days * DAY_MS) continue;
    if (session.athlete !== undefined && s.athlete !== session.athlete) continue;
    for (const b of s.bests) if (b.powerW > (best.get(b.durationS) ?? 0)) best.set(b.durationS, b.powerW);
  }
  return [...best].map(([durationS, powerW]) => ({ durationS, powerW })).sort((a, b) => a.durationS - b.durationS);
}

/** x (durations) and the two y series on it, undefined where one has no point: what a two-line uPlot takes. */
export function alignCurves(a: readonly BestWindow[], b: readonly BestWindow[]): [number[], (number | null)[], (number | null)[]] {
  const xs = [...new Set([...a, ...b].map((p) => p.durationS))].filter((d) => d > 0).sort((x, y) => x - y);
  const at = (pts: readonly BestWindow[], d: number) => pts.find((p) => p.durationS === d)?.powerW ?? null;
  return [xs, xs.map((d) => at(a, d)), xs.map((d) => at(b, d))];
}

export interface TrendPoint {
  /** session start, s since the epoch (uPlot's time unit) */
  t: number;
  /** mean power of the main set's work intervals, W */
  sprintPowerW: number | null;
  /** decrement score of the main set, % */
  decrementPct: number | null;
}

/** One point per session with work intervals, oldest first. */
export function trendPoints(sessions: readonly HistorySession[]): TrendPoint[] {
  return sessions
    .map((s) => {
      const works = s.intervals.filter((iv) => iv.kind === 'work' && iv.stats.avgPowerW !== undefined);
      const mean = works.length === 0 ? null : works.reduce((a, iv) => a + iv.stats.avgPowerW!, 0) / works.length;
      return { t: Date.parse(s.startedAt) / 1000, sprintPowerW: mean, decrementPct: s.summary?.decrementPct ?? null };
    })
    .filter((p) => p.sprintPowerW !== null)
    .sort((a, b) => a.t - b.t);
}

export interface CalendarDay {
  /** day of the month, or null for the blanks before the 1st */
  day: number | null;
  /** ids of the sessions that started that day (UTC) */
  sessions: string[];
}

export interface CalendarMonth {
  year: number;
  /** 0–11 */
  month: number;
  /** Monday-first weeks of 7 days */
  weeks: CalendarDay[][];
}

/** The month grid (Monday first) of `year`/`month` with each day's sessions. */
export function calendarMonth(sessions: readonly HistorySession[], year: number, month: number): CalendarMonth {
  const first = new Date(Date.UTC(year, month, 1));
  const daysIn = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const byDay = new Map<number, string[]>();
  for (const s of sessions) {
    const d = new Date(s.startedAt);
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month) continue;
    byDay.set(d.getUTCDate(), [...(byDay.get(d.getUTCDate()) ?? []), s.id]);
  }
  const cells: CalendarDay[] = [...Array.from({ length: lead }, () => ({ day: null, sessions: [] })), ...Array.from({ length: daysIn }, (_, i) => ({ day: i + 1, sessions: byDay.get(i + 1) ?? [] }))];
  while (cells.length % 7 !== 0) cells.push({ day: null, sessions: [] });
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "November 2026". */
export function monthTitle(year: number, month: number): string {
  return `${MONTHS[month]!} ${year}`;
}

/** "Mon 12 Nov 2026, 18:00 UTC" of an ISO start. */
export function sessionDate(iso: string): string {
  const d = new Date(iso);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]!} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** "30 s", "2 min", "1 h" for a window duration on the log axis. */
export function durationTick(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 6) / 10} min`.replace('.0 ', ' ');
  return `${Math.round(s / 360) / 10} h`.replace('.0 ', ' ');
}
