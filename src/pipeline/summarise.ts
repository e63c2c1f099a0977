import { Observable, type OperatorFunction } from 'rxjs';
import { HR_LAG_MS, summariseInterval } from '../analysis/interval-stats.js';
import type { Interval } from '../analysis/types.js';
import type { Sample } from '../ftms/sample.js';
import type { PipeItem } from './pipe-item.js';
import { window } from './sample-window.js';

/**
 * Interval boundaries → intervals with statistics (analysis `summariseInterval`), in order, for
 * one rower. A work interval waits until data time passes end + 30 s so its heart-rate peak is
 * complete (HR lags effort); the intervals after it wait their turn. The result depends only on
 * samples up to that point, never on when a heartbeat happened to arrive, so live and replay agree.
 * Forwards samples (and keeps them) and every other item; `bounds` are consumed.
 */
export function summarise(): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      const samples: Sample[] = [];
      const queue: Interval[] = [];
      const readyAt = (iv: Interval): number => (iv.kind === 'work' ? iv.end + HR_LAG_MS : iv.end);
      const flush = (now: number): void => {
        while (queue.length > 0 && now > readyAt(queue[0]!)) {
          const iv = queue.shift()!;
          const until = readyAt(iv);
          // only samples up to readyAt: the same set whatever item (sample, tick, end) released it
          const points = window(samples, iv.start, until);
          const stats = summariseInterval(points, iv.start, iv.end, { hrWindowEndMs: until });
          subscriber.next({ type: 'interval', interval: { ...iv, stats } });
        }
      };
      let now = Number.NEGATIVE_INFINITY;
      return source.subscribe({
        next(item) {
          if (item.type === 'bounds') {
            queue.push(item.interval);
            flush(now);
            return;
          }
          if (item.type === 'sample') {
            samples.push(item.sample);
            now = Math.max(now, item.sample.t);
            flush(now);
          } else if (item.type === 'tick') {
            now = Math.max(now, item.t);
            flush(now);
          }
          subscriber.next(item);
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          flush(Number.POSITIVE_INFINITY);
          subscriber.complete();
        },
      });
    });
}
