/**
 * `live --broker`: the central's MQTT side (loaded only with --broker). A persistent session
 * (fixed client id, clean:false) so the broker queues batches while the central is away, the
 * next seq per stream kept in `<data dir>/central/<client id>.json` across restarts, and the
 * hubs' rowers merged with any local BLE rowers on one time line. Wiring only.
 */
import { join } from 'node:path';
import { merge, type Observable } from 'rxjs';
import type { SourceItem } from '../ftms/frame.js';
import { headFile } from '../sources/mqtt/head-file.js';
import { mqttSource$ } from '../sources/mqtt/mqtt-source.js';
import { monotoneTime } from '../sources/monotone-time.js';
import { dataDir } from '../store/data-dir.js';
import { CliError } from '../cli-error.js';
import { type BrokerFlags, brokerSettings } from './broker-options.js';
import { brokerClient } from './broker-client.js';

export interface CentralFlags extends BrokerFlags {
  clientId?: string;
}

export interface Central {
  source$: Observable<SourceItem>;
  close(): Promise<void>;
}

/** Validate the broker flags (CliError), before anything is opened. */
export function checkCentralFlags(flags: CentralFlags): void {
  brokerSettings(flags);
  const clientId = flags.clientId ?? 'ergsprint-central';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) throw new CliError(`--client-id must be letters, digits, "_" or "-" (got "${clientId}")`);
}

/** Connect to the broker and merge the hubs' rowers with `local$` (BLE rowers, when --ble). */
export function central(flags: CentralFlags, clock: () => number, log: (line: string) => void, local$?: Observable<SourceItem>): Central {
  checkCentralFlags(flags);
  const broker = brokerSettings(flags);
  const clientId = flags.clientId ?? 'ergsprint-central';
  const client = brokerClient(broker, { clientId, keepalive: 10, resubscribe: true }, log);
  client.on('connect', (ack) => {
    log(`connected to ${broker.url}${ack.sessionPresent ? ' (session resumed)' : ''}`);
  });
  client.on('offline', () => log(`broker ${broker.url} unreachable; retrying`));
  const heads = headFile(join(dataDir(), 'central', `${clientId}.json`), log);
  const hubs$ = mqttSource$({ client, clock, log, heads });
  return {
    source$: (local$ ? merge(local$, hubs$) : hubs$).pipe(monotoneTime()),
    close: () => new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1000);
      client.end(false, {}, () => {
        clearTimeout(t);
        resolve();
      });
    }),
  };
}
