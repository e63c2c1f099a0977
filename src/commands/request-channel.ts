/**
 * The shared mechanism behind requests from people that become source items (workout commands,
 * session ends, names and athletes): the source passes through, the channel remembers the data
 * time of its newest item and the rowers seen, and while it is subscribed `send` puts an item into
 * the same stream — so requests are recorded and a replay sees them at the same data time.
 */
import { Observable } from 'rxjs';
import type { SourceItem } from '../ftms/frame.js';

export interface RequestChannel {
  /** The source with sent items merged in; each subscription is a new session (time and rowers reset). */
  inject(source$: Observable<SourceItem>): Observable<SourceItem>;
  /** put an item into the running stream; undefined when no stream is running */
  sender(): ((item: SourceItem) => void) | undefined;
  /** data time of the newest item seen, ms (what injected items are stamped with) */
  lastT(): number;
  /** rowers seen so far in the running stream, in order of their first item */
  rowers(): string[];
}

/** `onNewRower` runs right after a rower's first item has passed (e.g. to send its saved name). */
export function requestChannel(onNewRower?: (rower: string, first: SourceItem, send: (item: SourceItem) => void) => void): RequestChannel {
  let emit: ((item: SourceItem) => void) | undefined;
  let lastT = 0;
  const rowers = new Set<string>();

  const inject = (source$: Observable<SourceItem>): Observable<SourceItem> =>
    new Observable<SourceItem>((subscriber) => {
      lastT = 0;
      rowers.clear();
      const own = (item: SourceItem): void => subscriber.next(item);
      emit = own;
      const sub = source$.subscribe({
        next(item) {
          if (item.t > lastT) lastT = item.t;
          subscriber.next(item);
          if (item.kind === 'heartbeat' || rowers.has(item.rower)) return;
          rowers.add(item.rower);
          onNewRower?.(item.rower, item, own);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => subscriber.complete(),
      });
      return () => {
        sub.unsubscribe();
        if (emit === own) emit = undefined;
      };
    });

  return { inject, sender: () => emit, lastT: () => lastT, rowers: () => [...rowers] };
}
