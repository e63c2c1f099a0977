/**
 * The whole pipeline, composed for any number of rowers: source items → per-rower pipelines
 * (rower-pipeline.ts; one per session with the lifecycle, rower-sessions.ts) → `SessionEvent`s.
 * Live and replay run this same code; everything is driven by data time (frame `t` and heartbeats).
 */
import { Observable, Subject, Subscription, type OperatorFunction } from 'rxjs';
import { ATHLETE_EVENT, NAME_EVENT, type SourceItem } from '../ftms/frame.js';
import { rowerPipeline, type SessionPipelineOptions } from './rower-pipeline.js';
import { rowerSessions } from './rower-sessions.js';
import type { SessionEvent } from '../session/state.js';

export { rowerPipeline, type SessionPipelineOptions } from './rower-pipeline.js';


/**
 * Source items of any number of rowers → session events. Items are routed by rower to one
 * pipeline each (created on the rower's first item; with `lifecycle`, one per session of that
 * rower); heartbeats reach every rower's pipeline, so silence is noticed in data time. A rower's
 * first item also announces it (`rower` event, connected) when its source sent no connection
 * event. `athlete` and `name` events become `rower` events, and every later `rower` event keeps
 * those names. Completes once the source and every rower's pipeline have completed (each flushes
 * its last interval on completion, in the order the rowers appeared). Hand-routed rather than
 * share/groupBy/merge: this runs for every frame.
 */
export function session$(opts: SessionPipelineOptions = {}): OperatorFunction<SourceItem, SessionEvent> {
  return (source) =>
    new Observable<SessionEvent>((subscriber) => {
      const inputs = new Map<string, Subject<SourceItem>>();
      /** names set by people (`name` events) and bound athletes, by rower */
      const profiles = new Map<string, { name?: string; athlete?: string }>();
      /** the latest connection state and advertised name the pipelines reported, by rower */
      const seen = new Map<string, { connected: boolean; name: string }>();
      const subs = new Subscription();
      let open = 1; // the source plus every rower pipeline not yet completed
      const done = (): void => {
        if (--open === 0) subscriber.complete();
      };
      const emit = (ev: SessionEvent): void => {
        if (ev.type !== 'rower') return subscriber.next(ev);
        seen.set(ev.rower, { connected: ev.connected, name: ev.name });
        const p = profiles.get(ev.rower);
        subscriber.next(p === undefined ? ev : { ...ev, ...(p.name !== undefined ? { name: p.name } : {}), ...(p.athlete !== undefined ? { athlete: p.athlete } : {}) });
      };
      const start = (rower: string): Subject<SourceItem> => {
        const input = new Subject<SourceItem>();
        inputs.set(rower, input);
        open++;
        let announced = false;
        const perRower = opts.lifecycle ? rowerSessions(rower, opts, opts.lifecycle) : rowerPipeline(rower, opts);
        subs.add(
          input.pipe(perRower).subscribe({
            next: (ev) => {
              if (!announced) {
                announced = true;
                if (ev.type !== 'rower') {
                  const t = ev.type === 'sample' ? ev.sample.t : 0;
                  emit({ type: 'rower', rower, name: opts.names?.[rower] ?? rower, connected: true, t });
                }
              }
              emit(ev);
            },
            error: (err: unknown) => subscriber.error(err),
            complete: done,
          }),
        );
        return input;
      };
      const setProfile = (rower: string, field: 'name' | 'athlete', value: string, t: number): void => {
        profiles.set(rower, { ...profiles.get(rower), [field]: value });
        const known = seen.get(rower);
        emit({ type: 'rower', rower, name: known?.name ?? opts.names?.[rower] ?? rower, connected: known?.connected ?? true, t });
      };
      subs.add(
        source.subscribe({
          next(item) {
            if (item.kind === 'heartbeat') for (const input of inputs.values()) input.next(item);
            else if (item.kind === 'event' && item.event === ATHLETE_EVENT && item.athlete !== undefined) {
              setProfile(item.rower, 'athlete', item.athlete, item.t);
            } else if (item.kind === 'event' && item.event === NAME_EVENT && item.name !== undefined) {
              setProfile(item.rower, 'name', item.name, item.t);
            } else (inputs.get(item.rower) ?? start(item.rower)).next(item);
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
