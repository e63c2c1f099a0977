/**
 * The per-stroke columns rowingdata (rowsandall.com) writes and Painsled's "strokes" export shares:
 * `TimeStamp (sec)` (Unix seconds), `ElapsedTime (sec)`, `Horizontal (meters)`,
 * `Stroke500mPace (sec/500m)`, `Cadence (stokes/min)` (their spelling), `HRCur (bpm)`,
 * `Power (watts)`, and the monitor's `StrokeCount` where there is one.
 *
 * Quirks: `ElapsedTime` and `Horizontal` restart per lap (time is taken from the wall clock,
 * distance is chained). A gap in which the monitor's own stroke counter advanced by 2 or more while
 * its clock kept pace with the wall clock is a Bluetooth drop-out (the monitor rowed on, the app
 * heard nothing): marked `linkLostBefore`, so no idle notifications are made up for it.
 */
import { RestartChain } from './chain.js';
import { columns, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

/** A gap shorter than this is a stroke, not a drop-out or a stop, s. */
const GAP_S = 5;
/** How closely the monitor's clock must follow the wall clock over a gap for it to be a drop-out, s. */
const CLOCK_SLACK_S = 2;

/** Parse the rows (header first) of a file with rowingdata's columns. */
export function parseRowingdataColumns(rows: string[][], name: string): Omit<ImportedSession, 'format' | 'device' | 'heartRateFrom'> {
  const headerAt = rows.findIndex((r) => r.some((c) => c === 'TimeStamp (sec)'));
  const header = headerAt >= 0 ? rows[headerAt]! : fail('BAD_FILE', `not a ${name} file: no "TimeStamp (sec)" column`);
  const col = columns(header);
  const cTime = required(col, 'TimeStamp (sec)', name);
  const cElapsed = col('ElapsedTime (sec)');
  const cDist = col('Horizontal (meters)');
  const cPace = col('Stroke500mPace (sec/500m)');
  const cRate = col('Cadence (stokes/min)') >= 0 ? col('Cadence (stokes/min)') : col('Cadence (strokes/min)');
  const cHr = col('HRCur (bpm)');
  const cPower = col('Power (watts)');
  const cCount = col('StrokeCount');
  const distance = new RestartChain();
  const out: ImportedRow[] = [];
  let t0: number | undefined;
  let prev: { time: number; elapsed: number | undefined; count: number | undefined } | undefined;
  for (const r of rows.slice(headerAt + 1)) {
    const n = (i: number): number | undefined => (i < 0 ? undefined : num(r[i]));
    const time = n(cTime);
    if (time === undefined) continue;
    t0 ??= time;
    const elapsed = n(cElapsed);
    const count = n(cCount);
    const row: ImportedRow = { tS: time - t0, stroke: true };
    if (prev !== undefined && time - prev.time > GAP_S && count !== undefined && prev.count !== undefined && count - prev.count >= 2) {
      const clockKeptPace = elapsed !== undefined && prev.elapsed !== undefined && elapsed > prev.elapsed && Math.abs(elapsed - prev.elapsed - (time - prev.time)) <= CLOCK_SLACK_S;
      if (clockKeptPace) row.linkLostBefore = true;
    }
    prev = { time, elapsed, count };
    const d = distance.push(n(cDist));
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: n(cPace), powerW: n(cPower), strokeRate: n(cRate), heartRate: n(cHr) });
    out.push(row);
  }
  const s: Omit<ImportedSession, 'format' | 'device' | 'heartRateFrom'> = { rows: out };
  if (t0 !== undefined) {
    const iso = isoTime(t0 * 1000);
    if (iso !== undefined) s.startedAt = iso;
  }
  return s;
}
