/**
 * Issue 15 items 2 and 3 end to end: the built CLI's `live` (real noble, NOBLE_WEBSOCKET=1)
 * against the built CLI's `simulate --ble`, when the remote adapter misbehaves: its process dies
 * and comes back, or it sends malformed messages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/recording/reader.js';
import { assertBuilt, count, frameKeys, killAll, lines, remoteAdapter, sleep, start, startSimulator, waitFor } from './live-process.js';

beforeAll(assertBuilt);
afterEach(() => killAll());

const ROWERS = ['e75100000001', 'e75100000002'];
const rowerFrames = (path: string, id: string): number => lines(path).filter((x) => x.r === id && x.c === '2ad1').length;
const events = (path: string, id: string): unknown[] => lines(path).filter((x) => x.r === id && x.type === 'event').map((x) => x.event);

describe('live when the remote adapter misbehaves', () => {
  it('a killed and restarted ws-slave: every rower disconnected, then connected again with frames after the restart, none twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-faults-'));
    const trace = join(dir, 'sent.ndjson');
    const recording = join(dir, 'live.ndjson');
    const { sim: sim1, url, port } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '60'], { ERGSPRINT_BLE_TRACE: trace });
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    await waitFor(() => ROWERS.every((id) => rowerFrames(recording, id) >= 2), 15_000, () => `frames from both rowers (live: ${live.stderr()})`);

    sim1.child.kill('SIGKILL'); // the remote adapter dies without a word
    await sim1.exited;
    await waitFor(() => ROWERS.every((id) => events(recording, id).includes('disconnected')), 5_000, () => `disconnected for both rowers (live: ${live.stderr()})`);
    const beforeRestart = ROWERS.map((id) => rowerFrames(recording, id));
    // shown on the status output too (the pipe is read after the timer that read the file: wait for it)
    await waitFor(() => /disconnected/.test(live.stdout()), 2_000, () => `"disconnected" on stdout: ${live.stdout()}`);

    const { sim: sim2 } = await startSimulator(['--rowers', '2', '--warmup', '0', '--seed', '99', '--duration', '8'], { ERGSPRINT_BLE_TRACE: trace }, port);
    expect((await sim2.exited).code).toBe(0);
    await sleep(300); // let the last notifications land
    expect(live.child.exitCode).toBeNull(); // still running through all of it
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    expect(live.stderr()).not.toMatch(/\n\s+at /); // no stack traces, at Ctrl-C either

    const rec = lines(recording);
    expect(count(frameKeys(rec))).toEqual(count(frameKeys(lines(trace)))); // every frame sent, exactly once
    for (const [i, id] of ROWERS.entries()) {
      expect(events(recording, id).slice(0, 3)).toEqual(['connected', 'disconnected', 'connected']);
      expect(rowerFrames(recording, id)).toBeGreaterThan((beforeRestart[i] ?? 0) + 1); // frames after the restart
    }
    await readRecording(recording); // and the whole file reads as a recording
  }, 60_000);

  it('malformed messages from the remote adapter are logged and survived; frames before and after are recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-faults-'));
    const trace = join(dir, 'sent.ndjson');
    const recording = join(dir, 'live.ndjson');
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '8', '--malformed', '4'], { ERGSPRINT_BLE_TRACE: trace });
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    await waitFor(() => sim.stderr().includes('malformed messages at 4 s'), 10_000, () => `the malformed messages (sim: ${sim.stderr()})`);
    const before = ROWERS.map((id) => rowerFrames(recording, id));
    expect(Math.min(...before)).toBeGreaterThan(0);
    expect((await sim.exited).code).toBe(0);
    await sleep(300);
    expect(live.child.exitCode).toBeNull();
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);

    expect(live.stderr()).toMatch(/remote adapter: dropped a malformed message \(not JSON/);
    expect(live.stderr()).not.toMatch(/\n\s+at /);
    for (const [i, id] of ROWERS.entries()) expect(rowerFrames(recording, id)).toBeGreaterThan((before[i] ?? 0) + 1);
    expect(count(frameKeys(lines(recording)))).toEqual(count(frameKeys(lines(trace))));
    for (const id of ROWERS) expect(events(recording, id)).toEqual(['connected', 'disconnected']); // the only drop: the simulator's end
  }, 40_000);
});
