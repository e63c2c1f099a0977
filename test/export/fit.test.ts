/**
 * FIT export round trip on a judged HIIT session: the file decodes cleanly in two independent
 * decoders, with the message counts, lap boundaries, intensities and verdict developer fields the
 * analysis implies; out-of-range values are clamped, never wrapped; a file that breaks a rule is
 * refused. Expected values come from the analysis and the FIT profile, not from the encoder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportInput } from '../../src/export/export-input.js';
import { encodeFit, exportFit } from '../../src/export/fit.js';
import { lintDecoded, lintFit } from '../../src/export/fit-lint.js';
import { ExportError } from '../../src/export/timeline.js';
import { ffpDecode, inputsOf, ms, sdkDecode, type Msg, type SdkDecoded } from './fit-decode.js';

let input: ExportInput;
let sdk: SdkDecoded;
let ffp: Record<string, Msg[] | undefined>;

beforeAll(async () => {
  input = (await inputsOf('hiit-held.ndjson')).inputs[0]!;
  const bytes = exportFit(input);
  sdk = sdkDecode(bytes);
  ffp = await ffpDecode(bytes);
});

const list = (m: Record<string, Msg[] | undefined>, k: string): Msg[] => m[k] ?? [];

describe('FIT export round trip (hiit-held)', () => {
  it('decodes with no error in the SDK and passes its integrity check', () => {
    expect(sdk.integrity).toBe(true);
    expect(sdk.errors).toEqual([]);
  });

  it('has one lap and one split per interval, one session, one activity, in both decoders', () => {
    const n = input.intervals.length;
    expect(n).toBe(17); // warm-up, 8 × (work, rest) but the last rest is the cool-down
    for (const [laps, splits, sessions, activities] of [
      [list(sdk.messages, 'lapMesgs'), list(sdk.messages, 'splitMesgs'), list(sdk.messages, 'sessionMesgs'), list(sdk.messages, 'activityMesgs')],
      [list(ffp, 'laps'), list(ffp, 'splits'), list(ffp, 'sessions'), list(ffp, 'activity').length ? list(ffp, 'activity') : [ffp['activity'] as unknown as Msg]],
    ] as const) {
      expect(laps).toHaveLength(n);
      expect(splits).toHaveLength(n);
      expect(sessions).toHaveLength(1);
      expect(activities.filter(Boolean)).toHaveLength(1);
    }
    expect(list(ffp, 'records')).toHaveLength(list(sdk.messages, 'recordMesgs').length);
    // 1 Hz: one record per second of the session, less the seconds without data
    const session = list(sdk.messages, 'sessionMesgs')[0]!;
    expect(list(sdk.messages, 'recordMesgs').length).toBeGreaterThan((session['totalElapsedTime'] as number) * 0.95);
  });

  it('puts lap boundaries where the analysis put the intervals (to the second)', () => {
    const t0 = Date.parse(input.startedAt);
    const laps = list(sdk.messages, 'lapMesgs');
    const ffpLaps = list(ffp, 'laps');
    input.intervals.forEach((iv, i) => {
      for (const start of [ms(laps[i]!['startTime']), ms(ffpLaps[i]!['start_time'])]) expect(Math.abs(start - (t0 + iv.start))).toBeLessThanOrEqual(500);
      const end = ms(laps[i]!['startTime']) + (laps[i]!['totalElapsedTime'] as number) * 1000;
      expect(Math.abs(end - (t0 + iv.end))).toBeLessThanOrEqual(500);
      expect(ffpLaps[i]!['total_elapsed_time']).toBeCloseTo(laps[i]!['totalElapsedTime'] as number, 3);
    });
  });

  it('maps kinds to intensity and split type, numbers the reps and marks the sport', () => {
    const intensity = { warmup: 'warmup', work: 'active', rest: 'rest', cooldown: 'cooldown' } as const;
    const split = { warmup: 'intervalWarmup', work: 'intervalActive', rest: 'intervalRest', cooldown: 'intervalCooldown' } as const;
    const laps = list(sdk.messages, 'lapMesgs');
    const splits = list(sdk.messages, 'splitMesgs');
    input.intervals.forEach((iv, i) => {
      expect(laps[i]!['intensity']).toBe(intensity[iv.kind]);
      expect(splits[i]!['splitType']).toBe(split[iv.kind]);
      expect(laps[i]!['repetitionNum']).toBe(iv.kind === 'work' || iv.kind === 'rest' ? iv.index : undefined);
      expect(laps[i]!['sport']).toBe('rowing');
      expect(laps[i]!['subSport']).toBe('indoorRowing');
    });
    const session = list(sdk.messages, 'sessionMesgs')[0]!;
    expect([session['sport'], session['subSport']]).toEqual(['rowing', 'indoorRowing']);
    expect(list(ffp, 'sessions')[0]!['sport']).toBe('rowing');
    const summaries = list(sdk.messages, 'splitSummaryMesgs');
    expect(summaries.map((s) => s['splitType']).sort()).toEqual(['intervalActive', 'intervalCooldown', 'intervalRest', 'intervalWarmup']);
    expect(summaries.find((s) => s['splitType'] === 'intervalActive')!['numSplits']).toBe(8);
  });

  it('is honest about who made it: manufacturer development, product name ergsprint', () => {
    const fileId = list(sdk.messages, 'fileIdMesgs')[0]!;
    expect(fileId['manufacturer']).toBe('development');
    expect(fileId['type']).toBe('activity');
    expect(sdk.order[0]).toBe(0); // file_id first
    const devices = list(sdk.messages, 'deviceInfoMesgs');
    expect(devices[0]).toMatchObject({ deviceIndex: 'creator', productName: 'ergsprint' });
    expect(devices.some((d) => d['productName'] === input.rower.name || d['productName'] === input.devices[0]!.model)).toBe(true);
  });

  it('writes the verdict as typed developer fields on work laps and the session', () => {
    const descs = list(sdk.messages, 'fieldDescriptionMesgs');
    const byName = new Map(descs.map((d) => [d['fieldName'] as string, d]));
    for (const [name, type] of [['AllOut', 2], ['AllOutScore', 2], ['VerdictCode', 2], ['ExpectedPower', 132], ['AllOutCount', 2], ['RepCount', 2], ['DecrementScore', 136], ['WorkoutState', 2]] as const) {
      expect(byName.get(name)?.['fitBaseTypeId'], name).toBe(type); // uint8 2, uint16 132, float32 136 (FIT base types)
    }
    const key = (name: string): string => String(byName.get(name)!['key']);
    const laps = list(sdk.messages, 'lapMesgs');
    const ffpLaps = list(ffp, 'laps');
    input.intervals.forEach((iv, i) => {
      const dev = laps[i]!.developerFields ?? {};
      if (iv.kind !== 'work') {
        expect(dev[key('AllOut')]).toBeUndefined();
        return;
      }
      const v = iv.verdict!;
      expect(dev[key('AllOut')]).toBe(v.allOut === null ? undefined : v.allOut ? 1 : 0);
      expect(dev[key('AllOutScore')]).toBe(Math.round(v.score));
      expect(typeof dev[key('VerdictCode')]).toBe('number');
      expect(ffpLaps[i]!['AllOut']).toBe(dev[key('AllOut')]);
      expect(ffpLaps[i]!['AllOutScore']).toBe(Math.round(v.score));
    });
    // hiit-held: reps 3 and 6 are held back (labels), the rest all-out
    const codes = input.intervals.flatMap((iv, i) => (iv.kind === 'work' ? [laps[i]!.developerFields![key('VerdictCode')]] : []));
    expect(codes.filter((c) => c === 1).length).toBeGreaterThanOrEqual(1);
    const session = list(sdk.messages, 'sessionMesgs')[0]!;
    expect(session.developerFields![key('AllOutCount')]).toBe(input.summary!.allOut);
    expect(session.developerFields![key('RepCount')]).toBe(8);
    expect(session.developerFields![key('DecrementScore')]).toBeCloseTo(input.summary!.decrementPct!, 1);
  });

  it('marks every record with WorkoutState 1 in work laps and 3 elsewhere', () => {
    const t0 = Date.parse(input.startedAt);
    const key = String(list(sdk.messages, 'fieldDescriptionMesgs').find((d) => d['fieldName'] === 'WorkoutState')!['key']);
    const work = input.intervals.filter((iv) => iv.kind === 'work');
    for (const r of list(sdk.messages, 'recordMesgs')) {
      const t = ms(r['timestamp']) - t0;
      const inWork = work.some((iv) => t >= Math.round(iv.start / 1000) * 1000 && t < Math.round(iv.end / 1000) * 1000);
      expect(r.developerFields![key]).toBe(inWork ? 1 : 3);
    }
  });

  it('keeps totals consistent: session distance and strokes equal the last record, laps add up', () => {
    const records = list(sdk.messages, 'recordMesgs');
    const session = list(sdk.messages, 'sessionMesgs')[0]!;
    const last = records[records.length - 1]!;
    expect(session['totalDistance']).toBeCloseTo(last['distance'] as number, 2);
    expect(session['totalCycles']).toBe(last['totalCycles']);
    const laps = list(sdk.messages, 'lapMesgs');
    expect(laps.reduce((a, l) => a + (l['totalCycles'] as number), 0)).toBe(session['totalCycles']);
    // the distance rowed is the console's: its counter from the first interval's start to the last one's end (±1 %)
    const withDistance = input.samples.filter((s) => s.distanceM !== undefined);
    const at = (t: number): number => (withDistance.filter((s) => s.t <= t).at(-1) ?? withDistance[0]!).distanceM!;
    const rowed = at(input.intervals.at(-1)!.end) - at(input.intervals[0]!.start);
    expect(Math.abs((session['totalDistance'] as number) - rowed) / rowed).toBeLessThan(0.01);
    expect(lintDecoded(sdk.messages, sdk.order)).toEqual([]);
    // calories: the console's energy counter over the session, split across the laps (whole kcal per lap)
    const withEnergy = input.samples.filter((s) => s.energyKcal !== undefined);
    const kcalAt = (t: number): number => (withEnergy.filter((s) => s.t <= t).at(-1) ?? withEnergy[0]!).energyKcal!;
    const burnt = kcalAt(input.intervals.at(-1)!.end) - kcalAt(input.intervals[0]!.start);
    expect(burnt).toBeGreaterThan(50);
    expect(Math.abs((session['totalCalories'] as number) - burnt)).toBeLessThanOrEqual(2);
    expect(Math.abs(laps.reduce((a, l) => a + ((l['totalCalories'] as number | undefined) ?? 0), 0) - (session['totalCalories'] as number))).toBeLessThanOrEqual(laps.length / 2);
  });
});

/** A two-interval input built by hand, with values FIT cannot hold. */
function absurdInput(): ExportInput {
  const samples = Array.from({ length: 61 }, (_, i) => ({ t: i * 1000, rower: 'x', powerW: 70_000, strokeRate: 300, heartRate: 300, distanceM: i * 5, paceS500: 100 }));
  const stats = { durationS: 30 };
  return {
    startedAt: '2026-01-05T07:00:00.000Z',
    rower: { id: 'x', name: 'Absurd' },
    samples,
    strokes: samples.map((s) => ({ t: s.t, catchT: s.t - 500, periodMs: 1000, powerW: s.powerW, strokeRate: s.strokeRate, rateTrusted: true })),
    intervals: [
      { rower: 'x', index: 1, kind: 'work', start: 0, end: 30_000, stats: { ...stats, avgPowerW: 70_000, avgStrokeRate: 300, avgHeartRate: 300 }, verdict: { allOut: true, score: 100, kind: 'all-out', reasons: [], expectedPowerW: 99_999 } },
      { rower: 'x', index: 1, kind: 'rest', start: 30_000, end: 60_000, stats },
    ],
    links: [],
    devices: [{ role: 'rower', name: 'Absurd' }],
    planned: false,
  };
}

describe('FIT value ranges', () => {
  it('clamps cadence 300, heart rate 300 and power 70 000 to the top of their range instead of wrapping them', async () => {
    const { bytes, clamped } = encodeFit(absurdInput());
    const d = sdkDecode(bytes);
    const rec = list(d.messages, 'recordMesgs')[5]!;
    expect(rec['cadence']).toBe(254); // uint8, 255 = invalid; wrapped it would be 44
    expect(rec['heartRate']).toBe(254);
    expect(rec['power']).toBe(65534); // uint16; wrapped it would be 4464
    const lap = list(d.messages, 'lapMesgs')[0]!;
    expect(lap['avgCadence']).toBe(254);
    expect(lap['avgPower']).toBe(65534);
    const expectedKey = String(list(d.messages, 'fieldDescriptionMesgs').find((f) => f['fieldName'] === 'ExpectedPower')!['key']);
    expect(lap.developerFields![expectedKey]).toBe(65534);
    expect(clamped.map((c) => `${c.mesg}.${c.field}`)).toEqual(expect.arrayContaining(['record.cadence', 'record.heartRate', 'record.power', 'lap.avgPower']));
    const p = await ffpDecode(bytes);
    expect(list(p, 'records')[5]!['cadence']).toBe(254);
  });

  it('exports a recording without intervals as one active lap over its samples', () => {
    const d = sdkDecode(exportFit({ ...absurdInput(), intervals: [] }));
    const laps = list(d.messages, 'lapMesgs');
    expect(laps).toHaveLength(1);
    expect(laps[0]!['intensity']).toBe('active');
    expect(laps[0]!['totalElapsedTime']).toBe(60);
    expect(lintDecoded(d.messages, d.order)).toEqual([]);
  });

  it.each(['not a date', '1970-01-01T00:00:00.000Z', '2200-01-01T00:00:00.000Z'])('refuses a session starting at %s, which FIT cannot date', (startedAt) => {
    let err: unknown;
    try {
      exportFit({ ...absurdInput(), startedAt });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).code).toBe('INVALID');
  });

  it('refuses a rower with no samples (no file at all)', () => {
    const empty = { ...absurdInput(), samples: [], strokes: [], intervals: [] };
    expect(() => exportFit(empty)).toThrow(ExportError);
  });
});

describe('FIT lint', () => {
  it('accepts the exported file and reports a gap between laps, a lap count mismatch and a backwards record', () => {
    const bytes = exportFit(absurdInput());
    expect(lintFit(bytes)).toEqual([]);
    const d = sdkDecode(bytes);
    const laps = list(d.messages, 'lapMesgs');
    const moved = { ...laps[1]!, startTime: new Date(ms(laps[1]!['startTime']) + 2000) };
    const recs = list(d.messages, 'recordMesgs');
    const swapped = [recs[1]!, recs[0]!, ...recs.slice(2)];
    const broken = { ...d.messages, lapMesgs: [laps[0]!, moved], recordMesgs: swapped, sessionMesgs: [{ ...list(d.messages, 'sessionMesgs')[0]!, numLaps: 3 }] };
    const problems = lintDecoded(broken, d.order);
    expect(problems.some((p) => p.includes('lap 1 starts'))).toBe(true);
    expect(problems.some((p) => p.includes('num_laps'))).toBe(true);
    expect(problems.some((p) => p.includes('timestamp does not increase'))).toBe(true);
  });

  it('rejects bytes that are not a FIT file or whose CRC is wrong', () => {
    const bytes = exportFit(absurdInput());
    const bad = bytes.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    expect(lintFit(bad)).toHaveLength(1);
    expect(lintFit(new TextEncoder().encode('not a fit file at all'))).toHaveLength(1);
  });
});
