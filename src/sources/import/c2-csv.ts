/**
 * Concept2 Logbook stroke CSV (log.concept2.com, "Export stroke data"): `"Number","Time (seconds)",
 * "Distance (meters)","Pace (seconds)","Watts","Cal/Hr","Stroke Rate","Heart Rate"`, pace in
 * s/500 m. In interval workouts time and distance restart with each work interval and the rests
 * are not in the file: the intervals are chained end to end (the rests' length is unknown).
 */
import { RestartChain } from './chain.js';
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';

const NAME = 'Concept2 Logbook CSV';

export function parseC2Csv(text: string): ImportedSession {
  const rows = csvRows(text);
  const col = columns(rows[0] ?? fail('EMPTY', 'the file is empty'));
  const cTime = required(col, 'Time (seconds)', NAME);
  const cDist = col('Distance (meters)');
  const cPace = col('Pace (seconds)');
  const cWatts = col('Watts');
  const cRate = col('Stroke Rate');
  const cHr = col('Heart Rate');
  const time = new RestartChain();
  const distance = new RestartChain();
  const out: ImportedRow[] = [];
  for (const r of rows.slice(1)) {
    const n = (c: number): number | undefined => (c < 0 ? undefined : num(r[c]));
    const tS = time.push(n(cTime));
    if (tS === undefined) continue;
    const row: ImportedRow = { tS, stroke: true };
    const d = distance.push(n(cDist));
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: n(cPace), powerW: n(cWatts), strokeRate: n(cRate), heartRate: n(cHr) });
    out.push(row);
  }
  return { format: 'c2-csv', device: 'Concept2 (Logbook)', rows: out, heartRateFrom: 'console' };
}
