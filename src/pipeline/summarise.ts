import { Observable, type OperatorFunction } from 'rxjs';
import { HR_LAG_MS, peakHeartRate, summariseInterval } from '../analysis/interval-stats.js';
import type { Interval, IntervalStats } from '../analysis/types.js';
import type { Sample } from '../ftms/sample.js';
import type { PipeItem } from './pipe-item.js';
import { window } from './sample-window.js';

/** Statistics of one interval from the samples up to `untilMs` (HR peak looks until then). */
function withStats(samples: readonly Sample[], iv: Interval, untilMs: number): Interval {
  const stats = summariseInterval(window(samples, iv.start, untilMs), iv.start, iv.end, { hrWindowEndMs: untilMs });
  return { ...iv, stats };
}

/**
 * Interval boundaries → intervals with statistics (analysis `summariseInterval`), for one rower.
 * Every interval is emitted as soon as its boundaries arrive, with the samples up to its end, so
 * a sprint's verdict reaches the display within seconds. A work interval is emitted once more when
 * data time passes end + 30 s, with its heart-rate peak complete (HR lags effort). Each emission
 * depends only on samples up to a fixed data time, never on when a heartbeat arrived, so live and
 * replay agree. `final-bounds` (the end-of-session smoother) become `final-intervals`, with every
 * work interval's HR window complete. Forwards samples (and keeps them); `bounds` are consumed.
 */
export function summarise(): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      const samples: Sample[] = [];
      /** work intervals waiting for their heart-rate window */
      const waiting: Interval[] = [];
      /** the statistics last sent for each work interval (by index) */
      const sent = new Map<number, IntervalStats>();
      const flush = (now: number): void => {
        while (waiting.length > 0 && now > waiting[0]!.end + HR_LAG_MS) {
          const iv = waiting.shift()!;
          // only the heart-rate peak changes with the longer window
          const until = iv.end + HR_LAG_MS;
          const peak = peakHeartRate(window(samples, iv.start, until), iv.start, until);
          const stats = { ...(sent.get(iv.index) ?? withStats(samples, iv, iv.end).stats) };
          if (peak !== undefined) stats.peakHeartRate = peak;
          else delete stats.peakHeartRate;
          subscriber.next({ type: 'interval', interval: { ...iv, stats } });
        }
      };
      let now = Number.NEGATIVE_INFINITY;
      return source.subscribe({
        next(item) {
          switch (item.type) {
            case 'bounds': {
              const iv = item.interval;
              if (iv.kind === 'work') {
                // a provisional work interval comes again once settled: only a changed one is news
                const i = waiting.findIndex((w) => w.index === iv.index);
                const same = i >= 0 && waiting[i]!.start === iv.start && waiting[i]!.end === iv.end;
                if (i >= 0) waiting[i] = iv;
                else waiting.push(iv);
                if (same) return;
              }
              const out = withStats(samples, iv, iv.end);
              if (iv.kind === 'work') sent.set(iv.index, out.stats);
              subscriber.next({ type: 'interval', interval: out });
              flush(now);
              return;
            }
            case 'final-bounds':
              // the revision supersedes the live intervals still waiting for their HR window
              waiting.length = 0;
              subscriber.next({
                type: 'final-intervals',
                intervals: item.intervals.map((iv) => withStats(samples, iv, iv.kind === 'work' ? iv.end + HR_LAG_MS : iv.end)),
              });
              return;
            case 'sample':
              samples.push(item.sample);
              now = Math.max(now, item.sample.t);
              flush(now);
              break;
            case 'tick':
              now = Math.max(now, item.t);
              flush(now);
              break;
            default:
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
