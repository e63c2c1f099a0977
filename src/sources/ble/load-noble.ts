/**
 * The one place that loads noble. Loaded lazily and by its package name so `NOBLE_HCI_DEVICE_ID`
 * (adapter choice) and `NOBLE_WEBSOCKET=1` (remote adapter over noble's ws-slave protocol) keep
 * working, and so commands that never touch Bluetooth do not pay for (or crash on) it.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { BleError, SETCAP_HINT } from './errors.js';
import type { Noble } from './noble-types.js';
import { withTimeout } from './with-timeout.js';
import { hardenWsTransport } from './ws-transport.js';

const REMOTE_HINT = 'try NOBLE_WEBSOCKET=1 with `ergsprint simulate --ble` running (a virtual rower), or a remote adapter running noble\'s ws-slave';

/** noble's websocket client dials only this; ERGSPRINT_WS_SLAVE_URL names another remote adapter. */
export const DEFAULT_WS_SLAVE_URL = 'ws://localhost:2846';

/** The remote adapter's address under NOBLE_WEBSOCKET=1. */
export function wsSlaveUrl(): string {
  return process.env.ERGSPRINT_WS_SLAVE_URL?.trim() || DEFAULT_WS_SLAVE_URL;
}

/**
 * Import `@abandonware/noble`, turning the ways it fails into BleErrors. With NOBLE_WEBSOCKET the
 * link to the remote adapter is taken over (ws-transport.ts): bad messages dropped, and with
 * `redial` (a long-running session) redialled when lost.
 */
export async function loadNoble(opts: { log?: (line: string) => void; redial?: boolean } = {}): Promise<Noble> {
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  if (process.env.NOBLE_WEBSOCKET) routeConsoleLogToStderr();
  const url = wsSlaveUrl();
  let noble: Noble;
  try {
    if (process.env.NOBLE_WEBSOCKET && url !== DEFAULT_WS_SLAVE_URL) noble = nobleOverWsSlaveAt(url);
    else {
      const mod = (await import('@abandonware/noble')) as unknown as { default?: Noble } & Noble;
      noble = mod.default ?? mod;
    }
  } catch (err) {
    throw translateLoadError(err);
  }
  if (process.env.NOBLE_WEBSOCKET) hardenWsTransport(noble, { log, url, redial: opts.redial ?? false });
  return noble;
}

/**
 * noble over its own websocket bindings, dialling `url` instead of the fixed localhost:2846: the
 * bindings object is built as its constructor does (lib/websocket/bindings.js, 1.9.2-26) minus
 * the dial; ws-transport.ts then owns the link.
 */
function nobleOverWsSlaveAt(url: string): Noble {
  const require = createRequire(import.meta.url);
  const WsBindings = require('@abandonware/noble/lib/websocket/bindings.js') as { prototype: object };
  const withBindings = require('@abandonware/noble/with-bindings') as (bindings: unknown) => Noble;
  const bindings = Object.create(WsBindings.prototype) as EventEmitter & { _onMessage: (msg: unknown) => void; _ws: WebSocket; _peripherals: object; _startScanCommand: null };
  EventEmitter.call(bindings);
  bindings._startScanCommand = null;
  bindings._peripherals = {};
  bindings.on('message', bindings._onMessage.bind(bindings));
  bindings._ws = new WebSocket(url);
  return withBindings(bindings);
}

/** Map an error thrown while opening the adapter to a BleError with advice. */
export function translateLoadError(err: unknown): Error {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EAFNOSUPPORT') {
    return new BleError('NO_BLUETOOTH', `No Bluetooth adapter is usable on this machine (EAFNOSUPPORT): the kernel offers no Bluetooth sockets here; ${REMOTE_HINT}`, { cause: err });
  }
  if (code === 'EPERM' || code === 'EACCES') {
    return new BleError('PERMISSION', `Not allowed to open the Bluetooth adapter (${String(code)}). Grant node the raw-socket capability once: ${SETCAP_HINT}`, { cause: err });
  }
  if (code === 'ENODEV') {
    return new BleError('NO_BLUETOOTH', `No Bluetooth adapter found (ENODEV); pick another with NOBLE_HCI_DEVICE_ID=n, or ${REMOTE_HINT}`, { cause: err });
  }
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    return new BleError('NO_BLUETOOTH', `noble's Bluetooth bindings are not installed for this platform; ${REMOTE_HINT}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Resolve once the adapter reports poweredOn; reject with a BleError for every other final state. */
export async function waitPoweredOn(noble: Noble, timeoutMs: number): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    const check = (state: string): boolean => {
      const err = stateError(state);
      if (state === 'poweredOn') resolve();
      else if (err) reject(err);
      else return false;
      noble.removeListener('stateChange', check);
      return true;
    };
    noble.on('stateChange', check);
    check(noble.state);
  });
  try {
    await withTimeout(ready, timeoutMs, 'Bluetooth adapter');
  } catch (err) {
    if (err instanceof BleError && err.code === 'TIMEOUT') {
      throw new BleError('ADAPTER_TIMEOUT', `The Bluetooth adapter did not become ready within ${timeoutMs / 1000} s (state: ${noble.state}); pick another with NOBLE_HCI_DEVICE_ID=n`);
    }
    throw err;
  }
}

/** The BleError for a final adapter state other than poweredOn, or null while it may still change. */
export function stateError(state: string): BleError | null {
  if (state === 'poweredOff') {
    return process.env.NOBLE_WEBSOCKET
      ? new BleError('ADAPTER_OFF', `The remote Bluetooth adapter at ${wsSlaveUrl()} is unreachable or off (NOBLE_WEBSOCKET=1): start \`ergsprint simulate --ble\` or noble's ws-slave there first`)
      : new BleError('ADAPTER_OFF', 'The Bluetooth adapter is powered off: switch it on (`bluetoothctl power on` or `rfkill unblock bluetooth`)');
  }
  if (state === 'unauthorized') {
    return new BleError('PERMISSION', `Not allowed to use the Bluetooth adapter. Grant node the raw-socket capability once: ${SETCAP_HINT}`);
  }
  if (state === 'unsupported') {
    return new BleError('NO_BLUETOOTH', `This Bluetooth adapter does not support Bluetooth Low Energy; ${REMOTE_HINT}`);
  }
  return null;
}

let routed = false;
/**
 * noble's websocket bindings `console.log` every socket and state change to stdout; send them to
 * stderr so `scan --json` stays parseable.
 */
function routeConsoleLogToStderr(): void {
  if (routed) return;
  routed = true;
  console.log = (...args: unknown[]) => console.error(...args);
}
