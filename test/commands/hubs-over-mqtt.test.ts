/**
 * End to end, real processes: `simulate --ble` rowers → `hub` → Mosquitto → `live --broker
 * --record`. Every frame the virtual rowers sent (the simulator's trace) is in the central's
 * recording(s) exactly once, across a broker crash (restarted without persistence), a hub killed
 * with SIGKILL and started again (a new hub session), and a central killed and started again. A
 * hub killed mid-stream never saw what was on its way to it: there the central must hold exactly
 * what the hubs recorded, and only frames sent in the second after the kill may be missing.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Broker, startMosquitto } from '../mosquitto.js';
import { startRelay } from '../tcp-cut.js';
import { assertBuilt, count, frameKeys, killAll, lines, remoteAdapter, type Run, sleep, start, startSimulator, waitFor } from './live-process.js';

let broker: Broker | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  killAll();
  await broker?.kill();
});

/** frame keys with the hub prefix taken off the rower id (`hub-a/e751…` → `e751…`) */
const unprefixed = (keys: string[]): string[] => keys.map((k) => k.replace(/^[a-z0-9-]+\//, ''));

const startCentral = async (env: Record<string, string>, url: string, record: string): Promise<Run> => {
  const live = start(['live', '--broker', url, '--record', record, '--port', '0'], env);
  await waitFor(() => /connected to mqtt:/.test(live.stderr()), 10_000, () => `the central to connect: ${live.stderr()}`);
  return live;
};
const startHub = async (env: Record<string, string>, url: string): Promise<Run> => {
  const hub = start(['hub', '--broker', url, '--id', 'hub-a', '--timeout', '10'], env);
  await waitFor(() => /hub hub-a: connected/.test(hub.stderr()), 10_000, () => `the hub to connect: ${hub.stderr()}`);
  return hub;
};
/** wait until the central recordings hold as many frames as `expected` (read again at each look) or time out, then compare */
const settle = async (expected: () => string[], recordings: string[]): Promise<string[]> => {
  const got = (): string[] => unprefixed(recordings.flatMap((r) => frameKeys(lines(r))));
  await waitFor(() => got().length >= expected().length, 15_000, () => `${expected().length} frames in the central recording (has ${got().length})`).catch(() => {});
  return got();
};

describe('several hubs over MQTT: nothing lost, nothing twice', () => {
  it('across a broker crash and a hub killed and restarted (new hub session)', async () => {
    broker = await startMosquitto();
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-mqtt-'));
    const trace = join(dir, 'sent.ndjson');
    const central = join(dir, 'central.ndjson');
    const env = { XDG_DATA_HOME: join(dir, 'data') };
    const live = await startCentral(env, broker.url, central);
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '16'], { ERGSPRINT_BLE_TRACE: trace });
    const hubEnv = { ...env, ...remoteAdapter(url) };
    let hub = await startHub(hubEnv, broker.url);
    await sleep(4000);
    await broker.restart(); // SIGKILL: the central's queue and every retained message are gone
    await sleep(3000);
    hub.child.kill('SIGKILL'); // its last batch never left; its recording has it
    await hub.exited;
    hub = await startHub(hubEnv, broker.url);
    expect((await sim.exited).code).toBe(0);
    const sentLines = lines(trace).filter((x) => x.c === '2ad1' || x.c === '2a37');
    const sent = frameKeys(sentLines);
    // two hub sessions, each with its own recording: the durable copies the central must match
    const hubDir = join(dir, 'data', 'ergsprint', 'hub', 'hub-a');
    const hubFiles = readdirSync(hubDir).filter((f) => f.endsWith('.ndjson') && f !== 'sessions.ndjson').sort().map((f) => join(hubDir, f));
    expect(hubFiles).toHaveLength(2);
    // read again until the central has caught up: the running hub may still be writing its last frames
    const hubFrames = (): string[] => hubFiles.flatMap((f) => frameKeys(lines(f)));
    const got = await settle(hubFrames, [central]);
    const recorded = hubFrames();
    live.child.kill('SIGINT');
    hub.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    if (process.env.ERGSPRINT_TEST_DEBUG) console.log(live.stderr());
    expect(new Set(sent.map((s) => s.split(' ')[0])).size).toBe(2);
    // every frame a hub recorded reaches the central once, across the broker crash and the hub's restart
    expect(count(got), `central:\n${live.stderr()}\nhub:\n${hub.stderr()}`).toEqual(count(recorded));
    expect(got.length).toBe(recorded.length);
    // and the hubs recorded every frame sent, but what was on its way to the hub when it was
    // killed (no copy of that exists): only frames sent within 1 s after the last one it recorded
    const missing = new Map(count(sent));
    for (const k of recorded) missing.set(k, (missing.get(k) ?? 0) - 1);
    const unrecorded = [...missing].filter(([, n]) => n > 0).map(([k]) => k);
    // the kill, on the simulator's clock: the latest Rower Data frame (each is unique) the first hub session recorded
    const ofA = new Set(frameKeys(lines(hubFiles[0]!)).filter((k) => k.includes(' 2ad1 ')));
    const killT = Math.max(...sentLines.filter((_, i) => ofA.has(sent[i]!)).map((x) => Number(x.t)));
    const inFlight = (k: string): boolean => sentLines.some((x, i) => sent[i] === k && Number(x.t) > killT && Number(x.t) - killT <= 1000);
    expect(unrecorded.filter((k) => !inFlight(k)), `not recorded: ${unrecorded.join(', ')}`).toEqual([]);
    expect(unrecorded.length).toBeLessThanOrEqual(4);
    // the hub's restart showed on the central as the rowers' signal lost, then back (and lost at the simulator's end)
    const evs = lines(central).filter((x) => x.type === 'event' && x.r === 'hub-a/e75100000001').map((x) => x.event);
    expect(evs[0]).toBe('connected');
    const lost = evs.indexOf('disconnected');
    expect(lost).toBeGreaterThan(0);
    expect(evs.slice(lost)).toContain('connected');
  }, 60_000);

  it('across the central killed and restarted: the union of its recordings holds every frame once', async () => {
    broker = await startMosquitto();
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-mqtt-'));
    const trace = join(dir, 'sent.ndjson');
    const first = join(dir, 'central-1.ndjson');
    const second = join(dir, 'central-2.ndjson');
    const env = { XDG_DATA_HOME: join(dir, 'data') };
    let live = await startCentral(env, broker.url, first);
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '12'], { ERGSPRINT_BLE_TRACE: trace });
    const hub = await startHub({ ...env, ...remoteAdapter(url) }, broker.url);
    await sleep(4000);
    live.child.kill('SIGKILL');
    await live.exited;
    await sleep(3000); // batches queue for the central's persistent session meanwhile
    live = await startCentral(env, broker.url, second);
    expect((await sim.exited).code).toBe(0);
    const sent = frameKeys(lines(trace));
    const got = await settle(() => sent, [first, second]);
    live.child.kill('SIGINT');
    hub.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    expect(frameKeys(lines(first)).length).toBeGreaterThan(0);
    expect(frameKeys(lines(second)).length).toBeGreaterThan(0);
    expect(count(got), `central:\n${live.stderr()}\nhub:\n${hub.stderr()}`).toEqual(count(sent));
    expect(got.length).toBe(sent.length);
  }, 40_000);

  // 9 s by default (past the 7.5-s keep-alive limit); ERGSPRINT_MQTT_CUT_S=30 runs the 30-s cut (the README's figure)
  const cutS = Number(process.env.ERGSPRINT_MQTT_CUT_S ?? 9);
  it(`across a ${cutS}-s network cut between the hub and the broker: the wall shows the hub offline, then every frame arrives`, async () => {
    broker = await startMosquitto();
    const relay = await startRelay(broker.port);
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-mqtt-'));
    const trace = join(dir, 'sent.ndjson');
    const central = join(dir, 'central.ndjson');
    const env = { XDG_DATA_HOME: join(dir, 'data') };
    const live = await startCentral(env, broker.url, central);
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', String(cutS + 6)], { ERGSPRINT_BLE_TRACE: trace });
    const hub = await startHub({ ...env, ...remoteAdapter(url) }, `mqtt://127.0.0.1:${relay.port}`);
    await sleep(3000);
    relay.cut();
    const cutAt = Date.now();
    // the broker misses the hub's keep-alive (5 s × 1.5) and publishes its last-will: rowers shown as signal lost
    await waitFor(() => /hub hub-a offline/.test(live.stderr()), 12_000, () => `the hub offline on the central: ${live.stderr()}`);
    const lostAt = lines(central).filter((x) => x.event === 'disconnected').length;
    expect(lostAt).toBe(2);
    await sleep(Math.max(0, cutS * 1000 - (Date.now() - cutAt)));
    relay.heal();
    expect((await sim.exited).code).toBe(0);
    const sent = frameKeys(lines(trace));
    const got = await settle(() => sent, [central]);
    live.child.kill('SIGINT');
    hub.child.kill('SIGINT');
    await relay.close();
    expect((await live.exited).code).toBe(0);
    expect(count(got), `central:\n${live.stderr()}\nhub:\n${hub.stderr()}`).toEqual(count(sent));
    expect(got.length).toBe(sent.length);
  }, 45_000 + cutS * 1000);
});
