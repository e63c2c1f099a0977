/**
 * Concept2 PM per-stroke CSV with a piece summary on top (the app is not named in the file):
 * `Date,Piece,Distance,Split,Watts,…` and its row ("2021-04-26 06:37:32 -07:00,15',…"), then
 * `Stroke #,Time,Distance,Split,Watts,Stroke Rate,Drag Factor,Stroke Length,HR,…`, one row per
 * stroke; Time and Split are clocks ("0:04.7", "2:07.8" per 500 m), a blank stroke rate is unknown.
 */
import { RestartChain } from './chain.js';
import { clockS, columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

const NAME = 'PM stroke CSV';

export function parsePmCsv(text: string): ImportedSession {
  const rows = csvRows(text);
  const headerAt = rows.findIndex((r) => r[0] === 'Stroke #');
  const header = headerAt >= 0 ? rows[headerAt]! : fail('BAD_FILE', `not a ${NAME} file: no "Stroke #" header`);
  const col = columns(header);
  const cTime = required(col, 'Time', NAME);
  const cDist = col('Distance');
  const cSplit = col('Split');
  const cWatts = col('Watts');
  const cRate = col('Stroke Rate');
  const cHr = col('HR');
  const time = new RestartChain();
  const out: ImportedRow[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const tS = time.push(clockS(r[cTime]));
    if (tS === undefined) continue;
    const row: ImportedRow = { tS, stroke: true };
    const d = cDist < 0 ? undefined : num(r[cDist]);
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: clockS(r[cSplit]), powerW: num(r[cWatts]), strokeRate: num(r[cRate]), heartRate: num(r[cHr]) });
    out.push(row);
  }
  const s: ImportedSession = { format: 'pm-csv', device: 'Concept2 PM', rows: out, heartRateFrom: 'console' };
  const summary = rows.slice(0, Math.max(0, headerAt)).find((_r, i, all) => all[i - 1]?.[0] === 'Date');
  const startMs = summary ? parseZonedDate(summary[0] ?? '') : NaN;
  if (Number.isFinite(startMs)) {
    const iso = isoTime(startMs);
    if (iso !== undefined) s.startedAt = iso;
  }
  return s;
}

/** "2021-04-26 06:37:32 -07:00" → ms since the epoch (NaN when not of that form). */
function parseZonedDate(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2}:\d{2})$/.exec(s.trim());
  return m ? Date.parse(`${m[1]}T${m[2]}${m[3]}`) : NaN;
}
