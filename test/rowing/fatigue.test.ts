import { describe, expect, it } from 'vitest';
import { expectedFatigue, expectedPowerW } from '../../src/rowing/fatigue.js';

describe('expected fatigue f(n, rest) — values from the science notes §1.4', () => {
  it.each([
    [1, 90, 1],
    [1, 60, 1],
    [2, 90, 0.93],
    [2, 60, 0.9],
    [4, 90, 0.88],
    [4, 60, 0.83],
    [8, 90, 0.78],
    [8, 60, 0.69],
    [10, 90, 0.73],
    [10, 60, 0.65], // 0.90 − 8 × 0.035 = 0.62 → floor 0.65
    [2, 75, 0.915], // halfway between the 60-s and 90-s rows
    [3, 75, 0.885], // 0.915 − 0.030
    [2, 45, 0.9], // shorter rests clamp to the 60-s row
    [2, 180, 0.93], // longer rests clamp to the 90-s row
  ])('f(%i, %i s) = %f', (n, rest, f) => {
    expect(expectedFatigue(n, rest)).toBeCloseTo(f, 10);
  });
  it('rests rowed hard lower f by a further 2 % per rep from that rep on', () => {
    // hard from rep 3: f(3) = 0.905 − 0.02 = 0.885; f(4) = 0.88 − 0.04 = 0.84; rep 2 untouched
    expect(expectedFatigue(2, 90, 3)).toBeCloseTo(0.93, 10);
    expect(expectedFatigue(3, 90, 3)).toBeCloseTo(0.885, 10);
    expect(expectedFatigue(4, 90, 3)).toBeCloseTo(0.84, 10);
  });
  it('E_n = Ref₁ × f(n)', () => {
    expect(expectedPowerW(500, 4, 90)).toBeCloseTo(440, 10);
  });
});
