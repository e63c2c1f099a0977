/**
 * What every import parser produces: one session of timed rows, each a stroke or a sample, with
 * only the values the file holds (absent = unknown, never 0). Times are seconds on one session
 * timeline (clock restarts and missing rests already put end to end by the parser).
 */
import type { ImportFormat } from './formats.js';

/** One stroke (or one ~1 Hz sample) of an imported file. */
export interface ImportedRow {
  /** seconds since the session start (t = 0) */
  tS: number;
  /** true: a stroke row (the stroke counter advances); false: a sample row between strokes */
  stroke: boolean;
  /** the session's stroke count at this row when the file says it (else counted from stroke rows) */
  strokes?: number;
  /** cumulative distance since the session start, m (restarts already chained) */
  distanceM?: number;
  powerW?: number;
  paceS500?: number;
  strokeRate?: number;
  heartRate?: number;
  /**
   * the gap before this row is a lost link, not a stop: the monitor's own stroke counter advanced
   * while no row came (Bluetooth drop-out). No idle notifications are made up for it.
   */
  linkLostBefore?: boolean;
}

/** One parsed file. */
export interface ImportedSession {
  format: ImportFormat;
  /** ISO-8601 UTC time of t = 0 when the file says it */
  startedAt?: string;
  /** what rowed: machine and app, as the file names them */
  device: string;
  rows: ImportedRow[];
  /**
   * where the heart rate came from: 'console' (the monitor's own reading, sent in Rower Data) or
   * 'strap' (a chest strap the watch or app paired: sent as Heart Rate Measurement 0x2A37 frames)
   */
  heartRateFrom: 'console' | 'strap';
}
