import { Observable, type OperatorFunction } from 'rxjs';
import type { PipeItem } from './pipe-item.js';
import type { SessionEvent } from '../session/state.js';

/**
 * The end of one rower's pipeline: internal items → the `SessionEvent`s displays and the server
 * see (samples, phases, intervals, plan progress, summary, connection changes). Internal items
 * (ticks, strokes, raw segments) stop here.
 */
export function toSessionEvents(rower: string, name: string): OperatorFunction<PipeItem, SessionEvent> {
  return (source) =>
    new Observable<SessionEvent>((subscriber) =>
      source.subscribe({
        next(item) {
          switch (item.type) {
            case 'sample':
              subscriber.next({ type: 'sample', rower, sample: item.sample });
              return;
            case 'phase':
              subscriber.next({ type: 'phase', phase: item.phase });
              return;
            case 'interval':
              subscriber.next({ type: 'interval', interval: item.interval });
              return;
            case 'intervals':
              subscriber.next({ type: 'intervals', rower, intervals: item.intervals });
              return;
            case 'summary':
              subscriber.next({ type: 'summary', rower, summary: item.summary });
              return;
            case 'plan':
              subscriber.next({ type: 'plan', rower, plan: item.plan });
              return;
            case 'target':
              subscriber.next({ type: 'target', rower, target: item.target });
              return;
            case 'rower-event': {
              const ev = item.event;
              if (ev.event === 'connected' || ev.event === 'disconnected') {
                subscriber.next({ type: 'rower', rower, name: ev.name ?? name, connected: ev.event === 'connected', t: ev.t });
              }
              return;
            }
            default:
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      }),
    );
}
