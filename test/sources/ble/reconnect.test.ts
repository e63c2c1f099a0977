import { throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { BleError, BleTimeoutError } from '../../../src/sources/ble/errors.js';
import { backoffMs, reconnectWithBackoff } from '../../../src/sources/ble/reconnect.js';

const scheduler = (): TestScheduler => new TestScheduler((a, b) => expect(a).toEqual(b));

describe('reconnectWithBackoff', () => {
  it('re-subscribes after the link ends, after the initial delay', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const link = cold('a-b|');
      const out = link.pipe(reconnectWithBackoff({ initialMs: 2, maxMs: 16 }));
      expectObservable(out, '^ 12ms !').toBe('a-b--a-b--a-b');
      expectSubscriptions(link.subscriptions).toBe(['^--!', '-----^--!', '----------^--!']);
    });
  });

  it('backs off exponentially while attempts fail with recoverable errors', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const failing = cold<string>('#', undefined, new BleTimeoutError('connect', 10));
      // delays 1, 2, 4, 8 ms: attempts at 0, 1, 3, 7, 15
      expectObservable(failing.pipe(reconnectWithBackoff({ initialMs: 1, maxMs: 100 })), '^ 15ms !').toBe('');
      expectSubscriptions(failing.subscriptions).toBe(['(^!)', '-(^!)', '---(^!)', '-------(^!)', '---------------(^!)']);
    });
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
  });

  it('passes a fatal error (not an FTMS rower) straight through', () => {
    scheduler().run(({ expectObservable }) => {
      const err = new BleError('NOT_FTMS', 'no 2ad1');
      expectObservable(throwError(() => err).pipe(reconnectWithBackoff({ initialMs: 1, maxMs: 10 }))).toBe('#', undefined, err);
    });
  });

  it('unsubscribes the current attempt when the consumer unsubscribes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const link = cold('a---');
      expectObservable(link.pipe(reconnectWithBackoff({ initialMs: 1, maxMs: 10 })), '^--!').toBe('a--');
      expectSubscriptions(link.subscriptions).toBe('^--!');
    });
  });
});
