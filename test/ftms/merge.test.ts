import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsoleProfile } from '../../src/ftms/device-profiles.js';
import { GENERIC_PROFILE } from '../../src/ftms/device-profiles.js';
import type { Frame } from '../../src/ftms/frame.js';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import { encodeRowerData, type RowerDataFields } from '../../src/ftms/rower-data.js';
import type { Sample } from '../../src/ftms/sample.js';
import { hex } from './hex.js';
import { haveVectors, vectors } from './shared-vectors.js';

const frame = (t: number, char: string, bytes: string | Uint8Array, rower = 'r1'): Frame => ({
  kind: 'frame',
  t,
  rower,
  char,
  bytes: typeof bytes === 'string' ? hex(bytes) : bytes,
});
const rd = (t: number, bytes: string | Uint8Array): Frame => frame(t, '2ad1', bytes);

/** Push frames in order, then flush at end of stream; all samples. */
function run(frames: Frame[], opts: Parameters<typeof createSampleAssembler>[0] = {}): Sample[] {
  const asm = createSampleAssembler(opts);
  const out = frames.flatMap((f) => asm.push(f));
  return [...out, ...asm.flush(Number.POSITIVE_INFINITY)];
}

// S1 (vectors.json, synthetic from the spec): SR 24, SC 100, dist 2000, pace 120, power 203,
// energy 120 kcal, HR 150, elapsed 480 s.
const S1 = 'fe1f3064002ed0070078007e00cb00b4000a00780084030f965ae0017800';
const S2a = 'ff002ed0070078007e00cb00b4000a00';
const S2b = '001f306400780084030f965ae0017800';
const s1Sample = (t: number): Sample => ({
  t,
  rower: 'r1',
  powerW: 203,
  strokeRate: 24,
  strokeCount: 100,
  distanceM: 2000,
  paceS500: 120,
  heartRate: 150,
  energyKcal: 120,
  elapsedS: 480,
});

describe('More-Data parts merge into one record', () => {
  it('S1 alone is one sample with every Sample field', () => {
    expect(run([rd(1000, S1)])).toEqual([s1Sample(1000)]);
  });
  it('S2a + S2b give the same sample as S1, stamped with the completing part', () => {
    expect(run([rd(900, S2a), rd(1000, S2b)])).toEqual([s1Sample(1000)]);
  });
  it.each([0, 1, 5, 100, 250, 499])('together and %i ms apart give identical output', (gap) => {
    const together = run([rd(5000, S2a), rd(5000, S2b), rd(6000, S2a), rd(6000, S2b)]);
    const apart = run([rd(5000 - gap, S2a), rd(5000, S2b), rd(6000 - gap, S2a), rd(6000, S2b)]);
    expect(apart).toEqual(together);
    expect(together).toEqual([s1Sample(5000), s1Sample(6000)]);
  });

  // the 12 non-stroke flag groups of S1, in order; the stroke fields always go in the completing part
  const groups: RowerDataFields[] = [
    { avgStrokeRate: 23 },
    { distanceM: 2000 },
    { paceS500: 120 },
    { avgPaceS500: 126 },
    { powerW: 203 },
    { avgPowerW: 180 },
    { resistance: 10 },
    { totalEnergyKcal: 120, energyPerHourKcal: 900, energyPerMinuteKcal: 15 },
    { heartRate: 150 },
    { met: 9 },
    { elapsedS: 480 },
    { remainingS: 120 },
  ];
  const stroke = { strokeRate: 24, strokeCount: 100 };
  const join = (gs: RowerDataFields[]): RowerDataFields => Object.assign({}, ...gs) as RowerDataFields;
  it.each(Array.from({ length: 13 }, (_, k) => k))('split in two after group %i', (k) => {
    const a = groups.slice(0, k);
    const b = groups.slice(k);
    const frames = [...(a.length > 0 ? [rd(100, encodeRowerData(join(a)))] : []), rd(150, encodeRowerData({ ...join(b), ...stroke }))];
    expect(run(frames)).toEqual([s1Sample(150)]);
  });
  it.each([
    [1, 5],
    [3, 9],
    [7, 8],
  ])('split in three at %i and %i', (i, j) => {
    const frames = [
      rd(100, encodeRowerData(join(groups.slice(0, i)))),
      rd(120, encodeRowerData(join(groups.slice(i, j)))),
      rd(140, encodeRowerData({ ...join(groups.slice(j)), ...stroke })),
    ];
    expect(run(frames)).toEqual([s1Sample(140)]);
  });
});

describe.runIf(haveVectors)('shared vectors: merge', () => {
  const byId = new Map(vectors.rowerData.map((v) => [v.id, v.hex]));
  const get = (id: string): string => byId.get(id) ?? '';
  it('S2a + S2b merge to the Sample of S1', () => {
    expect(run([rd(10, get('S2a')), rd(20, get('S2b'))])).toEqual(run([rd(20, get('S1'))]));
  });
  it('R8 + R9 merge into ONE sample: power/pace/distance from A, strokes/energy from B', () => {
    // R8: avgSR 26, dist 203, pace 192, power 50, HR 0 (absent), elapsed 84
    // R9: SR 31, SC 36, energy 9 kcal
    expect(run([rd(1000, get('R8')), rd(1040, get('R9'))])).toEqual([
      { t: 1040, rower: 'r1', powerW: 50, strokeRate: 31, strokeCount: 36, distanceM: 203, paceS500: 192, energyKcal: 9, elapsedS: 84 },
    ]);
  });
  it('Viking packet types interleave: distance/elapsed, energy and stroke packets merge', () => {
    const out = run([rd(0, get('R2')), rd(200, get('R4')), rd(400, get('R3')), rd(1000, get('R5a')), rd(2000, get('R5b'))]);
    const stroke = { powerW: 106, strokeRate: 29, strokeCount: 16, paceS500: 149 };
    expect(out).toEqual([
      // R2 (dist 135, HR 0 → absent, elapsed 62) + R4 (energy 6) + R3 (stroke packet) complete at 400
      { t: 400, rower: 'r1', ...stroke, distanceM: 135, energyKcal: 6, elapsedS: 62 },
      // R5a alone (only bit 0 = 1 packets): emitted when R5b repeats its fields; stroke fields held
      { t: 1000, rower: 'r1', ...stroke, distanceM: 138, energyKcal: 6, elapsedS: 63 },
      // R5b: emitted by the end-of-stream flush
      { t: 2000, rower: 'r1', ...stroke, distanceM: 142, energyKcal: 6, elapsedS: 64 },
    ]);
  });
});

describe('window and hold', () => {
  // flags 0x0805 (bit 0 More Data, distance, elapsed) | dist 0x000064 = 100 | elapsed 0x000a = 10
  const distOnly = '0508 640000 0a00';
  it('a lone More-Data part is emitted once its window passes, stamped with its own t', () => {
    const asm = createSampleAssembler({ windowMs: 500 });
    expect(asm.push(rd(1000, distOnly))).toEqual([]);
    expect(asm.flush(1499)).toEqual([]);
    expect(asm.flush(1500)).toEqual([{ t: 1000, rower: 'r1', distanceM: 100, elapsedS: 10 }]);
    expect(asm.flush(5000)).toEqual([]);
  });
  it('any later frame (even a heart-rate frame) expires the window', () => {
    const asm = createSampleAssembler({ windowMs: 500 });
    asm.push(rd(1000, distOnly));
    expect(asm.push(frame(1600, '2a37', '00 50'))).toEqual([{ t: 1000, rower: 'r1', distanceM: 100, elapsedS: 10 }]);
  });
  it('parts further apart than the window are two samples', () => {
    const out = run([rd(0, S2a), rd(600, S2b)], { windowMs: 500 });
    expect(out.map((s) => s.t)).toEqual([0, 600]);
    expect(out[0]?.strokeCount).toBeUndefined();
    expect(out[1]?.powerW).toBe(203); // held from part A within holdMs
  });
  it('instantaneous fields carry only within holdMs; cumulative ones carry on', () => {
    // flags 0x0020 | SR 0x3c = 30 | SC 0x000a | power 0x012c = 300
    const strokePkt = '2000 3c 0a00 2c01';
    const out = run([rd(0, strokePkt), rd(2000, distOnly), rd(4000, distOnly)], { holdMs: 3000 });
    expect(out).toEqual([
      { t: 0, rower: 'r1', powerW: 300, strokeRate: 30, strokeCount: 10 },
      { t: 2000, rower: 'r1', powerW: 300, strokeRate: 30, strokeCount: 10, distanceM: 100, elapsedS: 10 },
      { t: 4000, rower: 'r1', strokeCount: 10, distanceM: 100, elapsedS: 10 },
    ]);
  });
});

describe('normalisation', () => {
  it('pace 0xFFFF and 0, HR 0 and energy N/A are absent, never 0', () => {
    // flags 0x0b2c: SR/SC, dist, pace, power, energy, HR, elapsed
    // SR 0x28=20 | SC 0x0003 | dist 0x00000a=10 | pace 0xffff | power 0x0032=50 | energy N/A ×3 | HR 0 | elapsed 0x0005
    const a = '2c0b 28 0300 0a0000 ffff 3200 ffff ffff ff 00 0500';
    // same with pace 0 and elapsed 6
    const b = '2c0b 28 0300 0a0000 0000 3200 ffff ffff ff 00 0600';
    expect(run([rd(0, a), rd(1000, b)])).toEqual([
      { t: 0, rower: 'r1', powerW: 50, strokeRate: 20, strokeCount: 3, distanceM: 10, elapsedS: 5 },
      { t: 1000, rower: 'r1', powerW: 50, strokeRate: 20, strokeCount: 3, distanceM: 10, elapsedS: 6 },
    ]);
  });
  it('a "no pace" reading clears a held pace', () => {
    // flags 0x0008 (stroke fields, pace) | SR 0x14 = 10 | SC 5, then 6 | pace 0x0078 = 120, then 0xffff
    const out = run([rd(0, '0800 14 0500 7800'), rd(1000, '0800 14 0600 ffff')]);
    expect(out[0]?.paceS500).toBe(120);
    expect(out[1]).not.toHaveProperty('paceS500');
  });
  it('all-zero packets give no sample and do not look like a console reset', () => {
    // flags 0x0804 with bit 0 = 0: SR, SC, dist, elapsed
    const at = (sc: number, dist: number, el: number): Uint8Array => encodeRowerData({ strokeRate: 20, strokeCount: sc, distanceM: dist, elapsedS: el });
    const zero = '2c0900000000000000000000ffff0000ff0000'; // KayakPro R15 at rest: all 0 / N/A
    const out = run([rd(0, at(5, 500, 60)), rd(1000, zero), rd(1500, '0000 00 0000'), rd(2000, at(6, 510, 62))]);
    expect(out.map((s) => [s.t, s.strokeCount, s.distanceM, s.elapsedS])).toEqual([
      [0, 5, 500, 60],
      [2000, 6, 510, 62],
    ]);
  });
  it('stroke count wraps at 65536 and keeps rising', () => {
    const sc = (n: number): Uint8Array => encodeRowerData({ strokeRate: 30, strokeCount: n });
    const out = run([rd(0, sc(65534)), rd(1000, sc(65535)), rd(2000, sc(1)), rd(3000, sc(3))]);
    expect(out.map((s) => s.strokeCount)).toEqual([65534, 65535, 65537, 65539]);
  });
  it('a decrease of a cumulative field is a console reset: session totals keep rising', () => {
    const at = (sc: number, dist: number, kcal: number, el: number): Uint8Array =>
      encodeRowerData({ strokeRate: 20, strokeCount: sc, distanceM: dist, totalEnergyKcal: kcal, energyPerHourKcal: 0, energyPerMinuteKcal: 0, elapsedS: el });
    const out = run([rd(0, at(100, 1000, 50, 300)), rd(1000, at(101, 1010, 51, 301)), rd(2000, at(2, 15, 1, 4)), rd(3000, at(3, 20, 2, 5))]);
    expect(out.map((s) => [s.strokeCount, s.distanceM, s.energyKcal, s.elapsedS])).toEqual([
      [100, 1000, 50, 300],
      [101, 1010, 51, 301],
      [103, 1025, 52, 305],
      [104, 1030, 53, 306],
    ]);
  });
  it('a reset seen in one packet type applies to counters that arrive in another', () => {
    // distance packets (More Data) and stroke packets interleave; distance drops first
    const dist = (d: number): Uint8Array => encodeRowerData({ distanceM: d });
    const strokes = (n: number): Uint8Array => encodeRowerData({ strokeRate: 20, strokeCount: n });
    const out = run([rd(0, dist(800)), rd(100, strokes(80)), rd(1000, dist(5)), rd(1100, strokes(1))]);
    expect(out.at(-1)).toMatchObject({ distanceM: 805, strokeCount: 81 });
  });
});

describe('bad frames, other characteristics, heart-rate strap', () => {
  it('a frame that fails to decode is dropped and counted; the stream goes on', () => {
    const asm = createSampleAssembler();
    const mrCaptain = '3c0b3002000a0000d1005e011600010002020800'; // R18: flags need 22 bytes, 20 sent
    expect(asm.push(rd(0, mrCaptain))).toEqual([]);
    expect(asm.push(frame(10, '2a37', ''))).toEqual([]);
    expect(asm.dropped).toBe(2);
    expect(asm.push(rd(1000, S1))).toEqual([s1Sample(1000)]);
    expect(asm.dropped).toBe(2);
  });
  it('a bad part between two good parts does not break the merge', () => {
    const asm = createSampleAssembler();
    asm.push(rd(0, S2a));
    asm.push(rd(10, 'ff00 01'));
    expect(asm.push(rd(20, S2b))).toEqual([s1Sample(20)]);
    expect(asm.dropped).toBe(1);
  });
  it('other characteristics are ignored, not counted as dropped', () => {
    const asm = createSampleAssembler();
    expect(asm.push(frame(0, '2ada', '04'))).toEqual([]);
    expect(asm.dropped).toBe(0);
  });
  it('a fresh strap reading overrides the console heart rate; 0 or stale does not', () => {
    const asm = createSampleAssembler({ holdMs: 3000 });
    asm.push(frame(0, '2a37', '06 a0')); // strap 160 bpm
    expect(asm.push(rd(500, S1))[0]?.heartRate).toBe(160); // S1 console HR 150
    asm.push(frame(600, '2a37', '00 00')); // strap lost contact: 0 bpm
    expect(asm.push(rd(1000, S1))[0]?.heartRate).toBe(150);
    asm.push(frame(2000, '2a37', '06 a2')); // 162 bpm
    expect(asm.push(rd(4000, S1))[0]?.heartRate).toBe(162);
    expect(asm.push(rd(5001, S1))[0]?.heartRate).toBe(150); // strap reading 3001 ms old
  });
  it('a strap fills heart rate when the console sends none', () => {
    const out = run([frame(0, '2a37', '0648'), rd(100, encodeRowerData({ strokeRate: 20, strokeCount: 1 }))]);
    expect(out[0]?.heartRate).toBe(72);
  });
});

describe('device profiles', () => {
  const profile = (over: Partial<ConsoleProfile>): ConsoleProfile => ({ ...GENERIC_PROFILE, id: 'test', ...over });
  it('wholeSpmStrokeRate doubles the spec reading', () => {
    // flags 0 | SR 0x18 = 24 raw → 12.0 by the spec, 24 spm on a whole-spm console | SC 5
    expect(run([rd(0, '0000 18 0500')], { profile: profile({ wholeSpmStrokeRate: true }) })[0]?.strokeRate).toBe(24);
    expect(run([rd(0, '0000 18 0500')])[0]?.strokeRate).toBe(12);
  });
  it('powerFromPace computes P = 2.80 / (pace/500)^3 when the console sends no power', () => {
    // pace 120 s/500m → 0.24 s/m → 2.8 / 0.013824 = 202.55 W → 203
    const pkt = encodeRowerData({ strokeRate: 24, strokeCount: 9, paceS500: 120 });
    expect(run([rd(0, pkt)], { profile: profile({ powerFromPace: true }) })[0]?.powerW).toBe(203);
    expect(run([rd(0, pkt)])[0]).not.toHaveProperty('powerW');
  });
  it('powerFromPace leaves a measured power alone', () => {
    const pkt = encodeRowerData({ strokeRate: 24, strokeCount: 9, paceS500: 120, powerW: 180 });
    expect(run([rd(0, pkt)], { profile: profile({ powerFromPace: true }) })[0]?.powerW).toBe(180);
  });
});

describe('property: splitting records into More-Data parts changes nothing', () => {
  it('any split point and any gap within the window gives the unsplit output', () => {
    const recordArb = fc.record({
      strokeRate: fc.integer({ min: 0, max: 120 }).map((x) => x / 2),
      strokeCount: fc.integer({ min: 1, max: 500 }),
      distanceM: fc.integer({ min: 1, max: 5000 }),
      paceS500: fc.integer({ min: 80, max: 300 }),
      powerW: fc.integer({ min: 0, max: 900 }),
      heartRate: fc.integer({ min: 0, max: 200 }),
      elapsedS: fc.integer({ min: 0, max: 4000 }),
    });
    // the non-stroke fields, in on-air order, that may move to part A
    const movable = ['distanceM', 'paceS500', 'powerW', 'heartRate', 'elapsedS'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(recordArb, fc.integer({ min: 0, max: movable.length }), fc.integer({ min: 0, max: 499 })), { maxLength: 12 }),
        (steps) => {
          const whole: Frame[] = [];
          const split: Frame[] = [];
          steps.forEach(([rec, k, gap], i) => {
            const t = 1000 * (i + 1);
            whole.push(rd(t, encodeRowerData(rec)));
            const a: RowerDataFields = {};
            const b: RowerDataFields = { ...rec };
            for (const key of movable.slice(0, k)) {
              Object.assign(a, { [key]: rec[key] });
              delete b[key];
            }
            if (k > 0) split.push(rd(t - gap, encodeRowerData(a)));
            split.push(rd(t, encodeRowerData(b)));
          });
          expect(run(split)).toEqual(run(whole));
        },
      ),
      { numRuns: 500 },
    );
  });
});
