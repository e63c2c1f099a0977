import { describe, expect, it } from 'vitest';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import type { SimulateOptions } from '../../../src/sources/simulator/simulate-options.js';
import { simulatedConsoles } from '../../../src/sources/simulator/simulated-consoles.js';
import { defaultAthlete } from '../../../src/sources/simulator/athlete.js';
import { type Decoded, heartRates, rowerData } from './decode-helpers.js';

/** a short session: 3 min warm-up, 4 × 30/60, 2 min cool-down */
const short: SimulateOptions = { seed: 5, reps: 4, restS: 60, warmupS: 180, cooldownS: 120 };
const run = (o: SimulateOptions) => simulateSession({ ...short, ...o });
const rowing = (d: readonly Decoded[]) => d.filter((x) => (x.data.strokeCount ?? 0) > 0 || (x.data.distanceM ?? 0) > 0);
const works = (o: SimulateOptions) => run(o).labels.intervals.filter((i) => i.kind === 'work');
const within = (d: readonly Decoded[], startS: number, endS: number) => d.filter((x) => x.t >= startS * 1000 && x.t < endS * 1000);

describe('device profiles: each reproduces its quirk in the emitted bytes', () => {
  it('ideal: a complete record at every stroke end and at least every second', () => {
    const s = run({ profile: 'ideal' });
    const d = rowerData(s.items);
    expect(d.every((x) => !x.data.moreData && x.data.powerW !== undefined)).toBe(true);
    const counts = new Set(d.map((x) => x.data.strokeCount));
    const maxCount = Math.max(...d.map((x) => x.data.strokeCount ?? 0));
    for (let c = 1; c <= maxCount; c++) expect(counts.has(c)).toBe(true); // no stroke unreported
    const spacing = d.slice(1, -1).map((x, i) => x.t - d[i]!.t); // the sleep packet comes when it comes
    expect(Math.max(...spacing)).toBeLessThanOrEqual(1020);
  });

  it('hz1-hold: one notification per second, values held between strokes', () => {
    const d = rowerData(run({ profile: 'hz1-hold' }).items);
    const spacing = d.slice(1, -1).map((x, i) => x.t - d[i]!.t);
    for (const g of spacing) expect(Math.abs(g - 1000)).toBeLessThanOrEqual(20);
    // between two records with the same stroke count the instantaneous values are identical
    let pairs = 0;
    for (let i = 1; i < d.length; i++) {
      const a = d[i - 1]!.data;
      const b = d[i]!.data;
      if (a.strokeCount !== b.strokeCount || a.strokeCount === 0) continue;
      if (a.powerW === 0 || b.powerW === 0) continue;
      pairs++;
      expect([b.powerW, b.strokeRate, b.paceS500]).toEqual([a.powerW, a.strokeRate, a.paceS500]);
    }
    expect(pairs).toBeGreaterThan(50);
  });

  it('per-stroke: one notification per stroke, nothing in between', () => {
    const d = rowing(rowerData(run({ profile: 'per-stroke' }).items)).filter((x) => (x.data.strokeCount ?? 0) > 0);
    d.forEach((x, i) => expect(x.data.strokeCount).toBe(i + 1));
  });

  it('pm5-split: part A (power/pace/distance, More Data = 1) then part B (rate/count/energy) a few ms later', () => {
    const d = rowerData(run({ profile: 'pm5-split' }).items);
    expect(d.length % 2).toBe(0);
    for (let i = 0; i < d.length; i += 2) {
      const a = d[i]!;
      const b = d[i + 1]!;
      expect(a.data.moreData).toBe(true);
      expect(a.data.strokeRate).toBeUndefined();
      expect(a.data.powerW).toBeDefined();
      expect(a.data.paceS500).toBeDefined();
      expect(a.data.distanceM).toBeDefined();
      expect(b.data.moreData).toBe(false);
      expect(b.data.strokeRate).toBeDefined();
      expect(b.data.strokeCount).toBeDefined();
      expect(b.data.totalEnergyKcal).toBeDefined();
      expect(b.data.powerW).toBeUndefined();
      expect(b.t - a.t).toBeGreaterThan(0);
      expect(b.t - a.t).toBeLessThanOrEqual(20);
    }
  });

  it('pm5-split: stroke rate frozen at the last sprint value through a rest while the count advances', () => {
    const s = run({ profile: 'pm5-split' });
    const rests = s.labels.intervals.filter((i) => i.kind === 'rest');
    const partB = rowerData(s.items).filter((x) => !x.data.moreData);
    for (const rest of rests) {
      const inRest = within(partB, rest.start + 4, rest.end);
      const rates = new Set(inRest.map((x) => x.data.strokeRate));
      expect(rates.size).toBe(1);
      expect([...rates][0]).toBeGreaterThan(30); // a sprint rate, not the ~20 spm being rowed
      const counts = inRest.map((x) => x.data.strokeCount ?? 0);
      expect(counts[counts.length - 1]! - counts[0]!).toBeGreaterThan(10);
    }
  });

  it('whole-spm: the stroke-rate byte is whole spm, so a spec decoder reads half the athlete\'s rate', () => {
    const whole = rowerData(run({ profile: 'whole-spm' }).items);
    const spec = rowerData(run({ profile: 'hz1-hold' }).items);
    expect(whole.length).toBe(spec.length); // same radio timing, only the encoding differs
    for (let i = 0; i < whole.length; i++) {
      expect(whole[i]!.t).toBe(spec[i]!.t);
      expect(Math.abs(whole[i]!.data.strokeRate! * 2 - spec[i]!.data.strokeRate!)).toBeLessThanOrEqual(0.5);
    }
    const sprints = works({ profile: 'whole-spm' });
    for (const w of sprints) {
      const rates = within(whole, w.start + 5, w.end).map((x) => x.data.strokeRate!);
      const median = rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
      expect(median).toBeGreaterThan(defaultAthlete.sprintRateSpm / 2 - 3);
      expect(median).toBeLessThan(defaultAthlete.sprintRateSpm / 2 + 3);
    }
  });

  it('stale: while stopped, the last rate/pace/power repeat and the stroke count is frozen', () => {
    const stop = { stopInRestS: 20 };
    const stale = run({ ...stop, profile: 'stale' });
    const held = rowerData(run({ ...stop, profile: 'hz1-hold' }).items);
    const d = rowerData(stale.items);
    for (const rest of stale.labels.intervals.filter((i) => i.kind === 'rest')) {
      // from 8 s after the last sprint stroke to the end of the standstill
      const idle = within(d, rest.start + 8, rest.start + 19);
      expect(idle.length).toBeGreaterThanOrEqual(10);
      expect(new Set(idle.map((x) => x.data.strokeCount)).size).toBe(1);
      expect(new Set(idle.map((x) => `${x.data.powerW}/${x.data.strokeRate}/${x.data.paceS500}`)).size).toBe(1);
      expect(idle[0]!.data.powerW).toBeGreaterThan(200);
      expect(idle[0]!.data.strokeRate).toBeGreaterThan(25);
      // a non-stale console shows the stop: power and rate 0
      for (const x of within(held, rest.start + 8, rest.start + 19)) expect([x.data.powerW, x.data.strokeRate]).toEqual([0, 0]);
    }
  });

  it('no-power: no power field in any notification, pace instead', () => {
    const d = rowerData(run({ profile: 'no-power' }).items);
    expect(d.every((x) => x.data.powerW === undefined && x.data.avgPowerW === undefined)).toBe(true);
    expect(d.some((x) => (x.data.paceS500 ?? 0) > 60)).toBe(true);
  });

  it('dropped: loses ~5–10 % of the notifications a lossless 1 Hz device sends', () => {
    const lossless = rowerData(run({ profile: 'hz1-hold' }).items).length;
    const lossy = rowerData(run({ profile: 'dropped' }).items).length;
    const lost = 1 - lossy / lossless;
    expect(simulatedConsoles.dropped.dropProbability).toBeGreaterThanOrEqual(0.05);
    expect(lost).toBeGreaterThan(0.03);
    expect(lost).toBeLessThan(0.13);
  });
});

describe('heart-rate source, wake-up/sleep packets and gaps', () => {
  it('strap: separate 2a37 frames about every second, no HR field in Rower Data', () => {
    const s = run({ hr: 'strap' });
    const hr = heartRates(s.items);
    expect(hr.length).toBeGreaterThan(500);
    expect(hr.every((x) => x.m.heartRate >= 40 && x.m.heartRate <= defaultAthlete.hrMaxBpm && x.m.contactDetected)).toBe(true);
    expect(rowerData(s.items).every((x) => x.data.heartRate === undefined)).toBe(true);
  });

  it('rower: HR in the Rower Data field and no 2a37 frames; none: neither', () => {
    const viaRower = run({ hr: 'rower' });
    expect(heartRates(viaRower.items)).toHaveLength(0);
    expect(rowing(rowerData(viaRower.items)).every((x) => (x.data.heartRate ?? 0) > 40)).toBe(true);
    const none = run({ hr: 'none' });
    expect(heartRates(none.items)).toHaveLength(0);
    expect(rowerData(none.items).every((x) => x.data.heartRate === undefined)).toBe(true);
  });

  it('sends all-zero packets at wake-up and before sleep, inside connected … disconnected', () => {
    const s = run({ profile: 'per-stroke' });
    const d = rowerData(s.items);
    const zero = (x: Decoded) => Object.entries(x.data).every(([k, v]) => ['flags', 'moreData', 'trailingBytes', 'reservedFlagBits'].includes(k) || v === 0);
    expect(zero(d[0]!)).toBe(true);
    expect(zero(d[d.length - 1]!)).toBe(true);
    const first = s.items[0]!;
    const last = s.items[s.items.length - 1]!;
    expect(first.kind === 'event' && first.event).toBe('connected');
    expect(last.kind === 'event' && last.event).toBe('disconnected');
  });

  it('a gap silences Rower Data for its duration; with disconnect it is bracketed by events', () => {
    const gap = { atS: 300, durationS: 10 };
    const s = run({ gap: { ...gap, disconnect: true } });
    const d = rowerData(s.items);
    expect(within(d, 300, 310)).toHaveLength(0);
    expect(within(d, 290, 300).length).toBeGreaterThanOrEqual(9);
    expect(within(d, 310, 320).length).toBeGreaterThanOrEqual(9);
    const events = s.items.filter((x) => x.kind === 'event').map((x) => [x.t, x.kind === 'event' ? x.event : '']);
    expect(events).toContainEqual([300_000, 'disconnected']);
    expect(events).toContainEqual([310_000, 'connected']);
  });
});
