/**
 * Rows → Rower Data frames: one notification per row with only the fields the row holds (decoded
 * back with our decoder), power from pace and pace from power, a stroke rate the file lacks taken
 * from the stroke timing, 1-Hz idle notifications in a gap (values held for 5 s, then zeros for
 * rate, pace and power), none in a gap marked as a lost link, and a 15-s idle tail.
 */
import { describe, expect, it } from 'vitest';
import { powerFromPace } from '../../../src/rowing/power.js';
import { IDLE_AFTER_S, rowsToFrames, TAIL_S } from '../../../src/sources/import/to-frames.js';
import type { ImportedRow } from '../../../src/sources/import/types.js';
import { decodeHeartRate } from '../../../src/ftms/heart-rate.js';
import { rowerData } from './decode-frames.js';

const frames = (rows: ImportedRow[]) => rowerData(rowsToFrames(rows, 'r'));

describe('rowsToFrames', () => {
  it('sends only what the row holds: no distance, heart rate or power field when the file has none', () => {
    const [f] = frames([{ tS: 2, stroke: true, strokeRate: 24 }]);
    expect(f).toMatchObject({ t: 2000, strokeRate: 24, strokeCount: 1, elapsedS: 2, moreData: false });
    expect(f!.distanceM).toBeUndefined();
    expect(f!.heartRate).toBeUndefined();
    expect(f!.powerW).toBeUndefined();
    expect(f!.paceS500).toBeUndefined();
  });

  it('takes power from pace (P = 2.80/(pace/500)³) and pace from power', () => {
    const fs = frames([
      { tS: 1, stroke: true, paceS500: 120, strokeRate: 20 },
      { tS: 4, stroke: true, powerW: 200, strokeRate: 20 },
    ]);
    const a = fs.find((f) => f.t === 1000);
    const b = fs.find((f) => f.t === 4000);
    expect(a!.powerW).toBe(Math.round(powerFromPace(120)));
    expect(b!.paceS500).toBe(Math.round(500 * Math.cbrt(2.8 / 200)));
  });

  it('a stroke rate the file lacks comes from the time to the neighbouring stroke', () => {
    const fs = frames([
      { tS: 1, stroke: true },
      { tS: 3.5, stroke: true },
      { tS: 6, stroke: true, strokeRate: 25 },
    ]);
    expect(fs.find((f) => f.t === 1000)!.strokeRate).toBe(24); // 60 / 2.5 s
    expect(fs.find((f) => f.t === 6000)!.strokeRate).toBe(25); // the file's own
  });

  it('fills a gap at 1 Hz: the last values with the count frozen, then zeros for rate, pace and power after 5 s; distance and HR held', () => {
    const fs = frames([
      { tS: 0, stroke: true, strokeRate: 30, powerW: 250, distanceM: 5, heartRate: 150 },
      { tS: 12, stroke: true, strokeRate: 30, powerW: 250, distanceM: 10, heartRate: 140 },
    ]);
    const idle = fs.filter((f) => f.t > 0 && f.t < 12_000);
    expect(idle.map((f) => f.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((s) => s * 1000));
    for (const f of idle) expect(f).toMatchObject({ strokeCount: 1, distanceM: 5, heartRate: 150 });
    expect(idle.filter((f) => f.t <= IDLE_AFTER_S * 1000).every((f) => f.powerW === 250 && f.strokeRate === 30)).toBe(true);
    expect(idle.filter((f) => f.t > IDLE_AFTER_S * 1000).every((f) => f.powerW === 0 && f.strokeRate === 0 && f.paceS500 === 0)).toBe(true);
  });

  it('makes up nothing for a lost link, and ends with a 15-s idle tail', () => {
    const fs = frames([
      { tS: 0, stroke: true, strokeRate: 30, powerW: 250 },
      { tS: 12, stroke: true, strokeRate: 30, powerW: 250, linkLostBefore: true },
    ]);
    expect(fs.filter((f) => f.t > 0 && f.t < 12_000)).toEqual([]);
    const tail = fs.filter((f) => f.t > 12_000);
    expect(tail.length).toBe(TAIL_S);
    expect(tail.every((f) => f.strokeCount === 2)).toBe(true);
  });

  it('a sampled row sets the count the file (or the rate) says', () => {
    const fs = frames([
      { tS: 0, stroke: false, strokes: 0, strokeRate: 30, powerW: 200 },
      { tS: 1, stroke: true, strokes: 1, strokeRate: 30, powerW: 200 },
      { tS: 2, stroke: false, strokes: 1, strokeRate: 30, powerW: 200 },
    ]);
    expect(fs.slice(0, 3).map((f) => f.strokeCount)).toEqual([0, 1, 1]);
  });

  it('a strap\u2019s heart rate goes as Heart Rate Measurement frames at the row\u2019s time, not in Rower Data', () => {
    const items = rowsToFrames([{ tS: 1, stroke: true, strokeRate: 20, powerW: 150, heartRate: 131 }], 'r', 'strap');
    const hr = items.filter((f) => f.char === '2a37');
    expect(hr.map((f) => [f.t, decodeHeartRate(f.bytes).heartRate])).toEqual([[1000, 131]]);
    expect(rowerData(items).every((f) => f.heartRate === undefined)).toBe(true);
  });
});
