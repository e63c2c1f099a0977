/**
 * One complete, normalised Rower Data record (fragments merged, sentinels removed).
 * A field is absent when the machine did not send it or sent "not available" — never 0 for unknown.
 */
export interface Sample {
  /** data time, ms */
  t: number;
  rower: string;
  powerW?: number;
  /** strokes per minute */
  strokeRate?: number;
  /** cumulative strokes since the session start (wraps and console resets already undone) */
  strokeCount?: number;
  /** cumulative metres since the session start (console resets undone) */
  distanceM?: number;
  /** seconds per 500 m */
  paceS500?: number;
  /** bpm */
  heartRate?: number;
  /** cumulative kcal since the session start */
  energyKcal?: number;
  /** console's elapsed time, s */
  elapsedS?: number;
}
