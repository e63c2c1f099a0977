/**
 * The items that flow between the pipeline's per-rower operators. Each operator handles the
 * kinds it owns and forwards every other kind untouched, so later stages still see samples and
 * data-time ticks (heartbeats) in order. Times are ms of data time.
 */
import type { Interval, SessionSummary } from '../analysis/types.js';
import type { RowerEvent } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import type { PhaseEvent, PlanProgress } from './session-state.js';

/** One rowing stroke, detected from the Stroke Count or from changes in the (power, rate) tuple. */
export interface StrokeEvent {
  /** when the stroke was observed (its sample's data time), ms */
  t: number;
  /** estimated catch of this stroke, ms (t − period, clamped to the previous stroke) */
  catchT: number;
  /** stroke period, ms (from stroke timing when available, else from the rate field) */
  periodMs: number;
  /** reported power, W; absent for zeros (no information) and spikes */
  powerW?: number;
  /** best stroke-rate estimate, spm (rate field when trusted, else stroke timing) */
  strokeRate?: number;
  /** false when the rate field looks frozen (PM5 during rest, JOROTO 66 spm) */
  rateTrusted: boolean;
  /**
   * set when notifications were lost just before this stroke: the data time by which it would
   * have been seen without the loss, ms (< t). The silence after it was never observed.
   */
  seenT?: number;
}

/** A settled effort: `work` when long enough to be an interval, otherwise a `surge`. */
export interface Segment {
  kind: 'work' | 'surge';
  /** backdated catch of the first hard stroke, ms */
  start: number;
  /** last hard stroke, ms */
  end: number;
}

export type PipeItem =
  | { type: 'sample'; sample: Sample }
  | { type: 'tick'; t: number }
  | { type: 'rower-event'; event: RowerEvent }
  | { type: 'stroke'; stroke: StrokeEvent }
  | { type: 'idle'; t: number; since: number }
  | { type: 'phase'; phase: PhaseEvent }
  | { type: 'segment'; segment: Segment }
  /** the final interval boundaries of the whole session (stats still empty) */
  | { type: 'final-bounds'; intervals: Interval[] }
  /** the final intervals with their statistics, before verdicts */
  | { type: 'final-intervals'; intervals: Interval[] }
  /** the final intervals with their final verdicts: the revision displays apply */
  | { type: 'intervals'; intervals: Interval[] }
  | { type: 'bounds'; interval: Interval }
  | { type: 'interval'; interval: Interval }
  | { type: 'summary'; summary: SessionSummary }
  | { type: 'plan'; plan: PlanProgress };
