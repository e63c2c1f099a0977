/**
 * BoatCoach CSV (Concept2 PM through the BoatCoach app): about one row a second, the last stroke's
 * values repeated between strokes, an optional title line ("Workout data for: …") above the header.
 * A stroke is a row where `strokeCount` changes (its time known to about ±1 s); rows that repeat
 * the last stroke are left out (idle notifications stand for them), and so is a closing summary
 * row whose count goes back to 0. Time = `DateTime` − the first row's. `workDistance` counts down
 * in fixed-distance workouts ("FixedDistance…"): distance = the first row's value − this one's.
 * Pace `stroke500MPace` is a clock ("0:02:09").
 */
import { RestartChain } from './chain.js';
import { clockS, columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

const NAME = 'BoatCoach CSV';

export function parseBoatCoachCsv(text: string): ImportedSession {
  const rows = csvRows(text);
  const headerAt = rows.findIndex((r) => r[0] === 'DateTime' && r[1] === 'workoutType');
  const header = headerAt >= 0 ? rows[headerAt]! : fail('BAD_FILE', `not a ${NAME} file: no "DateTime,workoutType" header`);
  const col = columns(header);
  const cTime = required(col, 'DateTime', NAME);
  const cCount = required(col, 'strokeCount', NAME);
  const cType = col('workoutType');
  const cDist = col('workDistance');
  const cRate = col('strokeRate');
  const cHr = col('currentHeartRate');
  const cPace = col('stroke500MPace');
  const cPower = col('strokePower');
  const out: ImportedRow[] = [];
  let t0: number | undefined;
  let lastCount = 0;
  let firstDist: number | undefined;
  const chain = new RestartChain();
  for (const r of rows.slice(headerAt + 1)) {
    const ms = Date.parse(r[cTime] ?? '');
    const count = num(r[cCount]);
    if (!Number.isFinite(ms) || count === undefined) continue;
    t0 ??= ms;
    const countsDown = (r[cType] ?? '').startsWith('FixedDistance');
    const raw = num(r[cDist]);
    firstDist ??= raw;
    const d = raw === undefined ? undefined : countsDown ? (firstDist ?? raw) - raw : chain.push(raw);
    if (count <= lastCount) continue;
    lastCount = count;
    const row: ImportedRow = { tS: (ms - t0) / 1000, stroke: true };
    if (d !== undefined) row.distanceM = d;
    putReadings(row, { paceS500: clockS(r[cPace]), powerW: num(r[cPower]), strokeRate: num(r[cRate]), heartRate: num(r[cHr]) });
    out.push(row);
  }
  const s: ImportedSession = { format: 'boatcoach-csv', device: 'Concept2 PM via BoatCoach', rows: out, heartRateFrom: 'console' };
  if (t0 !== undefined) {
    const iso = isoTime(t0);
    if (iso !== undefined) s.startedAt = iso;
  }
  return s;
}
