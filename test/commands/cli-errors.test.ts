/**
 * Issue 15: what the user sees from the built CLI on bad input: one line on stderr, no stack,
 * the right exit code, at once (a FIFO must not block).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, killChildren, root, runCli, type CliRun } from './cli-process.js';

beforeAll(assertBuilt);
afterEach(killChildren);

const FIXTURE = join(root, 'fixtures', 'hiit-held.ndjson');
const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00Z","source":"ble","rowers":[{"id":"a","name":"PM5"}]}';

/** Exit 2 (or `code`) with exactly one line on stderr, `ergsprint: <message>`, and no stack trace. */
function expectOneLineError(run: CliRun, message: string | RegExp, code = 2): void {
  expect(run.signal).toBeNull();
  expect(run.stderr).toMatch(/^ergsprint: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (typeof message === 'string') expect(run.stderr).toBe(`ergsprint: ${message}\n`);
  else expect(run.stderr).toMatch(message);
  expect(run.code).toBe(code);
}

describe('files that are not regular files (#6)', () => {
  it('analyze --plan FIFO fails at once instead of blocking', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ergsprint-cli-'));
    const fifo = join(d, 'plan.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['analyze', FIXTURE, '--plan', fifo], { timeoutMs: 10_000 });
    expectOneLineError(run, `--plan: ${fifo}: is a FIFO (named pipe), not a regular file`);
  });
  it('analyze --plan DIRECTORY.json and a missing plan file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ergsprint-cli-'));
    mkdirSync(join(d, 'plans.json'));
    expectOneLineError(await runCli(['analyze', FIXTURE, '--plan', join(d, 'plans.json')]), `--plan: ${join(d, 'plans.json')}: is a directory, not a regular file`);
    expectOneLineError(await runCli(['analyze', FIXTURE, '--plan', join(d, 'gone.json')]), `--plan: ${join(d, 'gone.json')}: no such file`);
  });
  it('live --profiles FIFO fails at once, before any Bluetooth', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ergsprint-cli-'));
    const fifo = join(d, 'profiles.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['live', '--profiles', fifo, '--port', '0'], { timeoutMs: 10_000 });
    expectOneLineError(run, `device profiles ${fifo}: is a FIFO (named pipe), not a regular file`);
  });
  it('analyze --plan of a file the user may not read (as root: the child runs as nobody)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ergsprint-cli-'));
    chmodSync(d, 0o755);
    const plan = join(d, 'secret.json');
    writeFileSync(plan, '{"name":"x","reps":2,"workS":20,"restS":40}');
    chmodSync(plan, 0o000);
    const run = await runCli(['analyze', FIXTURE, '--plan', plan], process.getuid?.() === 0 ? { asUser: 65534 } : {});
    expectOneLineError(run, `--plan: ${plan}: permission denied`);
  });
  it('analyze of a directory', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ergsprint-cli-'));
    expectOneLineError(await runCli(['analyze', d]), `${d}: is a directory, not a regular file`);
  });
});

describe('plan names (#11)', () => {
  it.each(['constructor', '__proto__', 'toString'])('analyze --plan %s is an unknown plan naming the built-ins', async (name) => {
    expectOneLineError(await runCli(['analyze', FIXTURE, '--plan', name]), `--plan: unknown plan "${name}": use hiit-30-60 or hiit-30-90, or a .json plan file`);
  });
});

describe('recording line cap (#4)', () => {
  it('inspect of a recording with a 4 MB line: exit 2, file:line: line longer than 1048576 bytes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ergsprint-cli-')), 'long.ndjson');
    writeFileSync(file, `${H}\n{"t":0,"r":"a","c":"2ad1","d":"${'00'.repeat(2_000_000)}"}\n`);
    const run = await runCli(['inspect', file]);
    expectOneLineError(run, `${file}:2: line longer than 1048576 bytes`);
    expect(run.ms).toBeLessThan(5000);
  });
});

describe('display server options (#12): checked first, listen failures as one line', () => {
  it.each([
    [['--host', 'localhost:80'], '--host takes a host name or IP address without a port (got "localhost:80"): give the port with --port'],
    [['--host', '[::1]'], '--host takes an IPv6 address without brackets (got "[::1]"): use --host ::1'],
    [['--host', 'not a host'], '--host "not a host" is not a host name or IP address'],
    [['--host', '0.0.0.0', '--token', ''], '--token must not be empty (leave it out and a token is generated and printed)'],
    [['--host', '8.8.8.8'], '--host 8.8.8.8: not an address of this machine (use one of its interfaces, 127.0.0.1, or 0.0.0.0 for all)'],
    [['--port', '80x'], '--port must be 0..65535 (got "80x")'],
  ])('replay %j', async (args, message) => {
    expectOneLineError(await runCli(['replay', FIXTURE, '--port', '0', ...args]), message);
  });
  it('replay --host nonexistent.invalid: the name does not resolve', async () => {
    const run = await runCli(['replay', FIXTURE, '--port', '0', '--host', 'nonexistent.invalid']);
    expectOneLineError(run, /^ergsprint: --host nonexistent\.invalid: (no such host \(the name does not resolve\)|the name could not be resolved now)/);
  });
  it('replay --port of a port already in use', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const { port } = busy.address() as AddressInfo;
    try {
      expectOneLineError(await runCli(['replay', FIXTURE, '--port', String(port)]), `port ${port} is in use: choose another with --port (0 = any free port)`);
    } finally {
      busy.close();
    }
  });
  // Ports below net.ipv4.ip_unprivileged_port_start need root: as root, the child runs as nobody.
  const unprivilegedStart = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
  it.runIf(unprivilegedStart >= 2)('replay --port of a privileged port, as a user who may not bind it', async () => {
    const port = Math.min(80, unprivilegedStart - 1);
    const run = await runCli(['replay', FIXTURE, '--port', String(port)], process.getuid?.() === 0 ? { asUser: 65534 } : {});
    expectOneLineError(run, `--port ${port}: permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE): use --port 8080, or 0 for any free port`);
  });
  it('live checks --host and --token before touching Bluetooth', async () => {
    expectOneLineError(await runCli(['live', '--port', '0', '--host', 'localhost:80']), '--host takes a host name or IP address without a port (got "localhost:80"): give the port with --port');
    expectOneLineError(await runCli(['live', '--port', '0', '--host', '0.0.0.0', '--token=']), '--token must not be empty (leave it out and a token is generated and printed)');
  });
});

describe('inspect and decode usage errors (#12)', () => {
  it('inspect --rower of a rower the recording does not have names the rowers it has', async () => {
    const two = join(root, 'fixtures', 'two-rowers.ndjson');
    expectOneLineError(await runCli(['inspect', two, '--rower', 'nope']), `--rower "nope": no such rower in ${two}; its rowers: sim-1 (SIM Rower 1Hz 1), sim-2 (SIM Rower 1Hz 2)`);
  });
  it("decode '' is an error, not silence", async () => {
    const run = await runCli(['decode', '']);
    expectOneLineError(run, 'payload argument 1 is empty: give hex bytes like 2c0b00…, or pipe payloads on stdin');
    expect(run.stdout).toBe('');
  });
  it('decode of more than 512 MiB on stdin stops with a one-line error (streamed, not buffered)', async () => {
    const line = Buffer.from(`${' '.repeat(60_000)}\n`); // blank lines: skipped, so only the cap ends the run
    const lines = Math.ceil((512 * 1024 * 1024 + 1) / line.length);
    const run = await runCli(['decode', '--json'], {
      stdin: (stdin) => {
        let sent = 0;
        const pump = (): void => {
          while (sent < lines) {
            sent += 1;
            if (!stdin.write(line)) return void stdin.once('drain', pump);
          }
          stdin.end();
        };
        pump();
      },
    });
    expectOneLineError(run, `stdin: more than ${512 * 1024 * 1024} bytes of input (split it into smaller runs)`);
  }, 60_000);
  it('decode of a stdin line longer than 64 KiB stops with stdin:line: ...', async () => {
    const run = await runCli(['decode', '--json'], { stdin: `2c0b000000000000ffff00000000000000580000\n${'0'.repeat(70_000)}\n` });
    expectOneLineError(run, 'stdin:2: line longer than 65536 bytes (one payload per line)');
    expect(run.stdout.split('\n')).toHaveLength(2); // the first payload was printed
  });
});

describe('timer ranges (#8)', () => {
  it.each([['1e-7'], ['1e9'], ['0'], ['-1'], ['']])('replay --speed %j is refused with the range', async (speed) => {
    expectOneLineError(await runCli(['replay', FIXTURE, '--port', '0', '--speed', speed]), `--speed must be a number from 0.01 to 1000 (× real time; got "${speed}")`);
  });
  it('start --speed out of range is refused too', async () => {
    expectOneLineError(await runCli(['start', '--demo', '--port', '0', '--speed', '5000']), '--speed must be a number from 0.01 to 1000 (× real time; got "5000")');
  });
  it.each([['live'], ['scan']])('%s --timeout above 24 h (setTimeout would fire at once past 24.8 days) is refused', async (cmd) => {
    const run = await runCli([cmd, '--timeout', '2200000', ...(cmd === 'live' ? ['--port', '0'] : [])]);
    expectOneLineError(run, '--timeout must be a number of seconds, more than 0 and at most 86400 (24 h) (got "2200000")');
  });
});
