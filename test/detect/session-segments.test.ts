/**
 * The end-of-session smoother's rules as a table of hand-built sessions: strokes at a given power
 * and rate, rests sat out (no strokes) or rowed, stops, frozen consoles, lost notifications. Each
 * row names the case from issue 9's list and the work intervals a coach would mark (seconds, first
 * hard stroke → last hard stroke, within 4 s).
 */
import { describe, expect, it } from 'vitest';
import { finalSegments } from '../../src/detect/session-segments.js';
import type { StrokeEvent } from '../../src/detect/types.js';

interface Part {
  /** s */
  dur: number;
  /** W; 'frozen' repeats the last stroke's power (a console holding its field) */
  p?: number | 'frozen';
  /** spm */
  r?: number;
  /** a stop: no strokes for dur s */
  stop?: true;
  /** notifications lost for dur s while rowing on: strokes revealed late */
  lost?: true;
}

/** Strokes of a session built from parts (deterministic ±3 % power wobble). */
function session(parts: readonly Part[]): StrokeEvent[] {
  const out: StrokeEvent[] = [];
  let t = 5000;
  let last = 0;
  let k = 0;
  /** time of the last stroke seen before notifications were lost, ms */
  let lostFrom: number | undefined;
  for (const part of parts) {
    const end = t + part.dur * 1000;
    if (part.stop) {
      t = end;
      continue;
    }
    const rate = part.r ?? 24;
    const period = 60_000 / rate;
    while (t + period <= end + 1) {
      t += period;
      const wobble = 1 + 0.03 * Math.sin(k++ * 1.7);
      const p = part.p === 'frozen' ? last : Math.round((part.p ?? 150) * wobble);
      last = p;
      if (part.lost) {
        lostFrom ??= t - period;
        continue;
      }
      const ev: StrokeEvent = { t, catchT: t - period, periodMs: period, powerW: p, strokeRate: rate, rateTrusted: true };
      if (lostFrom !== undefined) {
        ev.seenT = lostFrom + 1000;
        lostFrom = undefined;
      }
      out.push(ev);
    }
    t = end;
  }
  return out;
}

const reps = (n: number, work: Part, rest: Part): Part[] => Array.from({ length: n }, (_, i) => (i < n - 1 ? [work, rest] : [work])).flat();
const works = (parts: readonly Part[]): Array<[number, number]> =>
  finalSegments(session(parts))
    .filter((s) => s.kind === 'work')
    .map((s) => [Math.round(s.start / 1000), Math.round(s.end / 1000)]);
/** expected work intervals: [start, end] s of each piece, from the parts' layout (5 s offset) */
function layout(parts: readonly Part[], isWork: (p: Part, i: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let t = 5;
  parts.forEach((p, i) => {
    if (isWork(p, i)) out.push([t, t + p.dur]);
    t += p.dur;
  });
  return out;
}

const cases: Array<{ name: string; parts: Part[]; work: (p: Part, i: number) => boolean }> = [
  {
    name: '4 × 10:00 at one power, rests sat out (no strokes): four pieces',
    parts: reps(4, { dur: 600, p: 250, r: 26 }, { dur: 240, stop: true }),
    work: (p) => !p.stop,
  },
  {
    name: '10 × 100 s / 20 s sat out: short rests between pieces still split them',
    parts: reps(10, { dur: 100, p: 280, r: 30 }, { dur: 20, stop: true }),
    work: (p) => !p.stop,
  },
  {
    name: '10 × 100 s / 20 s with the rests paddled lightly',
    parts: reps(10, { dur: 100, p: 280, r: 30 }, { dur: 20, p: 70, r: 16 }),
    work: (p) => p.p === 280,
  },
  {
    name: 'warm-up, then 8 × 30 s / 90 s rested at higher power than the warm-up',
    parts: [{ dur: 600, p: 110, r: 20 }, ...reps(8, { dur: 30, p: 450, r: 38 }, { dur: 90, p: 140, r: 20 }), { dur: 600, p: 100, r: 18 }],
    work: (p) => p.p === 450,
  },
  {
    name: 'straight into rep 1 (no warm-up): 6 × 1:00 / 1:00 rowed easy',
    parts: reps(6, { dur: 60, p: 380, r: 34 }, { dur: 60, p: 90, r: 18 }),
    work: (p) => p.p === 380,
  },
  {
    name: '6 × 1:00 / 1:00 sat out after a 5-min warm-up and a stop',
    parts: [{ dur: 300, p: 120, r: 20 }, { dur: 60, stop: true }, ...reps(6, { dur: 60, p: 380, r: 34 }, { dur: 60, stop: true })],
    work: (p, i) => i > 1 && !p.stop,
  },
  {
    name: 'a step test (6 × 3:00, +20 W a step, 30 s sat out): the first step is a step, not a warm-up',
    parts: reps(6, { dur: 180, p: 0, r: 22 }, { dur: 30, stop: true }).map((p, i) => (p.stop ? p : { ...p, p: 100 + 10 * i })),
    work: (p) => !p.stop,
  },
  {
    name: 'a step test with paddled rests (7 × 4:00, 120 → 270 W, 30 s at 50 W): every step',
    parts: reps(7, { dur: 240, p: 0, r: 22 }, { dur: 30, p: 50, r: 16 }).map((p, i) => (p.p === 50 ? p : { ...p, p: 120 + 12.5 * i })),
    work: (p) => p.p !== 50,
  },
  {
    name: 'rests with a frozen console: after the stop its power repeats the last work stroke',
    parts: reps(3, { dur: 1200, p: 195, r: 23 }, { dur: 80, stop: true }).flatMap((p, i, all) => (p.stop && i < all.length - 1 ? [p, { dur: 40, p: 'frozen', r: 18 } as Part] : [p])),
    work: (p) => p.p === 195,
  },
  {
    name: 'lost notifications inside a piece are not a stop',
    parts: [{ dur: 400, p: 200, r: 24 }, { dur: 30, p: 200, r: 24, lost: true }, { dur: 400, p: 200, r: 24 }],
    work: () => false,
  },
  {
    name: 'a 10-s stop inside a 20-min piece (17 s between strokes) is no rest',
    parts: [{ dur: 700, p: 190, r: 22 }, { dur: 10, stop: true }, { dur: 500, p: 190, r: 22 }],
    work: () => false,
  },
  {
    name: 'one 70-s stop 5 min into a 30-min row: one piece',
    parts: [{ dur: 290, p: 140, r: 20 }, { dur: 70, stop: true }, { dur: 1500, p: 165, r: 21 }],
    work: () => false,
  },
  {
    name: 'a rate ladder (18 → 28 spm, power 120 → 250 W with it): one piece',
    parts: [18, 20, 22, 24, 26, 28].map((r, i) => ({ dur: 240, p: 120 + 26 * i, r })),
    work: () => false,
  },
  {
    name: 'a warm-up, a stop, then a 20-min test: the test alone',
    parts: [{ dur: 600, p: 170, r: 22 }, { dur: 60, stop: true }, { dur: 1200, p: 240, r: 28 }],
    work: (_, i) => i === 2,
  },
  {
    name: '2 × 2k, the second 18 % stronger: both pieces',
    parts: [{ dur: 450, p: 330, r: 30 }, { dur: 300, stop: true }, { dur: 425, p: 390, r: 32 }],
    work: (p) => !p.stop,
  },
  {
    name: 'a warm-up rowed straight into a 20-min test: the test alone',
    parts: [{ dur: 480, p: 140, r: 20 }, { dur: 1200, p: 240, r: 28 }],
    work: (_, i) => i === 1,
  },
];

/** Expected pieces of the cases whose rule is "one piece over all the rowing". */
const whole = (parts: readonly Part[]): Array<[number, number]> => {
  const total = parts.reduce((a, p) => a + p.dur, 0);
  return [[5, 5 + total]];
};

describe('end-of-session smoother', () => {
  for (const c of cases) {
    it(c.name, () => {
      const expected = c.parts.some((p, i) => c.work(p, i)) ? layout(c.parts, c.work) : whole(c.parts);
      const found = works(c.parts);
      expect(found.length, JSON.stringify(found)).toBe(expected.length);
      found.forEach(([s, e], i) => {
        expect(Math.abs(s - expected[i]![0]), `piece ${i + 1} start ${s} vs ${expected[i]![0]}`).toBeLessThanOrEqual(4);
        expect(Math.abs(e - expected[i]![1]), `piece ${i + 1} end ${e} vs ${expected[i]![1]}`).toBeLessThanOrEqual(4);
      });
    });
  }

  it('is deterministic: the same strokes give the same segments', () => {
    const strokes = session(cases[2]!.parts);
    expect(finalSegments(strokes)).toEqual(finalSegments(strokes.map((s) => ({ ...s }))));
  });

  it('a plan lowers the surge limit: 10-s pieces count only with minWorkMs 5 s', () => {
    const strokes = session(reps(6, { dur: 10, p: 500, r: 44 }, { dur: 50, p: 90, r: 18 }));
    expect(finalSegments(strokes).filter((s) => s.kind === 'work')).toHaveLength(0);
    expect(finalSegments(strokes, { minWorkMs: 5000 }).filter((s) => s.kind === 'work')).toHaveLength(6);
  });
});
