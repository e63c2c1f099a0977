import { describe, expect, it } from 'vitest';
import { formatRowTime } from '../../src/rowing/format.js';
import {
  parseRowTime,
  priorReference,
  referenceFrom2k,
  referenceFrom500m,
  RowTimeError,
  sessionReference,
} from '../../src/analysis/reference.js';

describe('parseRowTime', () => {
  it.each([
    ['7:05', 425],
    ['1:32.5', 92.5],
    [' 6:30 ', 390],
    ['0:58', 58],
    ['1:02:03.4', 3723.4],
  ])('%s → %f s', (text, s) => expect(parseRowTime(text)).toBeCloseTo(s, 10));
  it.each([
    ['', 'EMPTY'],
    ['7.05', 'FORMAT'],
    ['7:5x', 'FORMAT'],
    ['seven', 'FORMAT'],
    ['7:65', 'RANGE'],
    ['0:00', 'RANGE'],
    ['1:60:00', 'RANGE'],
  ])('%j → RowTimeError %s', (text, code) => {
    try {
      parseRowTime(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RowTimeError);
      expect((err as RowTimeError).code).toBe(code);
    }
  });
  it('formats back', () => {
    expect(formatRowTime(425)).toBe('7:05');
    expect(formatRowTime(92.5)).toBe('1:32.5');
  });
});

describe('reference chain', () => {
  it('a declared 2k gives 1.62 × P2k (7:00 → P2k 302.3 W → 489.8 W, notes table: 490)', () => {
    // P2k = 2.80 / (420/2000)³ = 2.80 / 0.009261 = 302.34 W
    const r = referenceFrom2k(420);
    expect(r.powerW).toBeCloseTo(1.62 * 302.34, 0);
    expect(r.source).toBe('your 7:00 2k');
    expect(r.kind).toBe('declared-2k');
  });
  it("a declared 500 m stands for a 2k by Paul's law: 2k split = 500 m time + 10 s; a 30-s sprint = 1.62 × that", () => {
    // 1:32.5 → 2k split 102.5 s → P2k = 2.80 / (102.5/500)³ = 2.80 / 0.0086151 = 325.01 W → 1.62 × 325.01 = 526.5 W
    expect(referenceFrom500m(92.5).powerW).toBeCloseTo(1.62 * 325.01, 0);
    expect(referenceFrom500m(92.5).p2kW).toBeCloseTo(325.01, 1);
  });
  it('history first, then 2k, then 500 m', () => {
    const history = { rep1PowerW: (rower: string) => (rower === 'a' ? { powerW: 450, source: 'your best sprints of the last 6 weeks' } : undefined) };
    expect(priorReference({ rower: 'a', history, declared2kS: 420, declared500mS: 92.5 })!.kind).toBe('history');
    expect(priorReference({ rower: 'b', history, declared2kS: 420, declared500mS: 92.5 })!.kind).toBe('declared-2k');
    expect(priorReference({ declared500mS: 92.5 })!.kind).toBe('declared-500m');
    expect(priorReference({})).toBeUndefined();
  });
  it('the session reference is the best of sprints 1–3 only', () => {
    const r = sessionReference([400, 420, 410, 500]);
    expect(r!.powerW).toBe(420);
    expect(r!.source).toBe('your best of sprints 1–3 today');
    expect(sessionReference([])).toBeUndefined();
  });
});
