/**
 * Painsled CSV, both exports (Concept2 PM through the Painsled app):
 * - raw ("stroke.REVISION, stroke.driveStartMs, …, workout.startMs, …"): one row per PM record;
 *   `stroke.strokeType` 1 rows are not strokes (waiting, rest ticks) and are left out; time =
 *   `stroke.driveStartMs` − the first `workout.startMs`; pace is `stroke.paceSecPer1k` (s/1000 m,
 *   halved); distance `stroke.startWorkoutMeter` restarts with each workout in the file (chained).
 * - strokes ("TimeStamp (sec), activityIdx, lapIdx, …"): the rowingdata columns (rowingdata-columns.ts),
 *   time from the wall-clock `TimeStamp (sec)`, so laps whose `ElapsedTime` restarts stay in place.
 */
import { RestartChain } from './chain.js';
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import { parseRowingdataColumns } from './rowingdata-columns.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

const NAME = 'Painsled CSV';

export function parsePainsledCsv(text: string): ImportedSession {
  const rows = csvRows(text);
  const header = rows[0] ?? fail('EMPTY', 'the file is empty');
  if ((header[0] ?? '').startsWith('stroke.REVISION')) return parseRaw(header, rows.slice(1));
  return { ...parseRowingdataColumns(rows, NAME), format: 'painsled-csv', device: 'Concept2 PM via Painsled', heartRateFrom: 'console' };
}

/** Rows with `stroke.strokeType` 1 are the PM's non-stroke records (not sent as strokes). */
const NOT_A_STROKE = 1;

function parseRaw(header: string[], body: string[][]): ImportedSession {
  const col = columns(header);
  const cDrive = required(col, 'stroke.driveStartMs', NAME);
  const cType = required(col, 'stroke.strokeType', NAME);
  const cMeter = required(col, 'stroke.startWorkoutMeter', NAME);
  const cPace = col('stroke.paceSecPer1k');
  const cRate = col('stroke.strokesPerMin');
  const cWatts = col('stroke.watts');
  const cHr = col('stroke.hrBpm');
  const cStart = col('workout.startMs');
  const cModel = col('workout.ergModel');
  let t0: number | undefined;
  let model = '';
  const distance = new RestartChain();
  const out: ImportedRow[] = [];
  for (const r of body) {
    const driveMs = Date.parse(r[cDrive] ?? '');
    if (!Number.isFinite(driveMs)) continue;
    if (t0 === undefined) {
      const start = cStart >= 0 ? Date.parse(r[cStart] ?? '') : NaN;
      t0 = Number.isFinite(start) ? start : driveMs;
    }
    if (model === '' && cModel >= 0) model = r[cModel] ?? '';
    const d = distance.push(num(r[cMeter]));
    if (num(r[cType]) === NOT_A_STROKE) continue;
    const row: ImportedRow = { tS: (driveMs - t0) / 1000, stroke: true };
    if (d !== undefined) row.distanceM = d;
    const pacePer1k = num(r[cPace]);
    putReadings(row, { paceS500: pacePer1k === undefined ? undefined : pacePer1k / 2, powerW: num(r[cWatts]), strokeRate: num(r[cRate]), heartRate: num(r[cHr]) });
    out.push(row);
  }
  const s: ImportedSession = { format: 'painsled-csv', device: `${model || 'Concept2 PM'} via Painsled`, rows: out, heartRateFrom: 'console' };
  if (t0 !== undefined) {
    const iso = isoTime(t0);
    if (iso !== undefined) s.startedAt = iso;
  }
  return s;
}
