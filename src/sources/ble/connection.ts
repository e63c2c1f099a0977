/**
 * One connection to one device as a cold Observable (STYLE habit 7): subscribing connects,
 * discovers and subscribes; the peripheral's disconnect ends it; teardown removes every listener
 * it added (noble caches Peripheral objects across reconnects — a forgotten listener would
 * deliver every later notification twice) and disconnects if still connected.
 */
import { Observable } from 'rxjs';
import type { SourceItem } from '../../ftms/frame.js';
import type { StartupMode } from '../../ftms/device-profiles.js';
import { BleError } from './errors.js';
import { discoverService, subscribe, tryRead } from './gatt.js';
import type { NobleCharacteristic, NoblePeripheral } from './noble-types.js';
import type { Radio } from './radio.js';
import { runStartup } from './startup-sequence.js';
import {
  CONTROL_POINT,
  DEVICE_INFORMATION_SERVICE,
  FIRMWARE_REVISION,
  FTMS_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  MACHINE_FEATURE,
  MACHINE_STATUS,
  MANUFACTURER_NAME,
  MODEL_NUMBER,
  ROWER_DATA,
  TRAINING_STATUS,
} from '../../ftms/uuids.js';

export interface ConnectionOptions {
  /** 'rower': FTMS (+ HR, Device Information if present); 'hr': a heart-rate strap only */
  role: 'rower' | 'hr';
  /** rower id stamped on frames (a strap's frames carry the rower's id it is attached to) */
  emitAs: string;
  name: string;
  startup: StartupMode;
  /** ms since session start (monotonic) */
  clock: () => number;
  /** per noble call, ms */
  callTimeoutMs: number;
  log: (line: string) => void;
}

const STREAMED = [ROWER_DATA, MACHINE_STATUS, TRAINING_STATUS, HEART_RATE_MEASUREMENT];
const DEVICE_INFO = [MANUFACTURER_NAME, MODEL_NUMBER, FIRMWARE_REVISION];

/** Connect to `peripheral` and stream its frames until it disconnects. */
export function connection$(radio: Radio, peripheral: NoblePeripheral, opts: ConnectionOptions): Observable<SourceItem> {
  return new Observable<SourceItem>((subscriber) => {
    const detach: Array<() => void> = [];
    let closed = false;
    let announced = false;
    const on = (emitter: NobleCharacteristic | NoblePeripheral, event: string, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter listeners take any arguments
      fn: (...args: any[]) => void,
    ): void => {
      emitter.on(event, fn);
      detach.push(() => emitter.removeListener(event, fn));
    };
    const frame = (char: string, data: Buffer): void => {
      subscriber.next({ kind: 'frame', t: opts.clock(), rower: opts.emitAs, char, bytes: new Uint8Array(data) });
    };
    const event = (name: string): void => {
      subscriber.next({ kind: 'event', t: opts.clock(), rower: opts.emitAs, event: name, name: opts.name });
    };
    const prefix = opts.role === 'hr' ? 'hr-' : '';

    const run = async (): Promise<void> => {
      await radio.connect(peripheral);
      if (closed) return;
      on(peripheral, 'disconnect', () => {
        if (announced) event(`${prefix}disconnected`);
        subscriber.complete();
      });
      const t = opts.callTimeoutMs;
      const chars = new Map<string, NobleCharacteristic>();
      if (opts.role === 'rower') {
        const ftms = await discoverService(peripheral, FTMS_SERVICE, t);
        if (!ftms || !ftms.has(ROWER_DATA)) {
          throw new BleError('NOT_FTMS', `${opts.name} (${peripheral.id}) has no FTMS Rower Data characteristic (2ad1): it is not an FTMS rower`);
        }
        for (const [k, v] of ftms) chars.set(k, v);
        for (const [k, v] of (await discoverService(peripheral, HEART_RATE_SERVICE, t)) ?? []) chars.set(k, v);
        const info = await discoverService(peripheral, DEVICE_INFORMATION_SERVICE, t);
        if (closed) return;
        announced = true;
        event('connected'); // before the reads, so the rower's first item carries its name
        for (const uuid of DEVICE_INFO) {
          const value = await tryRead(info?.get(uuid), t);
          if (value) frame(uuid, value);
        }
        const feature = await tryRead(chars.get(MACHINE_FEATURE), t);
        if (feature) frame(MACHINE_FEATURE, feature);
      } else {
        const hr = await discoverService(peripheral, HEART_RATE_SERVICE, t);
        if (!hr?.has(HEART_RATE_MEASUREMENT)) throw new BleError('NOT_FTMS', `${opts.name} (${peripheral.id}) has no Heart Rate Measurement (2a37)`);
        for (const [k, v] of hr) chars.set(k, v);
      }
      if (closed) return;
      for (const uuid of STREAMED) {
        const c = chars.get(uuid);
        if (c) on(c, 'data', (data: Buffer) => frame(uuid, data));
      }
      if (!announced) {
        announced = true;
        event(`${prefix}connected`);
      }
      for (const uuid of STREAMED) {
        const c = chars.get(uuid);
        if (!c || closed) continue;
        const outcome = await subscribe(c, t);
        if (outcome !== 'subscribed') opts.log(`${opts.name}: subscribe ${uuid}: ${outcome}`);
      }
      if (opts.role === 'rower' && !closed) {
        const steps = await runStartup(chars.get(CONTROL_POINT), opts.startup, t);
        for (const s of steps) if (s.outcome !== 'success') opts.log(`${opts.name}: control point op ${s.op}: ${s.outcome} (continuing)`);
      }
    };

    run().catch((err: unknown) => {
      if (!closed) subscriber.error(err);
    });

    return () => {
      closed = true;
      for (const undo of detach.splice(0)) undo();
      if (peripheral.state === 'connected' || peripheral.state === 'connecting') {
        try {
          peripheral.disconnect();
        } catch {
          // already gone
        }
      }
    };
  });
}
