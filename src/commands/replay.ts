/** `ergsprint replay FILE`: serve the live display fed by a recording, at N× speed, optionally looping. */
import { loadPlan } from './plan-option.js';
import { referenceSettings, type ReferenceFlags } from './reference-flags.js';
import { closeOnSignal, parsePort, serveRecording } from './serve-recording.js';
import { parseSpeed } from './time-options.js';
import { parseIdleEnd } from './lifecycle-options.js';

export interface ReplayFlags extends ReferenceFlags {
  speed: string;
  loop?: boolean;
  port: string;
  host?: string;
  token?: string;
  allowOrigin: string[];
  plan?: string;
  idleEnd?: string;
}

/** The `replay` command's action (its options are declared in src/cli/replay.ts). */
export async function replayCommand(file: string, flags: ReplayFlags): Promise<void> {
  const verdict = referenceSettings(flags);
  const speed = parseSpeed(flags.speed);
  const idleEndMs = parseIdleEnd(flags.idleEnd);
  const server = await serveRecording({
    path: file,
    speed,
    loop: flags.loop === true,
    port: parsePort(flags.port),
    source: 'replay',
    banner: `Replay ×${speed}`,
    verdict,
    idleEndMs,
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.token !== undefined ? { token: flags.token } : {}),
    allowOrigins: flags.allowOrigin,
    ...(flags.plan !== undefined ? { plan: loadPlan(flags.plan) } : {}),
  });
  await closeOnSignal(server);
}
