/**
 * Marble specs of the time-dependent operators: the stroke operator's idle timeout, the
 * segmenter's dwell, merge gap and provisional → final events, the summariser's wait for the
 * heart-rate window; plus completion, errors and unsubscription. Virtual time = data time (ms).
 */
import { filter, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/analysis/types.js';
import type { Sample } from '../../src/ftms/sample.js';
import type { PipeItem, StrokeEvent } from '../../src/pipeline/pipe-item.js';
import { segment } from '../../src/pipeline/segment.js';
import { strokes } from '../../src/pipeline/strokes.js';
import { summarise } from '../../src/pipeline/summarise.js';
import { timed } from './marbles.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const sample = (t: number, fields: Partial<Sample>): PipeItem => ({ type: 'sample', sample: { t, rower: 'r1', ...fields } });
const stroke = (t: number, powerW: number, strokeRate: number): PipeItem => {
  const periodMs = 60000 / strokeRate;
  const s: StrokeEvent = { t, catchT: t - periodMs, periodMs, powerW, strokeRate, rateTrusted: true };
  return { type: 'stroke', stroke: s };
};

/** Strokes at `rate` spm and `powerW` from t0 (first report) to before t1, ms. */
function run(t0: number, t1: number, powerW: number, rate: number): Array<[number, PipeItem]> {
  const out: Array<[number, PipeItem]> = [];
  for (let t = t0; t < t1; t += 60000 / rate) out.push([Math.round(t), stroke(Math.round(t), powerW, rate)]);
  return out;
}

const only =
  (...types: PipeItem['type'][]) =>
  (src: Observable<PipeItem>): Observable<PipeItem> =>
    src.pipe(filter((x) => types.includes(x.type)));

describe('strokes()', () => {
  it('emits a stroke per count increment and idle once the count is frozen for 4 s (samples keep coming)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const input: Array<[number, PipeItem]> = [];
      for (let i = 0; i <= 12; i++) input.push([i * 1000, sample(i * 1000, { powerW: 150, strokeRate: 24, strokeCount: Math.min(i, 5) })]);
      const src = timed(input, 12_500);
      // strokes at 1..5 s (count 1..5); count frozen from 5 s; idle decided at the 9 s sample
      const out = timed<unknown>([...[1, 2, 3, 4, 5].map((i): [number, string] => [i * 1000, 'stroke']), [9000, 'idle']], 12_500);
      const result = cold(src.marbles, src.values).pipe(strokes(), only('stroke', 'idle'));
      expectObservable(result).toBe(out.marbles, Object.fromEntries(Object.entries(out.values).map(([k, v]) => [k, expect.objectContaining({ type: v })])));
    });
  });

  it('decides idleness from heartbeat ticks when samples stop', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const src = timed<PipeItem>(
        [
          [0, sample(0, { strokeCount: 0, powerW: 100, strokeRate: 20 })],
          [3000, sample(3000, { strokeCount: 1, powerW: 100, strokeRate: 20 })],
          [5000, { type: 'tick', t: 5000 }],
          [7000, { type: 'tick', t: 7000 }],
          [8000, { type: 'tick', t: 8000 }],
        ],
        9000,
      );
      const out = timed<PipeItem>([[7000, { type: 'idle', t: 7000, since: 3000 }]], 9000);
      expectObservable(cold(src.marbles, src.values).pipe(strokes(), only('idle'))).toBe(out.marbles, out.values);
    });
  });

  it('passes errors through and unsubscribes from the source', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<PipeItem>('a 999ms #', { a: sample(0, { strokeCount: 0 }) }, new Error('boom'));
      expectObservable(src.pipe(strokes())).toBe('a 999ms #', { a: sample(0, { strokeCount: 0 }) }, new Error('boom'));
      expectSubscriptions(src.subscriptions).toBe('^ 999ms !');
    });
  });
});

/** 60 s of easy rowing (past the 20-s bootstrap), then whatever follows. */
const easy = run(1000, 60_000, 120, 20);

describe('segment()', () => {
  it('dwell: a marginal effort opens on its 2nd qualifying stroke, backdated to the 1st catch', () => {
    scheduler().run(({ cold, expectObservable }) => {
      // 1.6 × rest power, rate +3 spm: qualifies (s_P ≥ 0.6, s_R ≥ 0.3) but is not unmistakable
      const effort = run(60_000, 66_000, 192, 23);
      const src = timed([...easy, ...effort]);
      const firstCatch = 60_000 - 60000 / 23;
      const second = effort[1]![0];
      const out = timed<PipeItem>([[second, { type: 'phase', phase: { rower: 'r1', kind: 'work', start: firstCatch, provisional: true } }]]);
      expectObservable(cold(src.marbles, src.values).pipe(segment('r1'), only('phase'))).toBe(out.marbles, out.values);
    });
  });

  it('provisional start at once for an unmistakable stroke, provisional end on the cadence break, final after the merge gap', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const sprint = run(60_000, 90_000, 400, 40);
      const lastHard = sprint[sprint.length - 1]![0];
      const after = run(lastHard + 3000, 120_000, 130, 20);
      const src = timed([...easy, ...sprint, ...after], 121_000);
      const start = 60_000 - 1500;
      // the first easy stroke (3 s after the last hard one) breaks the 1.6 × 1.5 s cadence: the
      // tick of that very stroke closes the effort; the final comes once end + 4 s + 2.5 s has passed
      const settleAt = after.find(([t]) => t >= lastHard + 6500)![0];
      const out = timed<PipeItem>(
        [
          [60_000, { type: 'phase', phase: { rower: 'r1', kind: 'work', start, provisional: true } }],
          [lastHard + 3000, { type: 'phase', phase: { rower: 'r1', kind: 'rest', start: lastHard, provisional: true } }],
          [settleAt, { type: 'segment', segment: { kind: 'work', start, end: lastHard } }],
        ],
        121_000,
      );
      expectObservable(cold(src.marbles, src.values).pipe(segment('r1'), only('phase', 'segment'))).toBe(out.marbles, out.values);
    });
  });

  it('merge gap: a 3-s stumble inside a sprint does not split it', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const a = run(60_000, 75_000, 400, 40);
      const stumble = a[a.length - 1]![0] + 3000;
      const b = run(stumble, 92_000, 400, 40);
      const after = run(b[b.length - 1]![0] + 3000, 130_000, 130, 20);
      const src = timed([...easy, ...a, ...b, ...after], 131_000);
      const result = cold(src.marbles, src.values).pipe(segment('r1'), only('segment'));
      const out = timed<PipeItem>([[after.find(([t]) => t >= b[b.length - 1]![0] + 6500)![0], { type: 'segment', segment: { kind: 'work', start: 58_500, end: b[b.length - 1]![0] } }]], 131_000);
      expectObservable(result).toBe(out.marbles, out.values);
    });
  });

  it('an effort under 15 s is a surge; a gap over 4 s keeps two efforts apart', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const a = run(60_000, 70_000, 400, 40);
      const gapEnd = a[a.length - 1]![0] + 10_000;
      const rest = run(a[a.length - 1]![0] + 3000, gapEnd, 120, 20);
      const b = run(gapEnd, gapEnd + 20_000, 400, 40);
      const after = run(b[b.length - 1]![0] + 3000, gapEnd + 60_000, 120, 20);
      const src = timed([...easy, ...a, ...rest, ...b, ...after], gapEnd + 61_000);
      const result = cold(src.marbles, src.values).pipe(segment('r1'), only('segment'));
      const endA = a[a.length - 1]![0];
      const endB = b[b.length - 1]![0];
      const settleA = [...rest, ...b].find(([t]) => t >= endA + 6500)![0];
      const settleB = after.find(([t]) => t >= endB + 6500)![0];
      const out = timed<PipeItem>(
        [
          [settleA, { type: 'segment', segment: { kind: 'surge', start: 58_500, end: endA } }],
          [settleB, { type: 'segment', segment: { kind: 'work', start: gapEnd - 1500, end: endB } }],
        ],
        gapEnd + 61_000,
      );
      expectObservable(result).toBe(out.marbles, out.values);
    });
  });

  it('completion closes and settles an open effort at its last hard stroke', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const sprint = run(60_000, 80_000, 400, 40);
      const last = sprint[sprint.length - 1]![0];
      const src = timed([...easy, ...sprint], last + 100);
      const seg: PipeItem = { type: 'segment', segment: { kind: 'work', start: 58_500, end: last } };
      expectObservable(cold(src.marbles, src.values).pipe(segment('r1'), only('segment'))).toBe(`${last + 100}ms (a|)`, { a: seg });
    });
  });
});

describe('segment() teardown', () => {
  it('an error ends the stream without settling anything; unsubscribing releases the source', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<PipeItem>('a b #', { a: stroke(1000, 100, 20), b: stroke(4000, 100, 20) }, new Error('lost'));
      expectObservable(src.pipe(segment('r1'), only('phase', 'segment'))).toBe('- - #', {}, new Error('lost'));
      const src2 = cold<PipeItem>('a b c', { a: stroke(1000, 100, 20), b: stroke(4000, 100, 20), c: stroke(7000, 100, 20) });
      expectObservable(src2.pipe(segment('r1')), '^ - !').toBe('a b', { a: stroke(1000, 100, 20), b: stroke(4000, 100, 20) });
      expectSubscriptions(src2.subscriptions).toBe('^ - !');
    });
  });
});

describe('summarise()', () => {
  it('emits a work interval as soon as its bounds arrive, and again once data time passes end + 30 s with the HR peak of that window', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const bounds: Interval = { rower: 'r1', index: 1, kind: 'work', start: 10_000, end: 40_000, stats: { durationS: 30 } };
      const input: Array<[number, PipeItem]> = [];
      // heart rate climbs after the sprint: 150 bpm at its end, 175 bpm 25 s later
      for (let t = 0; t <= 75_000; t += 5000) input.push([t, sample(t, { powerW: t >= 10_000 && t < 40_000 ? 400 : 100, heartRate: t <= 40_000 ? 150 : t <= 70_000 ? 175 : 190 })]);
      input.splice(9, 0, [45_000, { type: 'bounds', interval: bounds }]);
      input.sort((x, y) => x[0] - y[0]);
      const src = timed(input);
      const result = cold(src.marbles, src.values).pipe(summarise(), only('interval'));
      // at once (45 s) with the HR peak up to the end; released again by the first sample after 70 s
      // with the peak up to end + 30 s (175 bpm; the 190 at 75 s is outside the window)
      const out = timed<PipeItem>([
        [45_000, { type: 'interval', interval: { ...bounds, stats: expect.objectContaining({ durationS: 30, avgPowerW: 400, peakHeartRate: 150 }) as Interval['stats'] } }],
        [75_000, { type: 'interval', interval: { ...bounds, stats: expect.objectContaining({ durationS: 30, avgPowerW: 400, peakHeartRate: 175 }) as Interval['stats'] } }],
      ]);
      expectObservable(result).toBe(out.marbles, out.values);
    });
  });
});
