/**
 * Issue 15: what the user sees from the built CLI on bad input: one line on stderr, no stack,
 * the right exit code, at once (a FIFO must not block).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, killChildren, root, runCli, type CliRun } from './cli-process.js';

beforeAll(buildCli, 180_000);
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
