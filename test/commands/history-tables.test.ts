/** The text of `history`, `history bests`: columns, the stale note, empty histories, duration words. */
import { describe, expect, it } from 'vitest';
import type { Bests } from '../../src/store/bests-query.js';
import type { SessionListItem } from '../../src/store/session-rows.js';
import { bestsLines, durationWord, sessionListTable } from '../../src/commands/history-tables.js';

const item = (over: Partial<SessionListItem>): SessionListItem => ({
  id: 'abcdef0123', start: '2026-11-10T07:00:06.000Z', athlete: 'Ann', machine: 'PM5', rower: 'r1', plan: null,
  durationS: 1833, distanceM: 6583, reps: 8, allOut: 7, stale: false, path: '/x.ndjson', ...over,
});

describe('history tables', () => {
  it('lists one aligned row per session and notes stale ones', () => {
    const lines = sessionListTable([item({}), item({ id: '0123456789', athlete: null, reps: 0, distanceM: null, stale: true })]);
    expect(lines[0]).toMatch(/^id\s+start\s+athlete/);
    expect(lines[1]).toMatch(/^abcdef0123\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Ann\s+PM5\s+–\s+30:33\s+6583 m\s+7\/8$/);
    expect(lines[2]).toMatch(/^0123456789 .*–\s+30:33\s+–\s+–$/);
    expect(lines.at(-1)).toBe('1 session judged by an older analysis: "ergsprint history rebuild" re-judges it.');
    expect(sessionListTable([])).toEqual([expect.stringMatching(/^no sessions in the history/)]);
  });

  it('says so when an athlete has no sessions, and names empty sections', () => {
    const none: Bests = { athlete: 'Cy', sessions: 0, reps: [], pieces: [], curve: [] };
    expect(bestsLines(none)).toEqual(['no sessions in the history for Cy']);
    const empty = bestsLines({ ...none, athlete: null, sessions: 1 });
    expect(empty[0]).toBe('Bests of all athletes over 1 session');
    expect(empty).toContain('  none (no judged reps)');
    expect(empty).toContain('  none (no 500 m, 1k, 2k, 5k or 30-min piece)');
  });

  it('words durations as the curve shows them', () => {
    expect([10, 30, 60, 150, 1800, 3600].map(durationWord)).toEqual(['10 s', '30 s', '1 min', '2.5 min', '30 min', '1 h']);
  });
});
