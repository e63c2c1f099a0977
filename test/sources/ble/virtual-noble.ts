/** Real noble over VirtualBindings: the true Peripheral/Characteristic code, no radio. */
import { createRequire } from 'node:module';
import type { Noble } from '../../../src/sources/ble/noble-types.js';
import { VirtualBindings, type VirtualBindingsOptions } from '../../../src/sources/simulator/ble-server/virtual-bindings.js';
import type { VirtualDeviceSpec } from '../../../src/sources/simulator/ble-server/virtual-device.js';

const require = createRequire(import.meta.url);
const withBindings = require('@abandonware/noble/with-bindings') as (bindings: unknown) => Noble;

export function virtualNoble(specs: VirtualDeviceSpec[], opts: VirtualBindingsOptions = {}): { noble: Noble; bindings: VirtualBindings } {
  const bindings = new VirtualBindings(specs, { advertiseMs: 20, latencyMs: 1, ...opts });
  return { noble: withBindings(bindings), bindings };
}

/** Wait until `check()` is true (polling every 5 ms), or fail after `ms`. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
