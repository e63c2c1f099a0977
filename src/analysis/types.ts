/** Types shared by the analysis, the pipeline, the server and the display. Times are ms of data time. */
import type { BandId, ExecutionMode } from './bands.js';

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
  /** 0..100: 75 points for the level (O from 0.70 to 1.00), 25 for the shape (see verdict.ts) */
  score: number;
  kind: VerdictKind;
  /** the number compared (OUTPUT, when a reference exists) and at most two reasons in plain words */
  reasons: Reason[];
  /** the coach's sentence for the athlete */
  message?: string;
  /** a live verdict without a settled reference (shape only, or against today's reps so far); final verdicts never are */
  provisional?: boolean;
  /** 1-based rep number in the main set */
  rep?: number;
  /** duration band (docs/science.md §7.1): A 15–45 s, B 45–90 s, C 90–150 s, D 2.5–8 min, E 8–20 min, F > 20 min */
  band?: BandId;
  /** how the set was judged: every rep all-out, paced for the set, in between, or one piece */
  mode?: ExecutionMode;
  /** MP: energy ÷ time, W */
  meanPowerW?: number;
  /** E_n, W: C(T) × f(n) (REP-MAX), the W′ set target (SET-PACED/MIXED) or C(T) (one piece) */
  expectedPowerW?: number;
  /** O_n = MP_n / E_n */
  ratio?: number;
  reference?: VerdictReference;
  /** every flag as evaluated (raised ones have pass = false), for details and debugging */
  checks?: Reason[];
}

/** The reference a verdict used, as reported. */
export interface VerdictReference {
  powerW: number;
  source: string;
  kind: string;
  /** history: start of the effort it comes from, ms since the epoch */
  dateMs?: number;
  /** history: from the 90-day fallback window (docs/science.md §2.1) */
  stale?: boolean;
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
  /** reps n followed by a rep more than 5 % stronger (n ≥ 2): "had more?" */
  risingReps?: number[];
  /** the last rep beat the mean of the two before it by more than 5 % */
  lastRepSpurt?: boolean;
  /** the reference the final verdicts used */
  reference?: VerdictReference;
  /** the reference is today's reps (no history or declared time); the final verdicts themselves are not provisional */
  provisional?: boolean;
  /** band and execution mode of the main set (its first rep) */
  band?: BandId;
  mode?: ExecutionMode;
  /** paced sets: share of W′ used by the end of the last rep, % (docs/science.md §7.6) */
  wPrimeUsedPct?: number;
}
