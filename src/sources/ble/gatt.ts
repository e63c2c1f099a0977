/**
 * GATT steps on a connected peripheral, each with a timeout: optional-service discovery, reads,
 * and subscribing with the descriptor-2902 fallback for a subscribe that never answers.
 */
import type { NobleCharacteristic, NoblePeripheral } from './noble-types.js';
import { withTimeout } from './with-timeout.js';
import { CLIENT_CHARACTERISTIC_CONFIGURATION } from '../../ftms/uuids.js';

/**
 * Characteristics of service `serviceUuid` by short UUID, or null when the service is absent.
 * Discover optional services one by one: noble fails the whole call if any listed one is missing.
 */
export async function discoverService(peripheral: NoblePeripheral, serviceUuid: string, timeoutMs: number): Promise<Map<string, NobleCharacteristic> | null> {
  try {
    const { characteristics } = await withTimeout(
      peripheral.discoverSomeServicesAndCharacteristicsAsync([serviceUuid], []),
      timeoutMs,
      `discover service ${serviceUuid}`,
    );
    return new Map(characteristics.map((c) => [c.uuid, c]));
  } catch (err) {
    if ((err as { code?: string }).code === 'TIMEOUT') throw err;
    return null; // noble: "Could not find all requested services"
  }
}

/** Read a characteristic, or undefined when it fails or times out (reads are optional extras). */
export async function tryRead(c: NobleCharacteristic | undefined, timeoutMs: number): Promise<Buffer | undefined> {
  if (!c) return undefined;
  try {
    return await withTimeout(c.readAsync(), timeoutMs, `read ${c.uuid}`);
  } catch {
    return undefined;
  }
}

export type SubscribeOutcome = 'subscribed' | 'descriptor-written' | 'failed';

/**
 * Enable notifications (or indications). When noble's subscribe hangs, write the Client
 * Characteristic Configuration descriptor (2902) directly (a subscribe may never settle: docs/ftms.md §5).
 */
export async function subscribe(c: NobleCharacteristic, timeoutMs: number): Promise<SubscribeOutcome> {
  try {
    await withTimeout(c.subscribeAsync(), timeoutMs, `subscribe ${c.uuid}`);
    return 'subscribed';
  } catch {
    try {
      const descriptors = await withTimeout(c.discoverDescriptorsAsync(), timeoutMs, `descriptors of ${c.uuid}`);
      const cccd = descriptors.find((d) => d.uuid === CLIENT_CHARACTERISTIC_CONFIGURATION);
      if (!cccd) return 'failed';
      const value = c.properties.includes('notify') ? Buffer.from([1, 0]) : Buffer.from([2, 0]);
      await withTimeout(
        new Promise<void>((resolve, reject) => cccd.writeValue(value, (err) => (err ? reject(new Error(String(err))) : resolve()))),
        timeoutMs,
        `write 2902 of ${c.uuid}`,
      );
      return 'descriptor-written';
    } catch {
      return 'failed';
    }
  }
}
