/**
 * ErgData CSV (Concept2's app): one row per stroke, `"Stroke Number","Time (seconds)",
 * "Distance (meters)","Pace (seconds per 500m","Stroke Rate","Heart Rate"` (the header's bracket
 * is missing in the app's export). No power column: power comes from pace (to-frames.ts). The first
 * stroke's rate is 0 (unknown).
 */
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';

const NAME = 'ErgData CSV';

export function parseErgDataCsv(text: string): ImportedSession {
  const rows = csvRows(text);
  const col = columns(rows[0] ?? fail('EMPTY', 'the file is empty'));
  const cTime = required(col, 'Time (seconds)', NAME);
  const cDist = col('Distance (meters)');
  const cPace = col('Pace (seconds per 500m') >= 0 ? col('Pace (seconds per 500m') : col('Pace (seconds per 500m)');
  const cRate = col('Stroke Rate');
  const cHr = col('Heart Rate');
  const out: ImportedRow[] = [];
  for (const r of rows.slice(1)) {
    const tS = num(r[cTime]);
    if (tS === undefined) continue;
    const row: ImportedRow = { tS, stroke: true };
    const d = cDist < 0 ? undefined : num(r[cDist]);
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: num(r[cPace]), strokeRate: num(r[cRate]), heartRate: num(r[cHr]) });
    out.push(row);
  }
  return { format: 'ergdata-csv', device: 'Concept2 PM via ErgData', rows: out, heartRateFrom: 'console' };
}
