/** Types shared by the analysis, the pipeline, the server and the display. Times are ms of data time. */

export type IntervalKind = 'warmup' | 'work' | 'rest' | 'cooldown';

export interface IntervalStats {
  durationS: number;
  distanceM?: number;
  strokes?: number;
  /** energy ÷ time, W */
  avgPowerW?: number;
  /** best 3-stroke mean power, W */
  peakPowerW?: number;
  avgStrokeRate?: number;
  avgHeartRate?: number;
  /** peak heart rate within [start, end + 30 s] */
  peakHeartRate?: number;
  avgPaceS500?: number;
}

export interface Reason {
  code: string;
  pass: boolean;
  value: number | null;
  threshold: number | null;
  /** what the athlete reads: plain words that name the numbers */
  message: string;
}

export type VerdictKind =
  | 'all-out'
  | 'all-out-paced'
  | 'fatigued-all-out'
  | 'held-back'
  | 'close'
  | 'below'
  | 'inconclusive';

export interface Verdict {
  /** null = cannot tell */
  allOut: boolean | null;
  /** 0..100 */
  score: number;
  kind: VerdictKind;
  reasons: Reason[];
}

export interface Interval {
  rower: string;
  /** 1-based; work and rest intervals are numbered separately (rest n follows work n) */
  index: number;
  kind: IntervalKind;
  /** ms of data time */
  start: number;
  end: number;
  stats: IntervalStats;
  verdict?: Verdict;
}

/** Session-level reading of the main set. */
export interface SessionSummary {
  /** percentage decrement score over the main set, % */
  decrementPct?: number;
  decrementReading?: string;
  sprints: number;
  allOut: number;
  notes: string[];
}
