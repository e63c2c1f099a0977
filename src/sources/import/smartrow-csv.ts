/**
 * SmartRow CSV (WaterRower + SmartRow): one row per stroke, `Stroke (#)`, `Second (#)` (whole
 * seconds since the start), `Distance (m)`, `Actual power (W)`, `Actual split (s)` (s/500 m),
 * `Stroke rate (SPM)`, `Heart rate (bpm)`; newer exports add `Timestamp (UTC)`. The app writes
 * commas, or semicolons with decimal commas ("18,8"). The first 1–3 strokes carry no power, split
 * or rate (blank): unknown, not 0; a row without a time cannot be placed and is left out.
 */
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

const NAME = 'SmartRow CSV';

/** Does this header line look like a SmartRow export? */
export const isSmartRowHeader = (line: string): boolean => /^Stroke \(#\)[,;]Second \(#\)/.test(line);

export function parseSmartRowCsv(text: string): ImportedSession {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const semicolon = firstLine.includes(';');
  const rows = csvRows(text, semicolon ? ';' : ',');
  const header = rows[0] ?? fail('EMPTY', 'the file is empty');
  const col = columns(header);
  const cSecond = required(col, 'Second (#)', NAME);
  const cDist = required(col, 'Distance (m)', NAME);
  const cPower = col('Actual power (W)');
  const cSplit = col('Actual split (s)');
  const cRate = col('Stroke rate (SPM)');
  const cHr = col('Heart rate (bpm)');
  const cStamp = col('Timestamp (UTC)');
  const out: ImportedRow[] = [];
  let startedAt: string | undefined;
  for (const r of rows.slice(1)) {
    const n = (i: number): number | undefined => (i < 0 ? undefined : num(r[i], semicolon));
    const tS = n(cSecond);
    if (tS === undefined) continue;
    if (startedAt === undefined && cStamp >= 0) {
      const ms = Date.parse(r[cStamp] ?? '');
      if (Number.isFinite(ms)) {
        const iso = isoTime(ms - tS * 1000);
        if (iso !== undefined) startedAt = iso;
      }
    }
    const row: ImportedRow = { tS, stroke: true };
    const d = n(cDist);
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: n(cSplit), powerW: n(cPower), strokeRate: n(cRate), heartRate: n(cHr) });
    out.push(row);
  }
  const s: ImportedSession = { format: 'smartrow-csv', device: 'WaterRower + SmartRow', rows: out, heartRateFrom: 'console' };
  if (startedAt !== undefined) s.startedAt = startedAt;
  return s;
}
