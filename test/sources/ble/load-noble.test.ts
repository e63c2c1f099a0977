import { describe, expect, it } from 'vitest';
import { BleError } from '../../../src/sources/ble/errors.js';
import { stateError, translateLoadError } from '../../../src/sources/ble/load-noble.js';

const sysErr = (code: string): Error => Object.assign(new Error(`${code}, something`), { code });

describe('translateLoadError', () => {
  it('EAFNOSUPPORT → NO_BLUETOOTH with the remote-adapter hint', () => {
    const e = translateLoadError(sysErr('EAFNOSUPPORT'));
    expect(e).toBeInstanceOf(BleError);
    expect(e).toMatchObject({ code: 'NO_BLUETOOTH' });
    expect(e.message).toMatch(/^No Bluetooth adapter is usable on this machine \(EAFNOSUPPORT\)/);
    expect(e.message).toContain('NOBLE_WEBSOCKET=1');
    expect(e.message).toContain('ergsprint simulate --ble');
  });

  it.each(['EPERM', 'EACCES'])('%s → PERMISSION with the setcap line', (code) => {
    const e = translateLoadError(sysErr(code));
    expect(e).toMatchObject({ code: 'PERMISSION' });
    expect(e.message).toContain('sudo setcap cap_net_raw+eip $(readlink -f $(which node))');
  });

  it('leaves unknown errors alone', () => {
    const original = new Error('boom');
    expect(translateLoadError(original)).toBe(original);
  });
});

describe('stateError', () => {
  it.each([
    ['poweredOff', 'ADAPTER_OFF'],
    ['unauthorized', 'PERMISSION'],
    ['unsupported', 'NO_BLUETOOTH'],
  ])('%s → %s', (state, code) => expect(stateError(state)).toMatchObject({ code }));

  it.each(['poweredOn', 'unknown', 'resetting'])('%s is not (yet) an error', (state) => expect(stateError(state)).toBeNull());
});
