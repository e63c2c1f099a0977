/**
 * Per-device start-up over the FTMS Control Point (FTMS §4.16, docs/ftms.md §4 rule 8). Some rowers
 * (I-Rower, Sunny SF-RW, Merach MRK-R06, iConsole+) stream nothing until Request Control (00)
 * then Start (07). One command at a time, each with a timeout; every non-success is non-fatal.
 */
import { type ControlResultName, CONTROL_OP_CODES, decodeControlPointResponse, encodeControlPointRequest } from '../../ftms/control-point.js';
import type { StartupMode } from '../../ftms/device-profiles.js';
import type { NobleCharacteristic } from './noble-types.js';
import { withTimeout } from './with-timeout.js';

export const OP_REQUEST_CONTROL = CONTROL_OP_CODES['request-control'];
export const OP_START = CONTROL_OP_CODES['start-resume'];

/** Result of one command: the device's answer, or what went wrong on our side. */
export type StartupOutcome = ControlResultName | 'timeout' | 'write-failed' | 'no-control-point';

export interface StartupStep {
  op: number;
  outcome: StartupOutcome;
}

/** The device's answer in indication `bytes` if it answers `op`, else null. */
export function responseOutcome(bytes: Uint8Array, op: number): ControlResultName | null {
  try {
    const r = decodeControlPointResponse(bytes);
    return r.requestOpCode === op ? r.result : null;
  } catch {
    return null; // not a response (or a torn one): keep waiting
  }
}

/**
 * Run the start-up sequence for `mode` on control point `cp` (2ad9). Never throws: returns what
 * each step did so the caller can log it.
 */
export async function runStartup(cp: NobleCharacteristic | undefined, mode: StartupMode, timeoutMs: number): Promise<StartupStep[]> {
  if (mode === 'none') return [];
  if (!cp) return [{ op: OP_REQUEST_CONTROL, outcome: 'no-control-point' }];
  try {
    await withTimeout(cp.subscribeAsync(), timeoutMs, 'enable control point indications');
  } catch {
    // go on: some consoles answer writes without indications enabled
  }
  const steps: StartupStep[] = [];
  for (const op of [OP_REQUEST_CONTROL, OP_START]) steps.push({ op, outcome: await command(cp, op, timeoutMs) });
  return steps;
}

async function command(cp: NobleCharacteristic, op: number, timeoutMs: number): Promise<StartupOutcome> {
  let onData: ((data: Buffer) => void) | undefined;
  const answered = new Promise<StartupOutcome>((resolve) => {
    onData = (data: Buffer) => {
      const outcome = responseOutcome(data, op);
      if (outcome) resolve(outcome);
    };
    cp.on('data', onData);
  });
  try {
    await withTimeout(cp.writeAsync(Buffer.from(encodeControlPointRequest(op === OP_START ? 'start-resume' : 'request-control')), false), timeoutMs, `control point write ${op}`);
  } catch (err) {
    if (onData) cp.removeListener('data', onData);
    return (err as { code?: string }).code === 'TIMEOUT' ? 'timeout' : 'write-failed';
  }
  try {
    return await withTimeout(answered, timeoutMs, `control point answer to ${op}`);
  } catch {
    return 'timeout';
  } finally {
    if (onData) cp.removeListener('data', onData);
  }
}
