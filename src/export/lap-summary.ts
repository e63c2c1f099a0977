/**
 * Per-lap and per-session totals from the timeline, the numbers every format writes. Averages of
 * power, stroke rate and heart rate are the analysis's own interval statistics where it has them
 * (energy ÷ time, as `analyze` reports), else record means; totals (time, distance, strokes) come
 * from the records, so a file's totals always match its records.
 */
import type { ExportRecord } from './records.js';
import { pausedMs, recordsIn, type ExportSegment, type Timeline } from './timeline.js';

export interface LapTotals {
  startMs: number;
  endMs: number;
  elapsedS: number;
  timerS: number;
  distanceM: number;
  strokes: number;
  avgPowerW?: number;
  maxPowerW?: number;
  avgStrokeRate?: number;
  maxStrokeRate?: number;
  avgHeartRate?: number;
  maxHeartRate?: number;
  minHeartRate?: number;
  avgSpeedMps?: number;
  maxSpeedMps?: number;
  /** J */
  workJ?: number;
  /** kcal, when the console counts energy */
  energyKcal?: number;
}

const mean = (xs: number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);
// reduce, not Math.max(...xs): a long session has more records than a call may take arguments
const max = (xs: number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => (b > a ? b : a)));
const min = (xs: number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => (b < a ? b : a)));
const values = (recs: readonly ExportRecord[], key: 'powerW' | 'strokeRate' | 'heartRate' | 'speedMps'): number[] =>
  recs.flatMap((r) => (r[key] === undefined ? [] : [r[key]]));

/** The latest record at or before `t` (undefined before the first). */
function recordAt(records: readonly ExportRecord[], t: number): ExportRecord | undefined {
  let found: ExportRecord | undefined;
  for (const r of records) {
    if (r.t > t) break;
    found = r;
  }
  return found;
}

function totalsOver(tl: Timeline, startMs: number, endMs: number, recs: readonly ExportRecord[]): LapTotals {
  const elapsedS = (endMs - startMs) / 1000;
  const timerS = elapsedS - pausedMs(tl.pauses, startMs, endMs) / 1000;
  const first = recordAt(tl.records, startMs);
  const last = recordAt(tl.records, endMs);
  const distanceM = (last?.distanceM ?? 0) - (first?.distanceM ?? 0);
  const out: LapTotals = { startMs, endMs, elapsedS, timerS, distanceM, strokes: (last?.strokes ?? 0) - (first?.strokes ?? 0) };
  if (last?.energyKcal !== undefined) out.energyKcal = last.energyKcal - (first?.energyKcal ?? 0);
  const set = <K extends keyof LapTotals>(k: K, v: LapTotals[K] | undefined): void => {
    if (v !== undefined) out[k] = v;
  };
  set('avgPowerW', mean(values(recs, 'powerW')));
  set('maxPowerW', max(values(recs, 'powerW')));
  set('avgStrokeRate', mean(values(recs, 'strokeRate')));
  set('maxStrokeRate', max(values(recs, 'strokeRate')));
  set('avgHeartRate', mean(values(recs, 'heartRate')));
  set('maxHeartRate', max(values(recs, 'heartRate')));
  set('minHeartRate', min(values(recs, 'heartRate')));
  set('maxSpeedMps', max(values(recs, 'speedMps')));
  if (timerS > 0 && distanceM > 0) out.avgSpeedMps = distanceM / timerS;
  return out;
}

/** Totals of one lap (segment). */
export function lapTotals(tl: Timeline, seg: ExportSegment): LapTotals {
  const out = totalsOver(tl, seg.startMs, seg.endMs, recordsIn(tl, seg));
  const s = seg.interval?.stats;
  if (s?.avgPowerW !== undefined) out.avgPowerW = s.avgPowerW;
  if (s?.avgStrokeRate !== undefined) out.avgStrokeRate = s.avgStrokeRate;
  if (s?.avgHeartRate !== undefined) out.avgHeartRate = s.avgHeartRate;
  if (out.avgPowerW !== undefined) out.workJ = out.avgPowerW * out.timerS;
  return out;
}

/** Totals of the whole session; average power is total work ÷ timer time. */
export function sessionTotals(tl: Timeline, laps: readonly LapTotals[]): LapTotals {
  const out = totalsOver(tl, tl.startMs, tl.endMs, tl.records);
  const work = laps.reduce((a, l) => a + (l.workJ ?? 0), 0);
  if (laps.some((l) => l.workJ !== undefined)) {
    out.workJ = work;
    if (out.timerS > 0) out.avgPowerW = work / out.timerS;
  }
  return out;
}
