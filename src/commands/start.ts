/**
 * `ergsprint start` (what `npm start` runs): live rowers over Bluetooth when an adapter is usable,
 * otherwise a looping demo replay of a bundled recording with a DEMO banner on every display.
 */
import { BleError, type BleErrorCode } from '../sources/ble/errors.js';
import { loadNoble, waitPoweredOn } from '../sources/ble/load-noble.js';
import { loadPlan } from './plan-option.js';
import { referenceArgs, referenceSettings, type ReferenceFlags } from './reference-flags.js';
import { closeOnSignal, serveRecording } from './serve-recording.js';
import { checkServerFlags, parsePort } from './server-options.js';
import { parseSpeed } from './time-options.js';
import { parseAthleteFlag, parseIdleEnd } from './lifecycle-options.js';
import { packagePath } from '../package-root.js';

export interface StartFlags extends ReferenceFlags {
  port: string;
  host?: string;
  token?: string;
  allowOrigin: string[];
  plan?: string;
  demo?: boolean;
  speed: string;
  idleEnd?: string;
  athlete?: string[];
}

/** The recording the demo replays. */
export const DEMO_RECORDING = packagePath('fixtures', 'two-rowers.ndjson');
const DEMO_PLAN = 'hiit-30-90';
/** Adapter problems that mean "no Bluetooth here": fall back to the demo. */
const NO_RADIO: ReadonlySet<BleErrorCode> = new Set(['NO_BLUETOOTH', 'ADAPTER_OFF', 'ADAPTER_TIMEOUT', 'PERMISSION']);

/** Why Bluetooth cannot be used here, or null when the adapter is powered on. */
export async function bluetoothUnusable(timeoutMs = 5000): Promise<string | null> {
  try {
    await waitPoweredOn(await loadNoble(), timeoutMs);
    return null;
  } catch (err) {
    if (err instanceof BleError && NO_RADIO.has(err.code)) return err.message;
    throw err;
  }
}

/**
 * The `start` command's action (its options are declared in src/cli/start.ts); `live` runs the
 * `live` command with these arguments (commander parses them, so its defaults apply).
 */
export async function startCommand(flags: StartFlags, live: (args: string[]) => Promise<unknown>): Promise<void> {
  const verdict = referenceSettings(flags);
  const port = parsePort(flags.port);
  checkServerFlags(flags);
  const speed = parseSpeed(flags.speed);
  const idleEndMs = parseIdleEnd(flags.idleEnd);
  for (const a of flags.athlete ?? []) parseAthleteFlag(a);
  const why = flags.demo ? null : await bluetoothUnusable();
  if (!flags.demo && why === null) {
    const args = ['--port', String(port), ...(flags.host ? ['--host', flags.host] : []), ...(flags.token ? ['--token', flags.token] : []), ...flags.allowOrigin.flatMap((o) => ['--allow-origin', o]), ...(flags.plan ? ['--plan', flags.plan] : []), ...(flags.idleEnd !== undefined ? ['--idle-end', flags.idleEnd] : []), ...(flags.athlete ?? []).flatMap((a) => ['--athlete', a]), ...referenceArgs(flags)];
    await live(args);
    return;
  }
  if (why !== null) process.stderr.write(`ergsprint: Bluetooth is not usable here: ${why}\n`);
  process.stderr.write(`ergsprint: ${flags.demo ? 'demo mode (--demo)' : 'starting the demo instead'}: a looping replay of ${DEMO_RECORDING} at ${speed}× (every display shows a DEMO banner)\n`);
  const server = await serveRecording({
    path: DEMO_RECORDING,
    speed,
    loop: true,
    port,
    source: 'demo',
    banner: 'Demo — replay of a recorded session (no Bluetooth)',
    plan: loadPlan(flags.plan ?? DEMO_PLAN),
    verdict,
    idleEndMs,
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    allowOrigins: flags.allowOrigin,
  });
  await closeOnSignal(server);
}
