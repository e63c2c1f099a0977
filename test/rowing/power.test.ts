import { describe, expect, it } from 'vitest';
import { paceFromPower, powerFromPace, powerOfPiece } from '../../src/rowing/power.js';

describe('power and pace', () => {
  it('2:00/500 m is 202.5 W (Concept2: P = 2.80 / (pace/500)³, background §3.1) and back', () => {
    expect(powerFromPace(120)).toBeCloseTo(202.55, 1);
    expect(paceFromPower(202.546)).toBeCloseTo(120, 2);
  });

  it('a 7:00 2k (1:45/500 m) is 302 W (durations.md §7.7)', () => {
    expect(powerOfPiece(420, 2000)).toBeCloseTo(302.3, 0);
  });
});
