/**
 * RP3 CSV (RP3 dynamic ergometer): one row per stroke, `workout_interval_id` per segment (work and
 * rest alternate), `time` (s) and `distance` (m) restarting with each segment, `power`,
 * `stroke_rate`, `estimated_500m_time` (s/500 m), `pulse`. The last row of every segment is an end
 * marker (power, rate and pulse 0; time = the segment's duration): it is not a stroke, it places the
 * next segment (segments are put end to end, so a rest with no strokes keeps its length).
 */
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';

const NAME = 'RP3 CSV';

export function parseRp3Csv(text: string): ImportedSession {
  const rows = csvRows(text);
  const header = rows[0] ?? fail('EMPTY', 'the file is empty');
  const col = columns(header);
  const cSeg = required(col, 'workout_interval_id', NAME);
  const cTime = required(col, 'time', NAME);
  const cDist = col('distance');
  const cPower = col('power');
  const cRate = col('stroke_rate');
  const cPace = col('estimated_500m_time');
  const cHr = col('pulse');
  const body = rows.slice(1).filter((r) => num(r[cTime]) !== undefined);
  const out: ImportedRow[] = [];
  let offsetS = 0;
  let offsetM = 0;
  body.forEach((r, i) => {
    const n = (c: number): number | undefined => (c < 0 ? undefined : num(r[c]));
    const time = n(cTime)!;
    const endOfSegment = body[i + 1]?.[cSeg] !== r[cSeg];
    if (endOfSegment) {
      // the end marker: its time and distance are the segment's
      offsetS += time;
      offsetM += n(cDist) ?? 0;
      return;
    }
    const row: ImportedRow = { tS: offsetS + time, stroke: true };
    const d = n(cDist);
    if (d !== undefined) row.distanceM = offsetM + d;
    putReadings(row, { paceS500: n(cPace), powerW: n(cPower), strokeRate: n(cRate), heartRate: n(cHr) });
    out.push(row);
  });
  return { format: 'rp3-csv', device: 'RP3', rows: out, heartRateFrom: 'console' };
}
