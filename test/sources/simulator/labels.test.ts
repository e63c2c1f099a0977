/** Labels are the ground truth the analysis is judged on: check them against the emitted frames. */
import { describe, expect, it } from 'vitest';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import { reportedStrokes, rowerData } from './decode-helpers.js';

describe('labels', () => {
  const s = simulateSession({ seed: 3, profile: 'per-stroke', held: [2], rateOnly: [5], reps: 6 });
  const strokes = reportedStrokes(rowerData(s.items));
  const work = s.labels.intervals.filter((i) => i.kind === 'work');

  it('cover the session in order without overlap: warm-up, work/rest alternating, cool-down', () => {
    const kinds = s.labels.intervals.map((i) => i.kind);
    expect(kinds).toEqual(['warmup', 'work', 'rest', 'work', 'rest', 'work', 'rest', 'work', 'rest', 'work', 'rest', 'work', 'cooldown']);
    s.labels.intervals.forEach((iv, i) => {
      expect(iv.end).toBeGreaterThan(iv.start);
      const next = s.labels.intervals[i + 1];
      if (next) expect(next.start).toBe(iv.end);
    });
  });

  it('mark the planned styles and which reps are all-out', () => {
    expect(work.map((w) => w.style)).toEqual(['all-out', 'held', 'all-out', 'all-out', 'rate-only', 'all-out']);
    expect(work.map((w) => w.allOut)).toEqual([true, false, true, true, false, true]);
  });

  it('start at the catch of the first sprint stroke and end with the last (stroke timing from the frames)', () => {
    for (const w of work) {
      expect(w.end - w.start).toBeGreaterThan(29);
      expect(w.end - w.start).toBeLessThan(32.5);
      // the first stroke reported after the start is a sprint stroke (rate well up), and it
      // began at the start: its report time − its period ≈ start
      const first = strokes.find((x) => x.tS > w.start + 0.1)!;
      expect(first.rateSpm).toBeGreaterThan(28);
      expect(Math.abs(first.tS - 60 / first.rateSpm - w.start)).toBeLessThan(0.1);
      // the stroke reported at the end is still a sprint stroke, the next one is easy
      const lastIdx = strokes.findIndex((x) => x.tS > w.end + 0.1) - 1;
      expect(Math.abs(strokes[lastIdx]!.tS - w.end)).toBeLessThan(0.1);
      expect(strokes[lastIdx]!.rateSpm).toBeGreaterThan(28);
      expect(strokes[lastIdx + 1]!.rateSpm).toBeLessThan(25);
      // the stroke before the start is easy
      const before = [...strokes].reverse().find((x) => x.tS <= w.start + 0.1)!;
      expect(before.rateSpm).toBeLessThan(25);
    }
  });

  it('follow the plan: sprints start within a stroke of every 120 s after the warm-up', () => {
    work.forEach((w, i) => {
      const planned = 3 + 360 + i * 120; // lead-in + warm-up + (work + rest) × i
      expect(w.start - planned).toBeGreaterThanOrEqual(-1);
      expect(w.start - planned).toBeLessThan(4);
    });
  });

  it('carry the rower id when a recording holds several rowers', () => {
    const two = simulateSession({ seed: 3, rowers: 2, reps: 3, warmupS: 120, cooldownS: 60 });
    expect(two.header.rowers.map((r) => r.id)).toEqual(['sim-1', 'sim-2']);
    for (const id of ['sim-1', 'sim-2']) {
      expect(two.labels.intervals.filter((i) => i.rower === id && i.kind === 'work')).toHaveLength(3);
    }
    expect(two.labels.intervals.every((i) => i.rower !== undefined)).toBe(true);
    expect(s.labels.intervals.every((i) => i.rower === undefined)).toBe(true);
  });

  it('are empty for a steady row, and start with work when there is no warm-up', () => {
    expect(simulateSession({ steadyMin: 5 }).labels.intervals).toEqual([]);
    const cold = simulateSession({ warmupS: 0, reps: 2, cooldownS: 0 }).labels.intervals;
    expect(cold.map((i) => i.kind)).toEqual(['work', 'rest', 'work']);
    expect(cold[0]!.start).toBeCloseTo(3, 3); // the first stroke of the session is the first sprint stroke
  });
});
