/**
 * POST /api/workout → source items: each accepted command becomes a `workout-start` /
 * `workout-stop` RowerEvent injected into the session's source stream, stamped with the data time
 * of the newest item seen on it (never a wall clock), so the pipeline handles it like any other
 * item and a live recording (the tap sits after the injection) replays to the same plan progress.
 */
import type { Observable } from 'rxjs';
import { WORKOUT_START, WORKOUT_STOP, type RowerEvent, type SourceItem } from '../ftms/frame.js';
import type { WorkoutCommand, WorkoutHook } from '../server/api-routes.js';
import { parsePlanText, resolvePlan } from '../workouts/parse-plan.js';
import type { Plan } from '../workouts/plan.js';
import { requestChannel } from './request-channel.js';

export type WorkoutCommandErrorCode = 'NO_SESSION' | 'NO_ROWERS' | 'NO_PLAN';

/** A workout command that cannot be applied now; the API answers 400 with `code`. */
export class WorkoutCommandError extends Error {
  constructor(
    readonly code: WorkoutCommandErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkoutCommandError';
  }
}

/**
 * The plan of a command: a built-in name ('hiit-30-90') or a plan as JSON text. Throws PlanError
 * (code UNKNOWN_PLAN, BAD_JSON or INVALID_PLAN). Plan files are not read: the API takes no paths.
 */
export function commandPlan(text: string): Plan {
  return text.trimStart().startsWith('{') ? parsePlanText(text, 'plan') : resolvePlan(text.trim());
}

export interface WorkoutInjector {
  /** The source with the commands' events merged in; completes (and stops taking commands) with the source. */
  inject(source$: Observable<SourceItem>): Observable<SourceItem>;
  /** The display server's `onWorkout` hook. */
  hook: WorkoutHook;
}

/** Turns workout commands into source items for the one running session (re-subscribing starts a new one). */
export function workoutInjector(): WorkoutInjector {
  const channel = requestChannel();
  const hook: WorkoutHook = (cmd: WorkoutCommand) => {
    const plan = cmd.action === 'start' ? startPlan(cmd.plan) : undefined;
    const send = channel.sender();
    if (send === undefined) throw new WorkoutCommandError('NO_SESSION', 'no session is running (the recording has ended)');
    const targets = cmd.rower !== undefined ? [cmd.rower] : channel.rowers();
    if (targets.length === 0) throw new WorkoutCommandError('NO_ROWERS', 'no rower has connected yet');
    for (const rower of targets) {
      const ev: RowerEvent = { kind: 'event', t: channel.lastT(), rower, event: plan ? WORKOUT_START : WORKOUT_STOP };
      if (plan) ev.plan = { ...plan };
      send(ev);
    }
  };
  return { inject: channel.inject, hook };
}

function startPlan(text: string | undefined): Plan {
  if (text === undefined) throw new WorkoutCommandError('NO_PLAN', 'a start needs a plan');
  return commandPlan(text);
}
