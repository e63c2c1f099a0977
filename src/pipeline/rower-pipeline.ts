/**
 * One rower's pipeline, composed: source items → samples → strokes → segments →
 * labelled intervals with stats → verdicts → `SessionEvent`s. Live and replay run this same code;
 * everything is driven by data time (frame `t` and heartbeats).
 */
import { tap, type OperatorFunction } from 'rxjs';
import type { ReferenceInputs } from '../analysis/reference.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { findProfile } from '../ftms/device-profiles.js';
import type { SourceItem } from '../ftms/frame.js';
import { createSampleAssembler } from '../ftms/merge.js';
import type { Plan } from '../workouts/plan.js';
import { planPriors } from '../workouts/plan.js';
import { judge } from './judge.js';
import { labelPhases } from './label-phases.js';
import { planProgress } from './plan-progress.js';
import { segment } from './segment.js';
import type { SessionEvent } from '../session/state.js';
import type { LifecycleParams } from './session-lifecycle.js';
import { strokes } from './strokes.js';
import { summarise } from './summarise.js';
import { toSamples, type ToSamplesOptions } from './to-samples.js';
import { toSessionEvents } from './to-session-events.js';

export interface SessionPipelineOptions extends ToSamplesOptions {
  /** verdict inputs: declared 2k / 500 m, history, heart rate (plan fields are filled from `plan`) */
  verdict?: SessionOptions;
  /**
   * Per-rower references (the athlete bound to the rower: their history, declared 2k / 500 m); what
   * it returns overrides `verdict`'s for that rower. Called each time a rower's pipeline starts (with
   * the lifecycle: at each of its sessions).
   */
  references?: (rower: string) => ReferenceInputs | undefined;
  plan?: Plan;
  /** advertised names by rower id (from the recording header or the BLE scan) */
  names?: Readonly<Record<string, string>>;
  /**
   * the session lifecycle: each rower's sessions start at a stroke and end after this much data
   * time without one (or on a `session-end` event, or when the source completes); absent = the whole
   * source is one session per rower, as `analyze` reads a recording
   */
  lifecycle?: LifecycleParams;
}

/** One rower's items (its frames and events plus every heartbeat) → session events; `onStroke` sees each stroke's data time first. */
export function rowerPipeline(rower: string, opts: SessionPipelineOptions = {}, onStroke?: (t: number) => void): OperatorFunction<SourceItem, SessionEvent> {
  // Segmentation priors (surge limit, cool-down after the last rep, planned rest/reps) come from the
  // start-up plan only: the plan is a prior for the detector, and a plan started mid-session
  // (workout-start event) changes only the progress display and the planned work of later sprints.
  const priors = opts.plan ? planPriors(opts.plan) : undefined;
  // surge limit: 15 s, or half the planned work when that is shorter (a plan never hides a real rep)
  const minWorkMs = priors ? Math.min(15_000, priors.minWorkS * 1000) : 15_000;
  const verdict: SessionOptions = { ...opts.verdict, ...opts.references?.(rower), rower };
  if (priors) {
    verdict.plannedWorkS ??= priors.plannedWorkS;
    verdict.plannedRestS ??= priors.plannedRestS;
    verdict.plannedReps ??= priors.expectedReps;
  }
  const name = opts.names?.[rower] ?? rower;
  // the advertised name picks the device quirks (whole-spm rate, power from pace, ...)
  const samplesOpts: ToSamplesOptions = opts.createAssembler ? opts : { createAssembler: () => createSampleAssembler({ profile: findProfile(name) }) };
  return (items) =>
    items.pipe(
      toSamples(samplesOpts),
      strokes(),
      tap((item) => {
        if (onStroke !== undefined && item.type === 'stroke') onStroke(item.stroke.t);
      }),
      segment(rower, { minWorkMs }),
      labelPhases(rower, priors ? { minWorkMs, cooldownAfterRep: priors.cooldownAfterRep } : { minWorkMs }),
      summarise(),
      judge(verdict),
      planProgress(opts.plan), // also follows workout-start / workout-stop events (POST /api/workout)
      toSessionEvents(rower, name),
    );
}

