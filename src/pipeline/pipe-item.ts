/**
 * The items that flow between the pipeline's per-rower operators. Each operator handles the
 * kinds it owns and forwards every other kind untouched, so later stages still see samples and
 * data-time ticks (heartbeats) in order. Times are ms of data time.
 *
 * Provisional and final — the event protocol, in the order a sprint sees it:
 * 1. `phase` (provisional: true) when the live segmenter opens or closes an effort, backdated to
 *    the stroke; label-phases renames it (warm-up, work n, rest n, cool-down) for the display.
 * 2. `bounds` → `interval` → judged `interval` as soon as the effort closes (the verdict ≤ 5 s
 *    after the sprint's end); again when the effort is settled (`segment`: the merge gap has
 *    passed, nothing can join it) with a `phase` (provisional: false); again at end + 30 s with the
 *    heart-rate peak complete. Each replaces the last of the same kind and index downstream.
 * 3. At the end of the data: `final-bounds` (the end-of-session smoother over every stroke) →
 *    `final-intervals` (statistics) → `intervals` (final verdicts) + `summary`. The `intervals`
 *    revision replaces every interval sent before; only it is the analysis (`analyze`, `evaluate`),
 *    and it depends on the strokes alone, so live, 1×, 10× and instant replay agree.
 */
import type { Interval, SessionSummary } from '../analysis/types.js';
import type { RowerEvent } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import type { PhaseEvent, PlanProgress, RepTarget } from '../session/state.js';
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
  /** what the sprint starting now will be judged against (judge.ts, at the work phase's start) */
  | { type: 'target'; target: RepTarget }
  | { type: 'plan'; plan: PlanProgress };
