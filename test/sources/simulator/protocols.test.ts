/**
 * The steady rate ladder and the continuous test piece (2k): their shape is in the emitted bytes
 * (decoded with the project's FTMS decoder), and their labels follow fixtures/README.md.
 */
import { describe, expect, it } from 'vitest';
import { defaultAthlete } from '../../../src/sources/simulator/athlete.js';
import { resolveSimulateOptions, SimulateOptionsError } from '../../../src/sources/simulator/simulate-options.js';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import { longRepFactor, longRepRateDropSpm } from '../../../src/sources/simulator/sprint-styles.js';
import { type Decoded, meanPowerW, reportedStrokes, rowerData, strokesIn } from './decode-helpers.js';

const LEAD_IN_S = 3; // rowing starts 3 s into the recording (fixtures/README.md)
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
/** the last decoded record at or before `tS` (recording s) that carries a distance */
const distanceAt = (d: readonly Decoded[], tS: number): number => {
  const before = d.filter((x) => x.t <= tS * 1000 && x.data.distanceM !== undefined);
  return before[before.length - 1]?.data.distanceM ?? 0;
};

describe('rate ladder (--ladder MIN)', () => {
  const minutes = 12;
  const s = simulateSession({ seed: 4, ladderMin: minutes, profile: 'per-stroke' });
  const strokes = reportedStrokes(rowerData(s.items));
  const stepS = (minutes * 60) / 6;
  // each step's strokes, leaving out 15 s at each end for the change of rate
  const steps = [0, 1, 2, 3, 4, 5].map((k) => strokesIn(strokes, LEAD_IN_S + k * stepS + 15, LEAD_IN_S + (k + 1) * stepS - 15));

  it('steps the decoded stroke rate 18 → 20 → 22 → 24 → 26 → 28 spm, one step per sixth of the session', () => {
    steps.forEach((step, k) => {
      expect(step.length).toBeGreaterThan(20);
      expect(Math.abs(median(step.map((x) => x.rateSpm)) - (18 + 2 * k))).toBeLessThanOrEqual(1);
    });
  });

  it('raises power modestly with the rate: every step above the one before, the top step < 1.5 × the bottom', () => {
    const powers = steps.map((step) => meanPowerW(step));
    for (let k = 1; k < powers.length; k++) expect(powers[k]!).toBeGreaterThan(powers[k - 1]!);
    expect(powers[5]! / powers[0]!).toBeGreaterThan(1.1);
    expect(powers[5]! / powers[0]!).toBeLessThan(1.5);
    // steady work, nowhere near a sprint (1.62 × P2k)
    expect(Math.max(...strokes.map((x) => x.powerW))).toBeLessThan(1.0 * defaultAthlete.p2kW);
  });

  it('has no intervals in its labels', () => {
    expect(s.labels.intervals).toEqual([]);
  });
});

describe('test piece (--piece 2000)', () => {
  const s = simulateSession({ seed: 8, pieceM: 2000, profile: 'ideal' });
  const d = rowerData(s.items);
  const strokes = reportedStrokes(d);
  const work = s.labels.intervals.filter((i) => i.kind === 'work');

  it('is labelled as ONE all-out work interval between a warm-up and a cool-down, with no rests', () => {
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({ kind: 'work', rep: 1, allOut: true, style: 'all-out' });
    expect(s.labels.intervals.map((i) => i.kind)).toEqual(['warmup', 'work', 'cooldown']);
  });

  const piece = work[0]!;

  it('covers about 2000 m on the console distance, in about the athlete\'s 2k time (7:05)', () => {
    const metres = distanceAt(d, piece.end + 0.1) - distanceAt(d, piece.start);
    expect(metres).toBeGreaterThan(1950);
    expect(metres).toBeLessThan(2060);
    expect(Math.abs(piece.end - piece.start - 425)).toBeLessThan(0.05 * 425);
    // its mean power is the athlete's 2k power (P2k ≈ 292 W) within 5 %
    expect(Math.abs(meanPowerW(strokesIn(strokes, piece.start, piece.end)) / defaultAthlete.p2kW - 1)).toBeLessThan(0.05);
  });

  it('has a fast start, a fading middle and a sprint finish', () => {
    const len = piece.end - piece.start;
    const start = strokesIn(strokes, piece.start + 5, piece.start + 25); // power: after the flywheel lag
    const startRate = strokesIn(strokes, piece.start, piece.start + 20); // rate: no lag
    const early = strokesIn(strokes, piece.start + 0.25 * len, piece.start + 0.35 * len);
    const late = strokesIn(strokes, piece.start + 0.7 * len, piece.start + 0.8 * len);
    const finish = strokesIn(strokes, piece.end - 20, piece.end);
    expect(meanPowerW(start)).toBeGreaterThan(1.1 * meanPowerW(early));
    expect(meanPowerW(late)).toBeLessThan(meanPowerW(early));
    expect(meanPowerW(finish)).toBeGreaterThan(1.1 * meanPowerW(late));
    expect(median(startRate.map((x) => x.rateSpm))).toBeGreaterThan(median(early.map((x) => x.rateSpm)) + 4);
    expect(median(finish.map((x) => x.rateSpm))).toBeGreaterThan(median(late.map((x) => x.rateSpm)) + 3);
  });
});

describe('protocol options', () => {
  it('refuses two protocols at once and pieces under 100 m', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (err) {
        return err instanceof SimulateOptionsError ? err.code : 'other';
      }
      return undefined;
    };
    expect(code(() => resolveSimulateOptions({ steadyMin: 20, ladderMin: 20 }))).toBe('BAD_PROTOCOL');
    expect(code(() => resolveSimulateOptions({ ladderMin: 20, pieceM: 2000 }))).toBe('BAD_PROTOCOL');
    expect(code(() => resolveSimulateOptions({ pieceM: 50 }))).toBe('BAD_NUMBER');
    expect(resolveSimulateOptions({ pieceM: 2000 }).reps).toBe(1);
  });

  it('long all-out reps follow the power–duration curve: 1 up to 30 s, 1/sprintRatio at the 2k time', () => {
    const a = { ...defaultAthlete };
    const t2kS = 2000 * Math.cbrt(2.8 / a.p2kW);
    expect(longRepFactor(a, 20)).toBe(1);
    expect(longRepFactor(a, 30)).toBe(1);
    expect(longRepFactor(a, t2kS)).toBeCloseTo(1 / a.sprintRatio, 6);
    expect(longRepFactor(a, 100)).toBeLessThan(1);
    expect(longRepFactor(a, 100)).toBeGreaterThan(longRepFactor(a, 240));
    // and are rated lower: not at all up to 30 s, 7 spm lower (race rate) at the 2k time
    expect(longRepRateDropSpm(a, 30)).toBe(0);
    expect(longRepRateDropSpm(a, t2kS)).toBeCloseTo(7, 6);
    expect(longRepRateDropSpm(a, 240)).toBeGreaterThan(longRepRateDropSpm(a, 100));
  });
});
