/**
 * The per-rower session state the pipeline maintains and the server snapshots for displays.
 * Plain serialisable data (no class instances), so `hello` can send it as it is.
 */
import type { Interval, IntervalKind, SessionSummary, Verdict } from '../analysis/types.js';
import type { Sample } from '../ftms/sample.js';
import type { SourceKind } from '../ftms/frame.js';

export type PhaseKind = IntervalKind | 'idle' | 'paused';

/** A phase started (provisional: may still be retracted or merged; final: settled). */
export interface PhaseEvent {
  rower: string;
  kind: PhaseKind;
  /** backdated start, ms of data time */
  start: number;
  provisional: boolean;
  /** work/rest number this phase will carry, when known */
  index?: number;
}

/** Progress through a workout plan. */
export interface PlanProgress {
  plan: string;
  /** 1-based rep currently running or next; 0 before the first */
  rep: number;
  reps: number;
  /** 'stopped': the plan was stopped (POST /api/workout): displays show no plan and no countdown */
  phase: IntervalKind | 'idle' | 'done' | 'stopped';
  /** ms of data time when the current planned phase should end (for countdowns), if it has a length */
  phaseEndsAt?: number;
}

/**
 * What the next (or running) sprint will be judged against, sent when the rep starts: the expected
 * power E_n of that rep from the same functions the verdict uses, and the verdict's on-target and
 * well-below ratios for its band (analysis/tolerance.ts), so the live indicator and the verdict agree.
 */
export interface RepTarget {
  /** the work interval's index (the detector's, session-wide) */
  rep: number;
  /** data time the target was set, ms */
  t: number;
  /** E_n, W; absent when there is no prior reference yet ("no target yet") */
  powerW?: number;
  /** where the reference comes from ("history", "declared 2k", "reps 1–3"), when there is one */
  source?: string;
  /** O_n = MP/E_n at or above this reads on target */
  onTarget: number;
  /** below this reads well below */
  wellBelow: number;
}

export interface RowerState {
  id: string;
  name: string;
  connected: boolean;
  /** latest data time seen for this rower, ms */
  t: number;
  last?: Sample;
  phase: PhaseEvent | null;
  intervals: Interval[];
  plan?: PlanProgress;
  summary?: SessionSummary;
  /** athlete bound to this rower (`--athlete`, PUT /api/rowers/:id, an `athlete` recording event) */
  athlete?: string;
  /** the rower's current or last session (session lifecycle); absent before its first stroke */
  session?: { state: 'started' | 'ended'; t: number; id?: string };
  /** the live target of the running or next sprint */
  target?: RepTarget;
}

export interface SessionSnapshot {
  /** ISO-8601 start of the session (recording header's startedAt) */
  startedAt: string;
  source: SourceKind;
  rowers: RowerState[];
}

export type { SessionSummary, Verdict };

/**
 * What the session pipeline emits, in data-time order. The WebSocket feed sends each one as a
 * message of the same `type` (plus `hello` with a full snapshot on connect).
 */
export type SessionEvent =
  /** connection state and names; `athlete` when one is bound (a `name` set by people wins over the advertised one) */
  | { type: 'rower'; rower: string; name: string; connected: boolean; t: number; athlete?: string }
  | { type: 'sample'; rower: string; sample: Sample }
  | { type: 'phase'; phase: PhaseEvent }
  | { type: 'interval'; interval: Interval }
  /**
   * Revision: the rower's whole list of intervals, replacing every interval sent before. Sent once
   * at the end of the data by the end-of-session smoother (DESIGN: final intervals may be revised);
   * live `interval` messages before it are provisional and may be merged, split or moved by it.
   */
  | { type: 'intervals'; rower: string; intervals: Interval[] }
  | { type: 'plan'; rower: string; plan: PlanProgress }
  | { type: 'target'; rower: string; target: RepTarget }
  | { type: 'summary'; rower: string; summary: SessionSummary }
  | SessionLifecycleEvent;

/**
 * A rower's session started (its first stroke: displays clear its intervals, summary and chart) or
 * ended (idle time, POST /api/session/end, or the daemon stopping: the `intervals` revision and the
 * `summary` of that session came just before; displays keep showing them until the next stroke).
 */
export interface SessionLifecycleEvent {
  type: 'session';
  rower: string;
  state: 'started' | 'ended';
  /** ms of data time: the first stroke, or the end (last stroke + idle time for an idle end) */
  t: number;
  /** `<rower>@<data time of the first stroke>`: the same on both events of one session */
  id?: string;
  /** on 'ended': why ('idle', 'request', 'stop') */
  reason?: 'idle' | 'request' | 'stop';
}
