/**
 * noble has no timeouts (a write answered by an ATT error never settles, subscribe can hang, a
 * connect can pend forever), so every call goes through here.
 */
import { BleTimeoutError } from './errors.js';

/**
 * Settle with `work`, or reject with a BleTimeoutError after `timeoutMs` ms (then run `onTimeout`,
 * e.g. `cancelConnect`). A late rejection of `work` is swallowed so it cannot crash the process.
 */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      try {
        onTimeout?.();
      } catch {
        // best effort: some bindings (noble's websocket) do not implement cancelConnect
      }
      reject(new BleTimeoutError(what, timeoutMs));
    }, timeoutMs);
    work.then(
      (value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
