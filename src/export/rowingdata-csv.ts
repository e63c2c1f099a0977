/**
 * rowingdata CSV (the stroke format of rowsandall.com / rowingdata, also written by
 * openrowingmonitor): one row per detected stroke. The header is the rowingdata one byte for byte
 * as openrowingmonitor writes it (`app/recorders/rowingDataRecorder.js`), typo "stokes" and
 * irregular leading spaces included — parsers key on those exact names (rowingdata `csvparsers.py`)
 * — plus rowingdata's own ` WorkoutState` column (1 work, 3 rest). Unknown values are NaN. Pure.
 */
import type { Sample } from '../ftms/sample.js';
import { paceFromPower } from '../rowing/power.js';
import type { ExportInput } from './export-input.js';
import { distanceBase } from './records.js';
import { timelineOf } from './timeline.js';

/** The header line (no newline). */
export const ROWINGDATA_HEADER =
  ',index, Stroke Number, lapIdx,TimeStamp (sec), ElapsedTime (sec), HRCur (bpm),DistanceMeters, Cadence (stokes/min), Stroke500mPace (sec/500m), Power (watts), StrokeDistance (meters),' +
  ' DriveTime (ms), DriveLength (meters), StrokeRecoveryTime (ms),Speed, Horizontal (meters), Calories (kCal), DragFactor, PeakDriveForce (N), AverageDriveForce (N),' +
  'Handle_Force_(N),Handle_Velocity_(m/s),Handle_Power_(W), WorkoutState';

const fix = (x: number | undefined, digits: number): string => (x === undefined || !Number.isFinite(x) ? 'NaN' : x.toFixed(digits));

/** The CSV text (header + one row per stroke inside the session). Throws ExportError('NO_DATA') when there is nothing to export. */
export function exportRowingDataCsv(input: ExportInput): string {
  const tl = timelineOf(input);
  const t0 = Date.parse(input.startedAt);
  const base = distanceBase(input.samples, tl.startMs) ?? 0;
  const rows: string[] = [ROWINGDATA_HEADER];
  let si = -1;
  let hr: Sample | undefined;
  let seg = 0;
  let prevDist: number | undefined;
  let n = 0;
  let dist = 0;
  for (const st of input.strokes) {
    if (st.t <= tl.startMs || st.t > tl.endMs) continue;
    while (si + 1 < input.samples.length && input.samples[si + 1]!.t <= st.t) {
      si++;
      if (input.samples[si]!.heartRate !== undefined) hr = input.samples[si];
    }
    while (seg + 1 < tl.segments.length && tl.segments[seg]!.endMs < st.t) seg++;
    const s = si >= 0 ? input.samples[si] : undefined;
    n++;
    if (s?.distanceM !== undefined) dist = Math.max(dist, s.distanceM - base);
    const pace = s?.paceS500 !== undefined && s.paceS500 > 0 ? s.paceS500 : st.powerW !== undefined && st.powerW > 0 ? paceFromPower(st.powerW) : undefined;
    const strokeDist = prevDist === undefined ? undefined : dist - prevDist;
    prevDist = dist;
    const kind = tl.segments[seg]!.kind;
    rows.push(
      [
        n,
        n,
        n,
        seg,
        ((t0 + st.t) / 1000).toFixed(3),
        ((st.t - tl.startMs) / 1000).toFixed(3),
        fix(hr !== undefined && st.t - hr.t <= 5000 ? hr.heartRate : undefined, 0),
        dist.toFixed(1),
        fix(st.strokeRate, 1),
        fix(pace, 2),
        fix(st.powerW, 0),
        fix(strokeDist, 2),
        'NaN',
        'NaN',
        'NaN',
        fix(pace === undefined ? undefined : 500 / pace, 2),
        dist.toFixed(1),
        fix(s?.energyKcal, 1),
        'NaN',
        'NaN',
        'NaN',
        'NaN',
        'NaN',
        'NaN',
        kind === 'work' ? 1 : 3,
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
