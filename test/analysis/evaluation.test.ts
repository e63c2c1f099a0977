/** Evaluation scoring (src/analysis/evaluation.ts) as pure functions over hand-made intervals. */
import { describe, expect, it } from 'vitest';
import { quantile, scoreFile, totals } from '../../src/analysis/evaluation.js';

describe('scoring', () => {
  it('matches each labelled interval, in order, to the unused detection it overlaps most, when the overlap is ≥ 30 % of the union', () => {
    const truth = [
      { start: 100, end: 130, allOut: true },
      { start: 220, end: 250, allOut: false },
      { start: 340, end: 370, allOut: true },
    ];
    const detected = [
      { start: 100.5, end: 131, allOut: true }, // match, errors 0.5 / 1
      { start: 240, end: 270, allOut: false }, // overlap 10 s < 30 % of the 50-s union: no match
      { start: 339, end: 370, allOut: null }, // match, errors 1 / 0
      { start: 500, end: 520, allOut: true }, // extra
    ];
    const s = scoreFile('x', truth, detected);
    expect(s.matched).toBe(2);
    expect(s.startErrorsS).toEqual([0.5, 1]);
    expect(s.endErrorsS).toEqual([1, 0]);
    expect(s.allOutAgree).toEqual([1, 2]);
    const t = totals([s]);
    expect(t.recall).toBeCloseTo(2 / 3);
    expect(t.precision).toBeCloseTo(2 / 4);
  });

  it('a long detection matches a short label only when it covers 30 % of their union', () => {
    // 30-s label inside a 120-s detection: overlap 30 s = 25 % of the union (120 s): no match
    expect(scoreFile('x', [{ start: 100, end: 130 }], [{ start: 40, end: 160, allOut: null }]).matched).toBe(0);
    // inside a 90-s detection: 30 s = 33 % of 90 s: a match
    expect(scoreFile('x', [{ start: 100, end: 130 }], [{ start: 70, end: 160, allOut: null }]).matched).toBe(1);
  });

  it('a continuous file should be one work interval: each one beyond the first is a false split, outside recall and precision', () => {
    const one = scoreFile('piece', [], [{ start: 1, end: 600, allOut: null }]);
    const three = scoreFile('split', [], [
      { start: 1, end: 200, allOut: null },
      { start: 210, end: 400, allOut: null },
      { start: 410, end: 600, allOut: null },
    ]);
    const hiit = scoreFile('hiit', [{ start: 0, end: 30 }], [{ start: 0, end: 30, allOut: true }]);
    const t = totals([one, three, hiit]);
    expect(t.continuousFiles).toBe(2);
    expect(t.continuousAsOne).toBe(1);
    expect(t.falseSplits).toBe(2);
    expect(t.recall).toBe(1);
    expect(t.precision).toBe(1);
  });

  it('an ambiguous continuous file read as its alternative two efforts has no false split', () => {
    const alt = [
      { start: 0, end: 308 },
      { start: 378, end: 493 },
    ];
    const two = scoreFile('near-stop', [], [
      { start: 1, end: 305, allOut: null },
      { start: 380, end: 493, allOut: null },
    ], alt);
    expect(two).toMatchObject({ ambiguous: true, continuous: true, falseSplits: 0 });
    const three = scoreFile('near-stop', [], [
      { start: 1, end: 100, allOut: null },
      { start: 110, end: 305, allOut: null },
      { start: 380, end: 493, allOut: null },
    ], alt);
    expect(three.falseSplits).toBe(1); // three efforts where the alternative reading allows two
    expect(totals([two]).continuousAsOne).toBe(1);
  });

  it('quantile interpolates', () => {
    expect(quantile([0, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNull();
  });
});
