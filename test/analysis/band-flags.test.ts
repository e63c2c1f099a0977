/**
 * Flags by band (durations.md §7.5) as tables: each row a band, a measurement and whether the flag
 * is raised. Metrics are hand-set (metrics-fixture), so each row tests one threshold.
 */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/analysis/bands.js';
import { evaluateFlags, type FlagCode } from '../../src/analysis/flags.js';
import type { RepShape } from '../../src/analysis/rep-shape.js';
import type { SprintMetrics } from '../../src/analysis/sprint-metrics.js';
import { metrics } from './metrics-fixture.js';

const shape = (over: Partial<RepShape> = {}): RepShape => ({ midW: 300, endSpurt: 1, start: 1.03, negativeSplit: 1, lastThird: 1, best10sInLastThird: false, endWindowS: 30, ...over });
const rep = (durationS: number, over: Partial<SprintMetrics> = {}, s: Partial<RepShape> = {}): SprintMetrics =>
  metrics({ durationS, endMs: durationS * 1000, meanPowerW: 300, shape: shape(s), ...over });

/** Raised flags for a rep judged with ratio O against E = 300 W. */
function raised(m: SprintMetrics, ratio = 1): FlagCode[] {
  const band = bandOf(m.durationS);
  return evaluateFlags(m, { band, ratio, expectedW: 300, onTarget: 0.9, rep: 2, label: 'rep 2', what: 'rep' })
    .filter((c) => !c.pass)
    .map((c) => c.code);
}

describe('END SPURT by band', () => {
  it.each([
    // [duration s, ES (band A: last 5 s ÷ 10–25 s) or ES_T (last 10 % ÷ 40–80 %), MID ÷ E, raised?]
    [30, 1.05, 1, true],
    [30, 1.04, 1, false],
    [60, 1.08, 1, true],
    [60, 1.07, 1, false],
    [100, 1.1, 1, true],
    [100, 1.09, 1, false],
    [300, 1.15, 1, false], // a normal finish for a 5-minute rep
    [300, 1.25, 1, false], // a big finish after an on-target middle is not a reserve
    [300, 1.2, 0.92, true], // ≥ 1.20 with the middle under 0.93 × E
    [300, 1.19, 0.85, false],
    [600, 1.2, 0.9, false],
    [600, 1.25, 0.91, true],
    [1800, 1.25, 0.91, true],
    [1800, 1.25, 0.93, false],
  ])('%i s, ES %f, middle %f × E → raised %s', (durationS, es, mid, expected) => {
    const m = durationS < 45 ? rep(durationS, { endSpurt: es }) : rep(durationS, {}, { endSpurt: es, midW: 300 * mid });
    expect(raised(m).includes('END_SPURT')).toBe(expected);
  });
  it('is strong in bands A, D, E, F and weak in B, C', () => {
    const strength = (d: number) => evaluateFlags(rep(d), { band: bandOf(d), onTarget: 0.9, rep: 1, label: 'rep 1', what: 'rep' }).find((c) => c.code === 'END_SPURT')!.strength;
    expect([30, 60, 100, 300, 600, 1800].map(strength)).toEqual(['strong', 'weak', 'weak', 'strong', 'strong', 'strong']);
  });
});

describe('LOW RATE floors by band (§4; the usual-rate rise needs history, which no production path has yet)', () => {
  it.each([
    [30, 29, true],
    [30, 30, false],
    [60, 27, true],
    [60, 29, false], // 6 × 1:00 at rate 29 is fine
    [100, 28, false],
    [300, 23, true],
    [300, 24, false],
    [600, 19, true],
    [600, 20, false],
    [1800, 16, false], // off past 20 min (rate-capped tests)
  ])('%i s at %i spm → raised %s', (durationS, rate, expected) => {
    expect(raised(rep(durationS, { strokeRate: rate })).includes('LOW_RATE')).toBe(expected);
  });
});

describe('LATE PEAK by band', () => {
  it.each([
    // band A: TTP > 12 s and in the second half
    ['A peak at 20 s, second half', rep(30, { timeToPeakS: 20, peakInSecondHalf: true }), 1, true],
    ['A peak at 14 s, first half', rep(30, { timeToPeakS: 14, peakInSecondHalf: false }), 1, false],
    // band B: best 10 s in the last third AND NS > 1.05 AND the level under target
    ['B build-up, level low', rep(60, {}, { best10sInLastThird: true, negativeSplit: 1.08 }), 0.85, true],
    ['B build-up, level on target (a pacing choice)', rep(60, {}, { best10sInLastThird: true, negativeSplit: 1.08 }), 0.95, false],
    ['B best 10 s late but even halves', rep(60, {}, { best10sInLastThird: true, negativeSplit: 1.03 }), 0.85, false],
    ['D: off', rep(300, { timeToPeakS: 250, peakInSecondHalf: true }, { best10sInLastThird: true, negativeSplit: 1.2 }), 0.8, false],
  ])('%s → raised %s', (_, m, ratio, expected) => expect(raised(m, ratio).includes('LATE_PEAK')).toBe(expected));
});

describe('FLAT + LOW and FLY AND DIE', () => {
  it.each([
    ['A fade 2 %, under target', rep(30, { fade: 0.02 }), 0.85, 'FLAT_LOW', true],
    ['B fade 4 %, under target', rep(60, { fade: 0.04 }), 0.85, 'FLAT_LOW', true],
    ['B fade 4 %, on target', rep(60, { fade: 0.04 }), 0.95, 'FLAT_LOW', false],
    ['D flat and under target: off', rep(300, { fade: 0 }), 0.8, 'FLAT_LOW', false],
    ['D start 1.18, last third 0.90', rep(300, {}, { start: 1.18, lastThird: 0.9 }), 1, 'FLY_AND_DIE', true],
    ['D start 1.10, last third 0.90', rep(300, {}, { start: 1.1, lastThird: 0.9 }), 1, 'FLY_AND_DIE', false],
    ['B start 1.18, last third 0.90: not read under 2.5 min', rep(60, {}, { start: 1.18, lastThird: 0.9 }), 1, 'FLY_AND_DIE', false],
  ])('%s → %s raised %s', (_, m, ratio, code, expected) => expect(raised(m, ratio).includes(code as FlagCode)).toBe(expected));
  it('FLY AND DIE is information, never an effort flag', () => {
    const c = evaluateFlags(rep(300, {}, { start: 1.2, lastThird: 0.85 }), { band: bandOf(300), onTarget: 0.9, rep: 1, label: 'rep 1', what: 'rep' }).find((x) => x.code === 'FLY_AND_DIE')!;
    expect([c.pass, c.strength]).toEqual([false, 'info']);
  });
});
