/**
 * `ergsprint hub`: the BLE source of `live` → this hub's own recording (the durable copy) → MQTT
 * (src/bridge/). Wiring only.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';
import { HubBridge, hubWill, recordingParts } from '../bridge/hub-bridge.js';
import { SessionIndex } from '../bridge/session-index.js';
import { LiveRecorder } from '../recording/live-recorder.js';
import { RecordingWriteError } from '../recording/recording-error.js';
import { bleSource$ } from '../sources/ble/ble-source.js';
import { loadNoble } from '../sources/ble/load-noble.js';
import { loadUserProfiles, profileLookup } from '../sources/ble/profile-config.js';
import { type HrAttachment, parseHrAttachment } from '../sources/ble/selector.js';
import { sessionClock } from '../sources/ble/session-clock.js';
import { dataDir } from '../store/data-dir.js';
import { bleCliError } from './ble-errors.js';
import { brokerSettings, parseHubId } from './broker-options.js';
import { Shutdown } from './shutdown.js';
import { parseTimeoutS } from './time-options.js';
import { brokerClient } from './broker-client.js';

export interface HubFlags {
  broker: string;
  id: string;
  rower: string[];
  hr: string[];
  record?: string;
  username?: string;
  passwordFile?: string;
  timeout: string;
  profiles?: string;
}

export async function runHub(flags: HubFlags): Promise<void> {
  const hub = parseHubId(flags.id);
  const broker = brokerSettings(flags);
  const timeoutS = parseTimeoutS(flags.timeout);
  const hr: HrAttachment[] = flags.hr.map((text) => {
    const att = parseHrAttachment(text);
    if (!att) throw new CliError(`--hr wants STRAP=ROWER, e.g. Polar=PM5 (got "${text}")`);
    return att;
  });
  let noble;
  let lookup;
  try {
    lookup = profileLookup(loadUserProfiles(flags.profiles, join(dataDir(), 'profiles.json'))).lookup;
    noble = await loadNoble({ redial: true });
  } catch (err) {
    throw bleCliError(err);
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const sid = randomBytes(6).toString('hex'); // this hub session: a new one at every start
  const startedAt = new Date().toISOString();
  const dir = join(dataDir(), 'hub', hub);
  const path = flags.record ?? join(dir, `${startedAt.replace(/:/g, '-')}-${sid}.ndjson`);
  let recording: LiveRecorder;
  try {
    recording = new LiveRecorder(path, { startedAt, source: 'ble', rowers: [] }, { onStopped: log, onResumed: log });
  } catch (err) {
    if (err instanceof RecordingWriteError) throw new CliError(err.message);
    throw err;
  }
  const index = new SessionIndex(dir);
  index.add(sid, path);

  const clock = sessionClock();
  // keepalive 5 s: the broker publishes the last-will within ~7.5 s of a lost hub
  const client = brokerClient(broker, { clientId: `ergsprint-hub-${hub}`, keepalive: 5, will: hubWill(hub, sid) }, log);
  client.on('connect', () => {
    log(`hub ${hub}: connected to ${broker.url} (session ${sid})`);
  });
  client.on('offline', () => log(`hub ${hub}: broker ${broker.url} unreachable; queueing and retrying`));
  const bridge = new HubBridge({
    client,
    hub,
    sid,
    clock,
    startedAt,
    sessionPaths: (s) => (s === sid ? recording.paths : (() => { const p = index.find(s); return p ? recordingParts(p) : undefined; })()),
    unrecorded: () => recording.lost,
    log,
  });

  const shutdown = new Shutdown({ log });
  shutdown.lastly(() => recording.close());
  log(`recording to ${path}`);
  const err = await new Promise<unknown>((resolve) => {
    const sub = bleSource$({ noble, rowers: flags.rower, hr, profiles: lookup, timeouts: { findMs: timeoutS * 1000 }, clock, log }).subscribe({
      next: (item) => {
        if (item.kind === 'heartbeat') return;
        recording.write(item);
        bridge.recorded(item);
      },
      error: (e: unknown) => resolve(e),
      complete: () => resolve(null),
    });
    void shutdown.requested.then(() => {
      sub.unsubscribe();
      resolve(null);
    });
  });
  recording.close();
  await shutdown.drain(async () => {
    await bridge.close();
    await new Promise((r) => setTimeout(r, 300)); // let the BLE disconnects reach the adapter
  }, () => client.end(true));
  shutdown.dispose();
  log(`recording saved: ${recording.paths.join(', ')}`);
  if (err instanceof RecordingWriteError) throw new CliError(`recording stopped: ${err.message}`);
  if (err) throw bleCliError(err);
}
