/**
 * The whole per-rower pipeline, composed: source items → samples → strokes → segments →
 * labelled intervals with stats → verdicts → `SessionEvent`s. Live and replay run this same code;
 * everything is driven by data time (frame `t` and heartbeats).
 */
import { Observable, Subject, Subscription, type OperatorFunction } from 'rxjs';
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
import type { SessionEvent } from './session-state.js';
import { strokes } from './strokes.js';
import { summarise } from './summarise.js';
import { toSamples, type ToSamplesOptions } from './to-samples.js';
import { toSessionEvents } from './to-session-events.js';

export interface SessionPipelineOptions extends ToSamplesOptions {
  /** verdict inputs: declared 2k / 500 m, history, heart rate (plan fields are filled from `plan`) */
  verdict?: SessionOptions;
  /**
   * Per-rower references (the athlete bound to the rower: their history, declared 2k / 500 m); what
   * it returns overrides `verdict`'s for that rower. Called once, when the rower's pipeline starts.
   */
  references?: (rower: string) => ReferenceInputs | undefined;
  plan?: Plan;
  /** advertised names by rower id (from the recording header or the BLE scan) */
  names?: Readonly<Record<string, string>>;
}

/** One rower's items (its frames and events plus every heartbeat) → session events. */
export function rowerPipeline(rower: string, opts: SessionPipelineOptions = {}): OperatorFunction<SourceItem, SessionEvent> {
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
      segment(rower, { minWorkMs }),
      labelPhases(rower, priors ? { minWorkMs, cooldownAfterRep: priors.cooldownAfterRep } : { minWorkMs }),
      summarise(),
      judge(verdict),
      planProgress(opts.plan), // also follows workout-start / workout-stop events (POST /api/workout)
      toSessionEvents(rower, name),
    );
}

/**
 * Source items of any number of rowers → session events. Items are routed by rower to one
 * pipeline each (created on the rower's first item); heartbeats reach every rower's pipeline, so
 * silence is noticed in data time. A rower's first item also announces it (`rower` event,
 * connected) when its source sent no connection event. Completes once the source and every
 * rower's pipeline have completed (each flushes its last interval on completion, in the order the
 * rowers appeared). Hand-routed rather than share/groupBy/merge: this runs for every frame.
 */
export function session$(opts: SessionPipelineOptions = {}): OperatorFunction<SourceItem, SessionEvent> {
  return (source) =>
    new Observable<SessionEvent>((subscriber) => {
      const inputs = new Map<string, Subject<SourceItem>>();
      const subs = new Subscription();
      let open = 1; // the source plus every rower pipeline not yet completed
      const done = (): void => {
        if (--open === 0) subscriber.complete();
      };
      const start = (rower: string): Subject<SourceItem> => {
        const input = new Subject<SourceItem>();
        inputs.set(rower, input);
        open++;
        let announced = false;
        subs.add(
          input.pipe(rowerPipeline(rower, opts)).subscribe({
            next: (ev) => {
              if (!announced) {
                announced = true;
                if (ev.type !== 'rower') {
                  const t = ev.type === 'sample' ? ev.sample.t : 0;
                  subscriber.next({ type: 'rower', rower, name: opts.names?.[rower] ?? rower, connected: true, t });
                }
              }
              subscriber.next(ev);
            },
            error: (err: unknown) => subscriber.error(err),
            complete: done,
          }),
        );
        return input;
      };
      subs.add(
        source.subscribe({
          next(item) {
            if (item.kind === 'heartbeat') for (const input of inputs.values()) input.next(item);
            else (inputs.get(item.rower) ?? start(item.rower)).next(item);
          },
          error: (err: unknown) => subscriber.error(err),
          complete() {
            for (const input of inputs.values()) input.complete();
            done();
          },
        }),
      );
      return subs;
    });
}
