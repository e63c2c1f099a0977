import { Observable, type OperatorFunction } from 'rxjs';
import type { PipeItem } from './pipe-item.js';
import { StrokeDetector, type StrokeDetectorOptions, type StrokeOutput } from '../detect/stroke-detector.js';

/**
 * Samples → stroke events (one rower's stream). Forwards every item and adds `stroke` items just before
 * the sample that revealed them, plus an `idle` item when the stroke count stays frozen ≥ 4 s
 * (decided on data time: samples or ticks), whatever stale instantaneous values say.
 */
export function strokes(opts: StrokeDetectorOptions = {}): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      const detector = new StrokeDetector(opts);
      const emit = (out: StrokeOutput, t: number): void => {
        for (const stroke of out.strokes) subscriber.next({ type: 'stroke', stroke });
        if (out.idleSince !== undefined) subscriber.next({ type: 'idle', t, since: out.idleSince });
      };
      return source.subscribe({
        next(item) {
          if (item.type === 'sample') {
            // strokes first: a sample after a data gap reveals strokes rowed during the gap, and
            // later stages must see them before they see the sample's time pass
            emit(detector.push(item.sample), item.sample.t);
            subscriber.next(item);
            return;
          }
          subscriber.next(item);
          if (item.type === 'tick') emit(detector.tick(item.t), item.t);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
    });
}
