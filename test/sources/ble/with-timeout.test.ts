import { describe, expect, it } from 'vitest';
import { BleTimeoutError } from '../../../src/sources/ble/errors.js';
import { withTimeout } from '../../../src/sources/ble/with-timeout.js';

describe('withTimeout', () => {
  it('passes a value that arrives in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 50, 'x')).resolves.toBe(7);
  });

  it('rejects a call that never settles with a TIMEOUT error and runs the cancel hook', async () => {
    let cancelled = 0;
    const err = await withTimeout(new Promise(() => {}), 20, 'connect to rower', () => (cancelled += 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BleTimeoutError);
    expect(err).toMatchObject({ code: 'TIMEOUT', what: 'connect to rower', timeoutMs: 20 });
    expect(cancelled).toBe(1);
  });

  it('survives a cancel hook that throws (noble websocket bindings lack cancelConnect)', async () => {
    const err = await withTimeout(new Promise(() => {}), 10, 'x', () => {
      throw new TypeError('cancelConnect is not a function');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BleTimeoutError);
  });

  it('turns a string rejection (noble style) into an Error', async () => {
    const err = await withTimeout(Promise.reject('Could not find all requested services'), 50, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Could not find all requested services');
  });
});
