/**
 * One rower's items → its sessions, one after another: the session lifecycle (session-lifecycle.ts)
 * decides when a session starts and ends, and each session runs its own fresh `rowerPipeline`
 * (stroke detector, segmenter, plan progress, verdict state). At a session's end its pipeline is
 * completed — the end-of-session path runs (final-bounds → final-intervals → `intervals` revision
 * → `summary`) — then dropped, so nothing of it is kept; the next item opens the next pipeline,
 * which becomes the next session at its first stroke.
 */
import { Observable, Subject, type OperatorFunction, type Subscription } from 'rxjs';
import type { SourceItem } from '../ftms/frame.js';
import { rowerPipeline, type SessionPipelineOptions } from './rower-pipeline.js';
import { SESSION_END } from '../ftms/frame.js';
import { stepLifecycle, WAITING, type LifecycleInput, type LifecycleParams, type LifecycleState } from './session-lifecycle.js';
import type { SessionEvent } from '../session/state.js';

/** The id both events of one session carry: rower and data time of its first stroke. */
export const sessionId = (rower: string, startT: number): string => `${rower}@${startT}`;

/** A rower's items (its frames and events plus every heartbeat) → session events, with `session` started/ended events. */
export function rowerSessions(rower: string, opts: SessionPipelineOptions, params: LifecycleParams): OperatorFunction<SourceItem, SessionEvent> {
  return (source) =>
    new Observable<SessionEvent>((subscriber) => {
      let state: LifecycleState = WAITING;
      let current: { input: Subject<SourceItem>; sub: Subscription } | undefined;
      let lastT = 0;
      const step = (input: LifecycleInput): void => {
        const { state: next, out } = stepLifecycle(state, input, params);
        state = next;
        if (out === undefined) return;
        if (out.type === 'started') {
          subscriber.next({ type: 'session', rower, state: 'started', t: out.t, id: sessionId(rower, out.t) });
          return;
        }
        const ending = current;
        current = undefined;
        ending?.input.complete(); // synchronous: the session's final intervals and summary come out here
        ending?.sub.unsubscribe();
        subscriber.next({ type: 'session', rower, state: 'ended', t: out.t, id: sessionId(rower, out.startT), reason: out.reason });
      };
      const open = (): Subject<SourceItem> => {
        const input = new Subject<SourceItem>();
        const sub = input.pipe(rowerPipeline(rower, opts, (t) => step({ type: 'stroke', t }))).subscribe({
          next: (ev) => subscriber.next(ev),
          error: (err: unknown) => subscriber.error(err),
        });
        current = { input, sub };
        return input;
      };
      const sub = source.subscribe({
        next(item) {
          if (item.t > lastT) lastT = item.t;
          step({ type: 'time', t: item.t });
          if (item.kind === 'event' && item.event === SESSION_END) return step({ type: 'end-request', t: item.t });
          if (item.kind === 'heartbeat') current?.input.next(item);
          else (current?.input ?? open()).next(item);
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          if (state.kind === 'active') step({ type: 'stop', t: lastT });
          // no stroke since the last session ended: nothing to sum up, the waiting pipeline just goes
          current?.sub.unsubscribe();
          current = undefined;
          subscriber.complete();
        },
      });
      return () => {
        sub.unsubscribe();
        current?.sub.unsubscribe();
        current = undefined;
      };
    });
}
