/**
 * Issue 15 #1: output piped to a slow reader arrives whole. The CLI used to call process.exit()
 * while writes to the pipe were still queued, cutting `analyze --json | jq` at 64 KiB.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, killChildren, runCli } from './cli-process.js';

beforeAll(assertBuilt);
afterEach(killChildren);

const PAYLOAD = '2c0b000000000000ffff00000000000000580000';

describe('piped output through a slow reader (a real pipe, as in a shell)', () => {
  it('decode --json of 20000 payloads prints all 20000 JSON lines', async () => {
    const stdin = `${PAYLOAD}\n`.repeat(20_000);
    const run = await runCli(['decode', '--json'], { stdin, slowReaderMs: 20, realPipe: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    expect(lines).toHaveLength(20_000);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ heartRate: 88, powerW: 0 });
  });

  it('analyze --json of an eight-rower recording prints the whole (256 KiB) document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-pipe-'));
    const file = join(dir, 'eight.ndjson');
    const sim = await runCli(['simulate', '--out', file, '--rowers', '8', '--reps', '30', '--rest', '30', '--warmup', '0', '--cooldown', '0', '--surges', '0']);
    expect(sim.code).toBe(0);
    const run = await runCli(['analyze', file, '--json'], { slowReaderMs: 20, realPipe: true });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(64 * 1024);
    const doc = JSON.parse(run.stdout) as { rowers: Array<{ intervals: unknown[] }> };
    expect(doc.rowers).toHaveLength(8);
    for (const r of doc.rowers) expect(r.intervals.length).toBeGreaterThanOrEqual(30);
  });

  it('a reader that stops early (`| head -c 1000`) ends the output: exit 0, nothing on stderr', async () => {
    const run = await runCli(['decode', '--json'], { stdin: `${PAYLOAD}\n`.repeat(20_000), closeStdoutAfter: 1000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
