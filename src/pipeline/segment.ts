import { Observable, type OperatorFunction } from 'rxjs';
import type { PipeItem } from './pipe-item.js';
import { Segmenter, type SegmenterOptions, type SegmenterOutput } from '../detect/segmenter.js';

/**
 * Strokes → raw phase events and settled segments (one rower's stream), forwarding every item.
 * Emits a provisional `phase` as soon as an effort opens or closes (backdated to stroke time)
 * and a `segment` (work or surge) once the merge gap has passed. Samples advance data time for
 * the timeouts (heartbeat ticks do not: see below); completion closes and settles whatever is open.
 */
export function segment(rower: string, opts: SegmenterOptions = {}): OperatorFunction<PipeItem, PipeItem> {
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      const seg = new Segmenter(opts);
      const emit = (out: SegmenterOutput): void => {
        for (const p of out.phases) subscriber.next({ type: 'phase', phase: { rower, kind: p.kind, start: p.start, provisional: true } });
        for (const s of out.segments) subscriber.next({ type: 'segment', segment: s });
      };
      return source.subscribe({
        next(item) {
          subscriber.next(item);
          if (item.type === 'stroke') emit(seg.stroke(item.stroke));
          else if (item.type === 'sample') emit(seg.tick(item.sample.t));
          // Heartbeats do not open or close efforts: a data gap (no samples at all) must not end an
          // effort that the samples after the gap show went on. They only let a closed effort
          // become final on time (its verdict within seconds when the rower sits still); the final
          // intervals come from the smoother, so replay with or without heartbeats agrees.
          else if (item.type === 'idle') emit(seg.tick(item.t));
          else if (item.type === 'tick') emit(seg.heartbeat(item.t));
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          emit(seg.finish());
          subscriber.complete();
        },
      });
    });
}
