/**
 * An imported session → the raw notifications a console would have sent: Rower Data (0x2AD1)
 * frames built with our own encoder (src/ftms/rower-data.ts), so an import is analysed by exactly
 * the decode-and-analysis path a live rower takes.
 *
 * - One notification per row (stroke or sample) with the fields the row holds: stroke rate and
 *   count, total distance, instantaneous pace and power, heart rate, elapsed time. Unknown fields
 *   are left out of the flags. Missing power comes from pace (P = 2.80/(pace/500)³, src/rowing),
 *   missing pace from power.
 * - Between rows more than a second apart the console goes on notifying at 1 Hz, as real ones do:
 *   the last values with the stroke count frozen, and after `IDLE_AFTER_S` without a row zeros
 *   for rate, pace and power (no strokes = 0 W); distance and heart rate are held. A gap the
 *   parser marked `linkLostBefore` (the monitor counted strokes nobody received) gets no frames:
 *   lost notifications, not a stop.
 * - After the last row, `TAIL_S` of idle notifications (the console notices the rower stopped).
 * - A strap's heart rate (`heartRateFrom: 'strap'`: FIT, TCX) goes as Heart Rate Measurement
 *   (0x2A37) frames, one per row that has a reading (src/ftms/heart-rate.ts), not in Rower Data.
 */
import type { Frame } from '../../ftms/frame.js';
import { encodeHeartRate } from '../../ftms/heart-rate.js';
import { encodeRowerData, type RowerDataFields } from '../../ftms/rower-data.js';
import { HEART_RATE_MEASUREMENT, ROWER_DATA } from '../../ftms/uuids.js';
import { paceFromPower, powerFromPace } from '../../rowing/power.js';
import type { ImportedRow } from './types.js';

/** Seconds without a row after which the console reads as stopped (the realdata conversion's rule: > 5 s). */
export const IDLE_AFTER_S = 5;
/** Idle notifications after the last row, s (as the realdata recordings end). */
export const TAIL_S = 15;
/** A stroke rate the file lacks is taken from the time to the neighbouring stroke only up to this gap, s. */
const MAX_STROKE_GAP_S = 10;

/** The frames of one rower for `rows` (sorted by time; t = 0 at the session start). */
export function rowsToFrames(rows: readonly ImportedRow[], rower: string, heartRateFrom: 'console' | 'strap' = 'console'): Frame[] {
  const frames: Frame[] = [];
  const at = (tS: number): number => Math.max(0, Math.round(tS * 1000));
  const frame = (tS: number, fields: RowerDataFields): void => {
    frames.push({ kind: 'frame', t: at(tS), rower, char: ROWER_DATA, bytes: encodeRowerData(fields) });
  };
  const strokeTimes = rows.filter((r) => r.stroke).map((r) => r.tS);
  let strokeIndex = -1;
  let strokes = 0;
  let last: RowerDataFields | undefined;
  let lastS = 0;

  const idleUntil = (untilS: number): void => {
    if (last === undefined) return;
    for (let s = lastS + 1; s < untilS - 0.001; s += 1) {
      const stopped = s - lastS > IDLE_AFTER_S;
      const held: RowerDataFields = { ...last, elapsedS: Math.round(s) };
      if (stopped) {
        held.strokeRate = 0;
        if (held.paceS500 !== undefined) held.paceS500 = 0;
        if (held.powerW !== undefined) held.powerW = 0;
      }
      frame(s, held);
    }
  };

  for (const row of rows) {
    if (!row.linkLostBefore) idleUntil(row.tS);
    if (row.stroke) {
      strokeIndex++;
      strokes++;
    }
    if (row.strokes !== undefined) strokes = row.strokes;
    const power = row.powerW ?? (row.paceS500 !== undefined ? powerFromPace(row.paceS500) : undefined);
    const pace = row.paceS500 ?? (row.powerW !== undefined && row.powerW > 0 ? paceFromPower(row.powerW) : undefined);
    const fields: RowerDataFields = { strokeRate: row.strokeRate ?? derivedRate(strokeTimes, strokeIndex), strokeCount: strokes };
    if (row.distanceM !== undefined) fields.distanceM = row.distanceM;
    if (pace !== undefined) fields.paceS500 = pace;
    if (power !== undefined) fields.powerW = power;
    if (row.heartRate !== undefined && heartRateFrom === 'console') fields.heartRate = row.heartRate;
    fields.elapsedS = Math.round(row.tS);
    frame(row.tS, fields);
    if (row.heartRate !== undefined && heartRateFrom === 'strap') {
      frames.push({ kind: 'frame', t: at(row.tS), rower, char: HEART_RATE_MEASUREMENT, bytes: encodeHeartRate({ heartRate: row.heartRate, contactSupported: true, contactDetected: true }) });
    }
    last = fields;
    lastS = row.tS;
  }
  idleUntil(lastS + TAIL_S + 1);
  return frames;
}

/** Stroke rate from the time to the neighbouring stroke (the file gave none), spm; 0 when there is none near. */
function derivedRate(times: readonly number[], i: number): number {
  const t = times[i];
  if (t === undefined) return 0;
  const before = i > 0 ? t - times[i - 1]! : Infinity;
  const after = i + 1 < times.length ? times[i + 1]! - t : Infinity;
  const dt = Math.min(before, after);
  return dt > 0 && dt <= MAX_STROKE_GAP_S ? 60 / dt : 0;
}
