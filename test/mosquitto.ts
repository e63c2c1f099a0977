/**
 * A real Mosquitto for tests: started on a free port with a temporary config (never a system
 * service), waited for, stopped. Without the binary the test fails when CI=true (brokers must be
 * tested there) and is reported as missing otherwise — `.ci/run` installs it from Debian.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_CANDIDATES = ['mosquitto', '/usr/sbin/mosquitto'];

/** The mosquitto binary, or null. */
export function mosquittoBinary(): string | null {
  for (const bin of BIN_CANDIDATES) {
    try {
      execFileSync(bin, ['-h'], { stdio: 'ignore' });
      return bin;
    } catch (err) {
      // `mosquitto -h` exits 3 after printing its usage: it exists
      if ((err as { status?: number }).status !== undefined && (err as NodeJS.ErrnoException).code !== 'ENOENT') return bin;
    }
  }
  return null;
}

/** The binary, or a thrown error that says how to get it (tests must not skip silently). */
export function requireMosquitto(): string {
  const bin = mosquittoBinary();
  if (bin) return bin;
  throw new Error(`mosquitto is not installed${process.env.CI === 'true' ? ' (CI=true: broker tests must run)' : ''}: apt-get install -y mosquitto`);
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

export interface Broker {
  port: number;
  url: string;
  /** stop (SIGKILL: a crash, nothing saved) and wait for the exit */
  kill(): Promise<void>;
  /** start again on the same port (persistence off: sessions and retained messages are gone) */
  restart(): Promise<void>;
  log(): string;
  /** the running broker's process id (for CPU figures) */
  pid(): number;
}

/** Start mosquitto on a free loopback port; retried on a port race. */
export async function startMosquitto(extraConf: string[] = []): Promise<Broker> {
  const bin = requireMosquitto();
  const dir = mkdtempSync(join(tmpdir(), 'ergsprint-mosquitto-'));
  let child: ChildProcess | undefined;
  let out = '';
  let port = 0;
  const launch = async (): Promise<boolean> => {
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(conf, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', ...extraConf, ''].join('\n'));
    child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((r) => child?.once('exit', () => r()));
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) return false;
      if (await accepts(port)) return true;
      await Promise.race([exited, new Promise((r) => setTimeout(r, 50))]);
    }
    throw new Error(`mosquitto did not start: ${out}`);
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    if (await launch()) break;
    if (attempt === 4) throw new Error(`mosquitto would not start: ${out}`);
  }
  const kill = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const done = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill('SIGKILL');
    await done;
  };
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    kill,
    restart: async () => {
      await kill();
      for (let i = 0; i < 40; i++) {
        if (await launch()) return;
        await new Promise((r) => setTimeout(r, 100)); // the port can stay busy a moment
      }
      throw new Error(`mosquitto did not restart on ${port}: ${out}`);
    },
    log: () => out,
    pid: () => child?.pid ?? NaN,
  };
}
