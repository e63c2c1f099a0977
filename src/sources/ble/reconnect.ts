/**
 * The one reconnect policy of the BLE source: when a device's stream ends (link lost) or fails
 * with a recoverable error, wait and run it again; back off exponentially while attempts keep
 * failing, start over after a connection that worked. Fatal errors (wrong device) pass through.
 */
import { type MonoTypeOperatorFunction, type SchedulerLike, asyncScheduler, retry, repeat, throwError, timer } from 'rxjs';
import { isFatalBleError } from './errors.js';

export interface BackoffOptions {
  /** first delay, ms */
  initialMs: number;
  /** cap, ms */
  maxMs: number;
  scheduler?: SchedulerLike;
  /** called before each retry with the error and the delay, ms */
  onRetry?: (err: unknown, delayMs: number) => void;
}

/** Delay before attempt `n` (1-based), ms: initial × 2^(n-1), capped. */
export function backoffMs(n: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, n - 1));
}

/** Re-subscribe the source after it completes (link lost) or errors recoverably, with backoff. */
export function reconnectWithBackoff<T>(opts: BackoffOptions): MonoTypeOperatorFunction<T> {
  const scheduler = opts.scheduler ?? asyncScheduler;
  return (source) =>
    source.pipe(
      retry({
        resetOnSuccess: true,
        delay: (err: unknown, n: number) => {
          if (isFatalBleError(err)) return throwError(() => err);
          const ms = backoffMs(n, opts.initialMs, opts.maxMs);
          opts.onRetry?.(err, ms);
          return timer(ms, scheduler);
        },
      }),
      repeat({ delay: () => timer(opts.initialMs, scheduler) }),
    );
}
