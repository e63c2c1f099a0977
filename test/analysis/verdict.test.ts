import { describe, expect, it } from 'vitest';
import type { Reference } from '../../src/analysis/reference.js';
import { judgeSprint, type VerdictContext } from '../../src/analysis/verdict.js';
import { metrics } from './metrics-fixture.js';

/** Ref₁ = 400 W from history: for rep 1, E = 400 W, so MP = 400 × O. Thresholds 0.92 / 0.85. */
const ref: Reference = { powerW: 400, source: 'your best sprints of the last 6 weeks', kind: 'history' };
const ctx = (over: Partial<VerdictContext> = {}): VerdictContext => ({ rep: 1, reference: ref, plannedWorkS: 30, ...over });
const mp = (ratio: number): number => 400 * ratio;

describe('decision table (science notes §6.5), first match wins', () => {
  const rows: { row: string; m: Parameters<typeof metrics>[0]; c?: Partial<VerdictContext>; kind: string; allOut: boolean | null }[] = [
    { row: '1 DATA flag → inconclusive', m: { coverage: 0.8 }, kind: 'inconclusive', allOut: null },
    { row: '1 shorter than 15 s → inconclusive', m: { durationS: 12, endSpurt: null }, c: { plannedWorkS: undefined }, kind: 'inconclusive', allOut: null },
    { row: '2 O ≥ 0.92, no flags → all-out', m: { meanPowerW: mp(1.0) }, kind: 'all-out', allOut: true },
    { row: '2 O ≥ 0.92 with one other flag (low rate) → all-out', m: { meanPowerW: mp(0.95), strokeRate: 28 }, kind: 'all-out', allOut: true },
    { row: '3 O ≥ 0.92 with an end spurt → paced shape', m: { meanPowerW: mp(0.98), endSpurt: 1.08 }, kind: 'all-out-paced', allOut: false },
    { row: '3 O ≥ 0.92 with two other flags → paced shape', m: { meanPowerW: mp(0.95), strokeRate: 28, timeToPeakS: 20, peakInSecondHalf: true }, kind: 'all-out-paced', allOut: false },
    { row: '4 O < 0.92, all-out shape, no HR → fatigued', m: { meanPowerW: mp(0.86) }, kind: 'fatigued-all-out', allOut: true },
    { row: '5 O < 0.85 with one flag → held back', m: { meanPowerW: mp(0.8), endSpurt: 1.09 }, kind: 'held-back', allOut: false },
    { row: '5 0.85 ≤ O < 0.92 with two flags → held back', m: { meanPowerW: mp(0.88), endSpurt: 1.06, timeToPeakS: 22, peakInSecondHalf: true }, kind: 'held-back', allOut: false },
    { row: '6 0.85 ≤ O < 0.92, one flag, shape not all-out → close', m: { meanPowerW: mp(0.88), strokeRate: 28 }, kind: 'close', allOut: null },
    { row: '7 O < 0.85, no flags, shape not all-out (fade 4 %) → below', m: { meanPowerW: mp(0.8), fade: 0.04 }, kind: 'below', allOut: null },
  ];
  it.each(rows)('row $row', ({ m, c, kind, allOut }) => {
    const v = judgeSprint(metrics(m), ctx(c));
    expect(v.kind).toBe(kind);
    expect(v.allOut).toBe(allOut);
  });
});

describe('flags (science notes §6.3)', () => {
  const raised = (m: Parameters<typeof metrics>[0], c: Partial<VerdictContext> = {}) =>
    judgeSprint(metrics(m), ctx(c)).checks!.filter((x) => !x.pass).map((x) => x.code);

  it('LATE PEAK needs TTP > 12 s and the peak in the second half', () => {
    expect(raised({ timeToPeakS: 20, peakInSecondHalf: true })).toContain('LATE_PEAK');
    expect(raised({ timeToPeakS: 14, peakInSecondHalf: false })).not.toContain('LATE_PEAK');
    expect(raised({ timeToPeakS: 12, peakInSecondHalf: true, durationS: 20 })).not.toContain('LATE_PEAK');
  });
  it('END SPURT at ES ≥ 1.05', () => {
    expect(raised({ endSpurt: 1.05 })).toContain('END_SPURT');
    expect(raised({ endSpurt: 1.04 })).not.toContain('END_SPURT');
  });
  it('LOW RATE under 30 (band A)', () => {
    expect(raised({ strokeRate: 29 })).toContain('LOW_RATE');
    expect(raised({ strokeRate: 30 })).not.toContain('LOW_RATE');
  });
  it('FLAT + LOW needs FI < 3 % and O < 0.92', () => {
    expect(raised({ fade: 0.02, meanPowerW: mp(0.9) })).toContain('FLAT_LOW');
    expect(raised({ fade: 0.02, meanPowerW: mp(0.95) })).not.toContain('FLAT_LOW');
    expect(raised({ fade: 0.03, meanPowerW: mp(0.9) })).not.toContain('FLAT_LOW');
  });
  it('CUT SHORT under 0.8 × planned, and it is reported but not counted as an effort flag', () => {
    expect(raised({ durationS: 23 })).toContain('CUT_SHORT');
    expect(raised({ durationS: 24 })).not.toContain('CUT_SHORT');
    const v = judgeSprint(metrics({ durationS: 23, meanPowerW: mp(0.8), fade: 0.04 }), ctx());
    expect(v.kind).toBe('below'); // would be "held back" (O < 0.85 and ≥ 1 flag) if it counted
    expect(v.reasons.map((r) => r.code)).toContain('CUT_SHORT');
  });
  it('DATA under 90 % coverage or a gap over 3 s', () => {
    expect(raised({ coverage: 0.89 })).toContain('DATA');
    expect(raised({ maxGapS: 3.5 })).toContain('DATA');
    expect(raised({ coverage: 0.9, maxGapS: 3 })).not.toContain('DATA');
  });
  it('DATA: in pieces over 60 s one hole counts when it is over 5 % of the piece', () => {
    // up to 60 s the limit stays 3 s (5 % of 60 s = 3 s)
    expect(raised({ durationS: 60, endMs: 60_000, maxGapS: 3.5 })).toContain('DATA');
    // a 2k of 426 s with one 4-s hole (~1 %) is still judged; 5 % of 426 s = 21.3 s
    expect(raised({ durationS: 426, endMs: 426_000, maxGapS: 4 })).not.toContain('DATA');
    expect(raised({ durationS: 426, endMs: 426_000, maxGapS: 22 })).toContain('DATA');
    // a 4-min rep: 5 % = 12 s
    expect(raised({ durationS: 240, endMs: 240_000, maxGapS: 12 })).not.toContain('DATA');
    expect(raised({ durationS: 240, endMs: 240_000, maxGapS: 12.5 })).toContain('DATA');
    // coverage still decides on its own
    expect(raised({ durationS: 426, endMs: 426_000, maxGapS: 4, coverage: 0.89 })).toContain('DATA');
  });
});

describe('explainability', () => {
  it('the held-back message names MP, E_n, the percentage, the rep and the reference', () => {
    // 2k 7:05: P2k = 2.80 / (425/2000)³ = 291.80 W; Ref₁ = 1.62 × 291.80 = 472.7 W;
    // sprint 6 after 90-s rests: f = 0.93 − 4 × 0.025 = 0.83 → E = 392.3 W; 318 / 392.3 = 81 %.
    const twoK: Reference = { powerW: 1.62 * (2.8 / (425 / 2000) ** 3), source: 'your 7:05 2k', kind: 'declared-2k' };
    const v = judgeSprint(
      metrics({ meanPowerW: 318, endSpurt: 1.09, timeToPeakS: 26, peakInSecondHalf: true, fade: -0.05 }),
      { rep: 6, restBeforeS: 90, reference: twoK, plannedWorkS: 30 },
    );
    expect(v.kind).toBe('held-back');
    const output = v.reasons.find((r) => r.code === 'OUTPUT')!;
    expect(output.message).toContain('318 W — 81 % of the 392 W expected for sprint 6 (from your 7:05 2k');
    expect(output.value).toBeCloseTo(318 / 392.35, 3);
    expect(v.message).toContain('Sprint 6 looks held back');
    expect(v.message).toContain('9 % faster');
    expect(v.expectedPowerW).toBeCloseTo(392.35, 1);
  });
  it('gives the number compared plus at most two reasons', () => {
    const v = judgeSprint(metrics({ meanPowerW: mp(0.7), endSpurt: 1.1, timeToPeakS: 25, peakInSecondHalf: true, strokeRate: 26, fade: 0 }), ctx());
    expect(v.reasons[0]!.code).toBe('OUTPUT');
    expect(v.reasons.length).toBeLessThanOrEqual(3);
    expect(v.reasons.slice(1).map((r) => r.code)).toEqual(['END_SPURT', 'LATE_PEAK']);
  });
  it('a data gap says how long the data stopped', () => {
    const v = judgeSprint(metrics({ maxGapS: 6 }), ctx({ rep: 3 }));
    expect(v.message).toBe("Couldn't judge sprint 3 — the data stopped for 6 s.");
  });
  it('never pushes to continue after a declared stop or an abnormal heart rate', () => {
    const held = metrics({ meanPowerW: mp(0.8), endSpurt: 1.09 });
    expect(judgeSprint(held, ctx()).message).toContain('Next one');
    expect(judgeSprint(held, ctx({ stopCoaching: true })).message).not.toContain('Next one');
    const v = judgeSprint({ ...held, peakHeartRate: 205 }, ctx({ rep: 5, hr: { maxBpm: 190 } }));
    expect(v.message).not.toContain('Next one');
    expect(v.message).toContain('205 bpm');
  });
});

describe('heart rate supports, never decides', () => {
  const hr = { maxBpm: 190 };
  // rep 5 after 90-s rests: f = 0.93 − 3 × 0.025 = 0.855 → E = 342 W; rep 2: f = 0.93 → E = 372 W
  const mp5 = (ratio: number): number => 342 * ratio;
  it('a low heart rate does not turn an on-target sprint into anything else', () => {
    expect(judgeSprint(metrics({ peakHeartRate: 120 }), ctx({ rep: 5, hr })).kind).toBe('all-out');
  });
  it('a high heart rate does not rescue a held-back sprint', () => {
    expect(judgeSprint(metrics({ meanPowerW: mp5(0.8), endSpurt: 1.09, peakHeartRate: 185 }), ctx({ rep: 5, hr })).kind).toBe('held-back');
  });
  it('high or absent heart rate give the same fatigued verdict', () => {
    const m = metrics({ meanPowerW: mp5(0.86) });
    expect(judgeSprint({ ...m, peakHeartRate: 180 }, ctx({ rep: 5, hr })).kind).toBe('fatigued-all-out');
    expect(judgeSprint(m, ctx({ rep: 5, hr })).kind).toBe('fatigued-all-out');
    const m2 = metrics({ meanPowerW: 372 * 0.86, peakHeartRate: 120 });
    expect(judgeSprint(m2, ctx({ rep: 2, hr })).kind).toBe('fatigued-all-out'); // reps 1–2 are not judged on HR
  });
  it('a high heart rate is named as support for "fatigued, still all-out"', () => {
    const v = judgeSprint(metrics({ meanPowerW: mp5(0.86), peakHeartRate: 180 }), ctx({ rep: 5, hr }));
    const reason = v.reasons.find((r) => r.code === 'HR')!;
    expect(reason.pass).toBe(true);
    expect(reason.message).toContain('180 bpm (95 % of your max)'); // 180 / 190
    expect(v.reasons.length).toBe(3); // OUTPUT + two
  });
  it('a low heart rate alone never makes a sprint "held back"', () => {
    const v = judgeSprint(metrics({ meanPowerW: mp5(0.8), peakHeartRate: 130 }), ctx({ rep: 5, hr }));
    expect(v.kind).toBe('below');
    expect(v.allOut).toBeNull();
  });
});

describe('without a reference: shape-only provisional verdicts', () => {
  const noRef = (m: Parameters<typeof metrics>[0]) => judgeSprint(metrics(m), { rep: 1, plannedWorkS: 30 });
  it('looks all-out with ≤ 1 flag and no end spurt or late peak', () => {
    const v = noRef({ strokeRate: 28 });
    expect([v.kind, v.allOut, v.provisional]).toEqual(['all-out', true, true]);
    expect(v.reasons.some((r) => r.code === 'OUTPUT')).toBe(false);
    expect(v.message).toContain('(provisional)');
  });
  it('probably held back with ≥ 2 flags including end spurt or late peak', () => {
    const v = noRef({ endSpurt: 1.1, timeToPeakS: 27, peakInSecondHalf: true });
    expect([v.kind, v.allOut, v.provisional]).toEqual(['held-back', false, true]);
  });
  it('unclear otherwise', () => {
    const v = noRef({ endSpurt: 1.1 });
    expect([v.kind, v.allOut]).toEqual(['inconclusive', null]);
  });
});

describe('score', () => {
  it('is 75 × level + 25 × shape', () => {
    expect(judgeSprint(metrics(), ctx()).score).toBe(100);
    // O = 0.80 → level (0.80 − 0.70)/0.30 = 1/3 → 25; two flags → shape 1 − 0.8 = 0.2 → 5
    expect(judgeSprint(metrics({ meanPowerW: mp(0.8), endSpurt: 1.09, timeToPeakS: 20, peakInSecondHalf: true }), ctx()).score).toBe(30);
    expect(judgeSprint(metrics({ coverage: 0.5 }), ctx()).score).toBe(50);
  });
});
