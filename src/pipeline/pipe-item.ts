/**
 * The items that flow between the pipeline's per-rower operators. Each operator handles the
 * kinds it owns and forwards every other kind untouched, so later stages still see samples and
 * data-time ticks (heartbeats) in order. Times are ms of data time.
 */
import type { Interval, SessionSummary } from '../analysis/types.js';
import type { RowerEvent } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import type { PhaseEvent, PlanProgress } from './session-state.js';
import type { Segment, StrokeEvent } from '../detect/types.js';

export type { Segment, StrokeEvent } from '../detect/types.js';

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
