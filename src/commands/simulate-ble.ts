/**
 * `ergsprint simulate --ble`: virtual FTMS rowers served over noble's ws-slave protocol on port
 * 2846, so `NOBLE_WEBSOCKET=1 ergsprint live` (or `scan`) works with no Bluetooth hardware.
 * The `simulate` command calls `runBleSimulator` when `--ble` is given.
 */
import { CliError } from '../cli-error.js';
import { DropSpecError, parseDrops } from '../sources/simulator/ble-server/drop-schedule.js';
import { startBleSimulator, type BleSimulatorConfig } from '../sources/simulator/ble-server/ble-simulator.js';
import { WS_SLAVE_PORT } from '../sources/simulator/ble-server/ws-slave-server.js';
import { type SimulateOptions, SimulateOptionsError } from '../sources/simulator/simulate-options.js';
import { cliError } from './exit-codes.js';

/**
 * The simulator's own options (rowers, profile, seed, reps...) plus the BLE-only ones. The BLE
 * start-up behaviour comes with `--profile`: `i-rower` streams only after Request Control + Start,
 * `refuse-start` answers Start with "control not permitted" and streams anyway.
 */
export interface BleSimulatorOptions extends SimulateOptions {
  /** 'AT:DUR' seconds: drop every rower's link at AT for DUR (repeatable / comma-separated) */
  drop?: string | string[];
  /** seconds at which to send the central malformed messages (a faulty remote adapter), e.g. '3' or '3,6' */
  malformed?: string | string[];
  /** ws-slave port (default 2846: noble's NOBLE_WEBSOCKET client only dials 2846) */
  port?: number;
  host?: string;
  /** start this far into the simulated session, s */
  fromS?: number;
  /** stop after, s (default: the whole session) */
  durationS?: number;
  /** NDJSON log of every delivered notification (default: $ERGSPRINT_BLE_TRACE) */
  trace?: string;
  /** ends the simulator (SIGINT/SIGTERM also do) */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** Serve virtual rowers until the session ends, the signal aborts, or SIGINT/SIGTERM. */
export async function runBleSimulator(opts: BleSimulatorOptions = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { drop, malformed, port, host, fromS, durationS, trace: traceOpt, signal, log: _log, ...simulate } = opts;
  const cfg: BleSimulatorConfig = {
    simulate,
    drops: [],
    log,
    ...(port !== undefined ? { port } : {}),
    ...(host ? { host } : {}),
    ...(fromS !== undefined ? { fromS } : {}),
    ...(durationS !== undefined ? { durationS } : {}),
  };
  const trace = traceOpt ?? process.env.ERGSPRINT_BLE_TRACE;
  if (trace) cfg.tracePath = trace;
  try {
    cfg.drops = parseDrops(drop);
  } catch (err) {
    if (err instanceof DropSpecError) throw cliError(err);
    throw err;
  }
  if (malformed !== undefined) cfg.malformedAtS = parseTimes(malformed);

  let sim;
  try {
    sim = await startBleSimulator(cfg);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port ?? WS_SLAVE_PORT} is in use (another simulator or ws-slave running?)`);
    if (err instanceof SimulateOptionsError) throw cliError(err);
    throw err;
  }
  const stop = new Promise<void>((resolve) => {
    signal?.addEventListener('abort', () => resolve(), { once: true });
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await Promise.race([sim.done, stop]);
  await sim.close();
  log('virtual rowers stopped');
}

/** '3' or ['3,6', '9'] → [3, 6, 9] seconds; CliError for anything but non-negative numbers. */
function parseTimes(spec: string | string[]): number[] {
  const parts = (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.split(',')).map((s) => s.trim());
  return parts.map((p) => {
    const n = Number(p);
    if (p === '' || !Number.isFinite(n) || n < 0) throw new CliError(`--malformed wants seconds, e.g. 3 or 3,6 (got "${p}")`);
    return n;
  });
}

