/**
 * The built CLI as the user meets it: `node dist/bin.js …` (the bundled executable, what `npm start`
 * and the `ergsprint` command run) in a child process. test/global-setup.ts builds it once per test
 * run; `assertBuilt()` (a beforeAll of each file that runs the CLI) fails loudly when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'bin.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/bin.js is missing or older than a source of the build (src/, web/, scripts/). */
export function isBuildStale(): boolean {
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  return ['src', 'web', 'scripts'].some((dir) => newestMtime(join(root, dir)) > built);
}

/** The CLI was built by the test run's globalSetup (test/global-setup.ts). */
export function assertBuilt(): void {
  if (!existsSync(cli)) throw new Error('dist/bin.js is missing: run the tests through vitest (its globalSetup runs npm run build)');
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** wall time from spawn to exit, ms */
  ms: number;
}

export interface CliOptions {
  /** bytes for stdin (closed after), or a function that writes to it; default: stdin is closed at once */
  stdin?: string | Buffer | ((stdin: NodeJS.WritableStream) => void);
  /** read stdout slowly: wait this long before the first read and between reads, ms */
  slowReaderMs?: number;
  /**
   * stdout is an OS pipe (`ergsprint … | cat`), as in a shell: node's own child stdio is a socket
   * pair with far bigger buffers than a pipe's 64 KiB. The exit code is still ergsprint's (pipefail).
   */
  realPipe?: boolean;
  /** close our end of stdout after this many bytes, as `| head -c N` does */
  closeStdoutAfter?: number;
  env?: Record<string, string>;
  /** run the child as this user and group id (needs root) */
  asUser?: number;
  /** kill the child after this long, ms (default 60 s) */
  timeoutMs?: number;
}

export const children: ChildProcess[] = [];

/** Kill children a failed test left running. */
export function killChildren(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Read `stream` a chunk at a time, pausing `pauseMs` before each read, so the pipe between fills up. */
async function readSlowly(stream: Readable, pauseMs: number): Promise<string> {
  const sleep = (): Promise<void> => new Promise((r) => setTimeout(r, pauseMs));
  const parts: Buffer[] = [];
  await sleep();
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    await sleep();
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The data directory test processes get unless a test names its own (`env.XDG_DATA_HOME`): never
 * the user's, so no test reads or writes the real history, recordings or rowers.json.
 */
let testDataHome: string | undefined;
export function testDataDir(): string {
  testDataHome ??= mkdtempSync(join(tmpdir(), 'ergsprint-test-data-'));
  return testDataHome;
}

/** Run `node dist/bin.js ...args` to completion. */
export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const started = Date.now();
  const argv = opts.realPipe === true ? ['-c', 'set -o pipefail; "$0" "$@" | cat', process.execPath, cli, ...args] : [cli, ...args];
  const child = spawn(opts.realPipe === true ? 'bash' : process.execPath, argv, { cwd: root, env: { ...process.env, XDG_DATA_HOME: testDataDir(), ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'], ...(opts.asUser !== undefined ? { uid: opts.asUser, gid: opts.asUser } : {}) });
  children.push(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  child.stdin.on('error', () => {}); // the child may exit before reading all of stdin
  if (typeof opts.stdin === 'function') opts.stdin(child.stdin);
  else child.stdin.end(opts.stdin ?? '');
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let stdout: string;
  if (opts.slowReaderMs !== undefined) stdout = await readSlowly(child.stdout, opts.slowReaderMs);
  else {
    stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (opts.closeStdoutAfter !== undefined && stdout.length >= opts.closeStdoutAfter) child.stdout.destroy();
    });
  }
  const { code, signal } = await exited;
  clearTimeout(timer);
  return { code, signal, stdout, stderr, ms: Date.now() - started };
}

/** A usage error as the CLI must give it: exit 2, nothing on stdout, one line on stderr matching `pattern`. */
export function expectOneLineError(r: Pick<CliRun, 'code' | 'stdout' | 'stderr'>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}
