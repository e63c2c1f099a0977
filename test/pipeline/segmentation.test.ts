/**
 * Segmentation on hand-built sessions: intervals found for weak and strong athletes on 1 Hz and
 * per-stroke data, and no work/rest alternation in a steady row, a rate ladder or a fading 2k.
 * Expected boundaries come from the phase table that generated the data.
 */
import { describe, expect, it } from 'vitest';
import { hiit, syntheticSamples, workBounds, type Phase } from './synthetic.js';
import { workOf } from './pipe-helpers.js';

const cadences = ['1hz', 'stroke'] as const;

describe('segmentation finds the intervals whatever the athlete', () => {
  for (const cadence of cadences) {
    for (const [who, restW, workW] of [
      ['150 W athlete', 60, 150],
      ['700 W athlete', 180, 700],
    ] as const) {
      it(`${who}, ${cadence} data`, async () => {
        const phases = hiit({ restW, workW });
        const opts = { cadence, seed: 3 };
        const truth = workBounds(phases, (p) => p.rate === 38, opts);
        const found = await workOf(syntheticSamples(phases, opts));
        expect(found).toHaveLength(truth.length);
        found.forEach((seg, i) => {
          const [start, end] = truth[i]!;
          expect(Math.abs(seg.start - start)).toBeLessThan(2000);
          expect(Math.abs(seg.end - end)).toBeLessThan(3000);
        });
      });
    }
  }

  it('no warm-up: a session that starts with sprint 1', async () => {
    const phases = hiit({ restW: 100, workW: 400, warmupS: 0 });
    const opts = { cadence: '1hz', seed: 5 } as const;
    const truth = workBounds(phases, (p) => p.rate === 38, opts);
    const found = await workOf(syntheticSamples(phases, opts));
    expect(found).toHaveLength(truth.length);
    expect(Math.abs(found[0]!.start - truth[0]![0])).toBeLessThan(3000);
  });

  it('100 s / 20 s and 4-min intervals', async () => {
    for (const [workS, restS] of [
      [100, 20],
      [240, 120],
    ] as const) {
      const phases = hiit({ restW: 110, workW: 330, workRate: 30, workS, restS, reps: 4 });
      const opts = { cadence: '1hz', seed: 7 } as const;
      const truth = workBounds(phases, (p) => p.rate === 30, opts);
      const found = await workOf(syntheticSamples(phases, opts));
      expect(found).toHaveLength(truth.length);
      found.forEach((seg, i) => expect(Math.abs(seg.end - seg.start - (truth[i]![1] - truth[i]![0]))).toBeLessThan(4000));
    }
  });

  it('warm-up pick-ups under 15 s are surges, not intervals', async () => {
    const phases: Phase[] = [
      { durS: 120, powerW: 110, rate: 20 },
      { durS: 8, powerW: 300, rate: 34 },
      { durS: 90, powerW: 110, rate: 20 },
      { durS: 8, powerW: 300, rate: 34 },
      { durS: 120, powerW: 110, rate: 20 },
    ];
    expect(await workOf(syntheticSamples(phases, { cadence: '1hz', seed: 9 }))).toEqual([]);
  });
});

describe('lost notifications on a 1 Hz device', () => {
  it('a 4-min effort with pairs of lost samples stays one interval', async () => {
    // 34 spm: a stroke every ~1.76 s, so two lost samples leave a 3-s hole between stroke-count
    // changes (> 1.6 × the period) although the athlete never stopped
    const phases: Phase[] = [
      { durS: 300, powerW: 110, rate: 20 },
      { durS: 240, powerW: 300, rate: 34 },
      { durS: 300, powerW: 110, rate: 20 },
    ];
    const opts = { cadence: '1hz', seed: 21 } as const;
    const all = syntheticSamples(phases, opts);
    // every 10 s of the effort, lose the 2 samples just before a count change, then the 2 at one:
    // the count next seen jumps by 1 after a 3-s hole, or by 2
    const lost = new Set<number>();
    for (let k = 0; k < 23; k++) {
      const from = all.findIndex((x) => x.t >= 305_000 + k * 10_000);
      let j = from + 1;
      while (all[j]!.strokeCount === all[j - 1]!.strokeCount) j++;
      const at = k % 2 === 0 ? j - 1 : j;
      lost.add(at).add(at + 1);
    }
    const kept = all.filter((_, i) => !lost.has(i));
    const steps = kept.slice(1).map((x, i) => x.strokeCount! - kept[i]!.strokeCount!);
    expect(steps.filter((d) => d === 2).length).toBeGreaterThan(0);
    const [truth] = workBounds(phases, (p) => p.rate === 34, opts);
    const found = await workOf(kept);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0]!.start - truth![0])).toBeLessThan(3000);
    expect(Math.abs(found[0]!.end - truth![1])).toBeLessThan(3000);
  });
});

describe('no work/rest alternation without real intervals', () => {
  for (const cadence of cadences) {
    it(`steady 20-min row (${cadence})`, async () => {
      const phases: Phase[] = [{ durS: 1200, powerW: 180, rate: 22 }];
      expect(await workOf(syntheticSamples(phases, { cadence, seed: 11 }))).toEqual([]);
    });

    it(`rate ladder 18 → 30 spm in 2-spm steps of 2 min (${cadence})`, async () => {
      const phases: Phase[] = [18, 20, 22, 24, 26, 28, 30].map((rate) => ({ durS: 120, rate, powerW: 160 * (rate / 22) ** 2 }));
      expect(await workOf(syntheticSamples(phases, { cadence, seed: 12 }))).toEqual([]);
    });
  }

  it('a 2k test with a fading middle stays one piece', async () => {
    const phases: Phase[] = [
      { durS: 300, powerW: 140, rate: 20 },
      { durS: 60, powerW: 330, rate: 34 },
      { durS: 240, powerW: 290, rate: 31 },
      { durS: 60, powerW: 255, rate: 30 },
      { durS: 60, powerW: 330, rate: 36 },
      { durS: 300, powerW: 110, rate: 18 },
    ];
    const found = await workOf(syntheticSamples(phases, { cadence: '1hz', seed: 13 }));
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0]!.start - 300_000)).toBeLessThan(3000);
    expect(Math.abs(found[0]!.end - 720_000)).toBeLessThan(4000);
  });
});
