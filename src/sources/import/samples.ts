/**
 * Time-sampled sources (FIT records, TCX trackpoints: about one a second, not one a stroke) →
 * rows. The file has no stroke times, so the stroke count is what a console would count at that
 * rate: the stroke rate integrated over time (or the file's own cumulative count, FIT
 * `total_cycles`, where it has one). A row where the count advances is a stroke row. A sampled
 * 0 W or 0 spm is kept (the device measured "not rowing"); a heart rate of 0 is no reading.
 */
import type { ImportedRow } from './types.js';

export interface TimedSample {
  /** ms since the epoch */
  ms: number;
  distanceM?: number;
  powerW?: number;
  speedMps?: number;
  strokeRate?: number;
  heartRate?: number;
  /** the file's cumulative stroke count */
  strokes?: number;
}

/** Longest step over which the stroke rate is integrated, s (a longer gap is a pause: no strokes). */
const MAX_STEP_S = 5;

/** Samples (any order) → rows on a timeline starting at the first sample; `t0Ms` is its time. */
export function samplesToRows(samples: readonly TimedSample[]): { rows: ImportedRow[]; t0Ms: number | undefined } {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const t0Ms = sorted[0]?.ms;
  const rows: ImportedRow[] = [];
  let counted = 0;
  let lastCount = 0;
  let prev: TimedSample | undefined;
  for (const s of sorted) {
    if (s.strokes === undefined && prev !== undefined && s.strokeRate !== undefined) {
      const dt = (s.ms - prev.ms) / 1000;
      if (dt > 0 && dt <= MAX_STEP_S) counted += (s.strokeRate * dt) / 60;
    }
    const count = s.strokes ?? Math.floor(counted);
    const row: ImportedRow = { tS: (s.ms - t0Ms!) / 1000, stroke: count > lastCount, strokes: count };
    lastCount = Math.max(lastCount, count);
    if (s.distanceM !== undefined) row.distanceM = s.distanceM;
    // a sampled 0 W or 0 spm is a reading (not rowing), unlike a per-stroke export's blank
    if (s.powerW !== undefined && s.powerW >= 0) row.powerW = s.powerW;
    if (s.speedMps !== undefined && s.speedMps > 0) row.paceS500 = 500 / s.speedMps;
    if (s.strokeRate !== undefined && s.strokeRate >= 0) row.strokeRate = s.strokeRate;
    if (s.heartRate !== undefined && s.heartRate > 0) row.heartRate = s.heartRate;
    rows.push(row);
    prev = s;
  }
  return { rows, t0Ms };
}
