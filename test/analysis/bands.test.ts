/** Duration bands and execution modes (durations.md §7.1), as tables. */
import { describe, expect, it } from 'vitest';
import { BANDS, bandOf, executionMode } from '../../src/analysis/bands.js';

describe('bands', () => {
  it.each([
    [15, 'A'], [30, 'A'], [44.9, 'A'], [45, 'B'], [60, 'B'], [89, 'B'], [90, 'C'], [100, 'C'], [149, 'C'],
    [150, 'D'], [300, 'D'], [425, 'D'], [479, 'D'], [480, 'E'], [600, 'E'], [1199, 'E'], [1200, 'F'], [3600, 'F'],
  ])('%f s → band %s', (s, id) => expect(bandOf(s).id).toBe(id));
  it('every band names the source of its numbers', () => {
    for (const b of BANDS) for (const key of ['endSpurt', 'latePeak', 'rateFloor', 'hr', 'rep1Below', 'sdecNormal']) expect(b.source[key]).toBeTruthy();
  });
  it('the tables are frozen', () => {
    expect(Object.isFrozen(BANDS)).toBe(true);
    expect(Object.isFrozen(BANDS[0])).toBe(true);
  });
});

describe('execution mode', () => {
  it.each([
    ['8 × 30 s / 90 s', 30, 8, 90, 'rep-max'],
    ['8 × 20 s / 10 s (band A stays REP-MAX: W′ does not describe sprints, §5.3)', 20, 8, 10, 'rep-max'],
    ['6 × 1:00 / 1:00', 60, 6, 60, 'rep-max'],
    ['6 × 1:00 / 0:40 (rest < work)', 60, 6, 40, 'mixed'],
    ['15 × 1:00 / 1:00 (N × T ≥ 12 min)', 60, 15, 60, 'set-paced'],
    ['4 × 500 m (100 s) / 3:00', 100, 4, 180, 'mixed'],
    ['10 × 100 s / 20 s (rest/work < 0.5)', 100, 10, 20, 'set-paced'],
    ['5 × 5:00 / 5:00', 300, 5, 300, 'set-paced'],
    ['4 × 10:00 / 3:00', 600, 4, 180, 'set-paced'],
    ['one 2k', 420, 1, 0, 'single'],
    ['one 30-min test', 1800, 1, 0, 'single'],
  ])('%s → %s', (_, workS, reps, restS, mode) => expect(executionMode({ workS, reps, restS })).toBe(mode));
});
