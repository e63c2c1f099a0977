/**
 * Helpers for tests that run `live` and the BLE simulator as real processes: start, wait, read
 * NDJSON recordings, and a simulator on a free port (the build itself: cli-process.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { cli, root, testDataDir } from './cli-process.js';

export { assertBuilt, cli, root } from './cli-process.js';

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];

/** Run `node dist/bin.js ...args`. */
export function start(args: string[], env: Record<string, string | undefined> = {}): Run {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, XDG_DATA_HOME: testDataDir(), ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** SIGKILL whatever is still running (afterEach). */
export function killAll(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export async function waitFor(check: () => boolean, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Every line of an NDJSON file, parsed (a line that does not parse fails the test). */
export const lines = (path: string): Array<Record<string, unknown>> =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>) : [];

export const count = (keys: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** `rower char hex` of every Rower Data / heart-rate frame in parsed lines. */
export const frameKeys = (recs: Array<Record<string, unknown>>): string[] =>
  recs.filter((x) => x.c === '2ad1' || x.c === '2a37').map((x) => `${String(x.r)} ${String(x.c)} ${String(x.d)}`);

/**
 * Start `simulate --ble` on a free port (`--ble-port 0`, or `port` to come back on the same one)
 * and resolve with its address, for `live`/`scan` under ERGSPRINT_WS_SLAVE_URL: noble's own
 * client only dials the fixed port 2846, which parallel test runs would fight over.
 */
export async function startSimulator(args: string[], env: Record<string, string> = {}, port = 0): Promise<{ sim: Run; url: string; port: number }> {
  const sim = start(['simulate', '--ble', '--ble-port', String(port), ...args], env);
  await waitFor(() => /on ws:\/\/localhost:\d+/.test(sim.stderr()) || sim.child.exitCode !== null, 10_000, () => `the simulator (stderr: ${sim.stderr()})`);
  const m = /on (ws:\/\/localhost:(\d+))/.exec(sim.stderr());
  if (!m) throw new Error(`the simulator did not start: ${sim.stderr()}`);
  return { sim, url: m[1] as string, port: Number(m[2]) };
}

/** The environment for `live`/`scan` talking to the simulator at `url`. */
export const remoteAdapter = (url: string): Record<string, string> => ({ NOBLE_WEBSOCKET: '1', ERGSPRINT_WS_SLAVE_URL: url });
