/**
 * End to end with no radio: the built CLI's `live` (real noble, NOBLE_WEBSOCKET=1) against the
 * built CLI's `simulate --ble` (virtual rowers over noble's ws-slave protocol, on a free port
 * named by ERGSPRINT_WS_SLAVE_URL: parallel test runs cannot share noble's fixed 2846), with a dropped link.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/recording/reader.js';
import { assertBuilt, cli, root } from './cli-process.js';
import { count, killAll, lines, remoteAdapter, start, startSimulator, waitFor } from './live-process.js';

const children: ChildProcess[] = [];

beforeAll(assertBuilt);

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  killAll(); // the simulators and the CLI runs started through live-process
});

describe('live over NOBLE_WEBSOCKET against simulate --ble', () => {
  it('records every frame the virtual rowers sent before and after a dropped link, each exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-live-'));
    const trace = join(dir, 'sent.ndjson');
    const recording = join(dir, 'live.ndjson');
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--drop', '4:2', '--duration', '10'], { ERGSPRINT_BLE_TRACE: trace });
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    expect((await sim.exited).code).toBe(0);
    await new Promise((r) => setTimeout(r, 300)); // let the last notifications land
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    expect(live.stderr()).toContain(`recording saved: ${recording}`);

    const sent = lines(trace).map((x) => `${String(x.r)} ${String(x.c)} ${String(x.d)}`);
    const rec = lines(recording);
    expect(rec[0]).toMatchObject({ type: 'header', format: 'ergsprint-recording', source: 'ble' });
    const got = rec.filter((x) => x.c === '2ad1' || x.c === '2a37').map((x) => `${String(x.r)} ${String(x.c)} ${String(x.d)}`);
    expect(new Set(sent.map((s) => s.split(' ')[0])).size).toBe(2); // both rowers sent frames
    expect(count(got)).toEqual(count(sent));
    expect(got.length).toBe(sent.length);

    // the gap is visible: per rower connected → disconnected (the drop) → connected → ..., frames on both sides
    for (const id of new Set(sent.map((s) => s.split(' ')[0]))) {
      const mine = rec.filter((x) => x.r === id);
      const evs = mine.filter((x) => x.type === 'event').map((x) => x.event);
      expect(evs.slice(0, 3)).toEqual(['connected', 'disconnected', 'connected']);
      const iDrop = mine.findIndex((x) => x.event === 'disconnected');
      expect(mine.slice(0, iDrop).some((x) => x.c === '2ad1')).toBe(true);
      expect(mine.slice(iDrop).some((x) => x.c === '2ad1')).toBe(true);
    }
  }, 40_000);

  it.each([
    ['i-rower', 'streams only after Request Control + Start', /found I-ROWER SIM/],
    ['refuse-start', 'answers Start with "control not permitted" yet streams', /control point op 7: control-not-permitted \(continuing\)/],
  ])('start-up over the ws path: a %s device (%s) ends up recorded', async (device, _what, logLine) => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-live-'));
    const recording = join(dir, 'live.ndjson');
    const { sim, url } = await startSimulator(['--profile', device, '--warmup', '0', '--duration', '5']);
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    expect((await sim.exited).code).toBe(0);
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    expect(live.stderr()).toMatch(logLine);
    expect(lines(recording).filter((x) => x.c === '2ad1').length).toBeGreaterThan(0);
  }, 20_000);

  it('leaves a readable recording when killed with SIGKILL mid-session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-live-'));
    const recording = join(dir, 'live.ndjson');
    const { sim, url } = await startSimulator(['--warmup', '0', '--duration', '8']);
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    await waitFor(() => existsSync(recording) && readFileSync(recording, 'utf8').split('"c":"2ad1"').length > 3, 10_000, () => 'three Rower Data frames');
    live.child.kill('SIGKILL');
    await live.exited;
    const rec = await readRecording(recording);
    expect(rec.header.source).toBe('ble');
    expect(rec.items.filter((i) => i.kind === 'frame' && i.char === '2ad1').length).toBeGreaterThanOrEqual(3);
    sim.child.kill('SIGINT');
    await sim.exited;
  }, 20_000);

  it('records POST /api/workout start (whole room) and stop (one rower); replaying the recording starts and stops the same plans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-live-'));
    const recording = join(dir, 'live.ndjson');
    const { sim, url: adapter } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '8']);
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(adapter));
    await waitFor(() => /display: http:\/\/127\.0\.0\.1:\d+\//.test(live.stderr()), 10_000, () => `the display address in: ${live.stderr()}`);
    const url = /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(live.stderr())![1]!;
    let ids: string[] = [];
    for (let i = 0; i < 200 && ids.length < 2; i++) {
      ids = ((await (await fetch(`${url}api/rowers`)).json()) as { rowers: Array<{ id: string }> }).rowers.map((r) => r.id).sort();
      if (ids.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ids).toHaveLength(2);
    const post = (body: unknown) => fetch(`${url}api/workout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ action: 'start', plan: 'hiit-30-60' })).status).toBe(202);
    expect((await post({ action: 'stop', rower: ids[0] })).status).toBe(202);
    expect((await sim.exited).code).toBe(0);
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);

    const rec = await readRecording(recording);
    const evs = rec.items.flatMap((i) => (i.kind === 'event' && i.event.startsWith('workout-') ? [i] : []));
    expect(evs.map((e) => `${e.rower} ${e.event} ${String(e.plan?.['name'])}`)).toEqual([
      `${ids[0]} workout-start hiit-30-60`,
      `${ids[1]} workout-start hiit-30-60`,
      `${ids[0]} workout-stop undefined`,
    ]);
    const { session$ } = await import('../../src/pipeline/session.js');
    const { replay$ } = await import('../../src/sources/replay.js');
    const { firstValueFrom, toArray } = await import('rxjs');
    const plans = (await firstValueFrom(replay$(rec.items, { speed: 'instant' }).pipe(session$(), toArray()))).flatMap((e) => (e.type === 'plan' ? [`${e.rower} ${e.plan.rep}/${e.plan.reps} ${e.plan.phase}`] : []));
    expect(plans).toContain(`${ids[0]} 0/8 stopped`);
    // the plan has a warm-up: rower 2's countdown to sprint 1 runs through it (issue 12)
    expect(plans).toContain(`${ids[1]} 0/8 warmup`);
  }, 40_000);

  it('scan --json lists the virtual rowers and why they were recognised', async () => {
    const { sim, url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '8']);
    const scan = start(['scan', '--json', '--timeout', '1.5'], remoteAdapter(url));
    expect((await scan.exited).code).toBe(0);
    const doc = JSON.parse(scan.stdout()) as { devices: Array<{ id: string; kind: string; reason: string; name: string }> };
    expect(doc.devices.map((d) => d.id).sort()).toEqual(['e75100000001', 'e75100000002']);
    for (const d of doc.devices) {
      expect(d.kind).toBe('rower');
      expect(d.reason).toMatch(/FTMS service data says rower/);
    }
    sim.child.kill('SIGINT');
    await sim.exited;
  }, 20_000);

  it('scan on a machine without Bluetooth prints the clear EAFNOSUPPORT message and exits 3', async () => {
    const env = { ...process.env };
    delete env.NOBLE_WEBSOCKET;
    const scan = spawn(process.execPath, [cli, 'scan', '--timeout', '1'], { cwd: root, env });
    children.push(scan);
    let err = '';
    scan.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => scan.on('exit', resolve));
    expect(err).toMatch(/^ergsprint: No Bluetooth adapter is usable on this machine \(EAFNOSUPPORT\)/);
    expect(err).toContain('NOBLE_WEBSOCKET=1');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    expect(code).toBe(3);
  }, 20_000);
  it('live whose remote adapter fails after the display started ends with one line: no JSON log, no stack (issue 15 #12)', async () => {
    // nothing listens on noble's ws-slave port now (the simulators above have exited)
    const recording = join(mkdtempSync(join(tmpdir(), 'ergsprint-live-')), 'none.ndjson');
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '3'], { NOBLE_WEBSOCKET: '1' });
    expect((await live.exited).code).toBe(3);
    const err = live.stderr();
    expect(err).toMatch(/display: http:\/\/127\.0\.0\.1:\d+\//); // it failed after the server started
    expect(err).not.toContain('{"level"');
    expect(err).not.toMatch(/\n\s+at /);
    const errors = err.split('\n').filter((l) => l.startsWith('ergsprint:'));
    expect(errors).toEqual([expect.stringMatching(/^ergsprint: The remote Bluetooth adapter at ws:\/\/localhost:2846 is unreachable or off/)]);
    expect(existsSync(recording)).toBe(false); // nothing was recorded
  }, 20_000);
  it('start (npm start) without Bluetooth says why and serves the looping demo with its banner', async () => {
    const env = { ...process.env };
    delete env.NOBLE_WEBSOCKET;
    const run = start(['start', '--port', '0'], env as Record<string, string>);
    await waitFor(() => /display: http:\/\/127\.0\.0\.1:\d+\//.test(run.stderr() + run.stdout()), 15_000, () => `the display address in: ${run.stderr()}`);
    const err = run.stderr();
    expect(err).toMatch(/Bluetooth is not usable here: .*EAFNOSUPPORT/);
    expect(err).toMatch(/starting the demo instead: a looping replay of .*two-rowers\.ndjson/);
    expect(err).not.toMatch(/\n\s+at /);
    const url = /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.stderr() + run.stdout())![1]!;
    expect((await fetch(url)).status).toBe(200); // the built display page
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`${url.replace('http', 'ws')}ws`);
    const hello = await new Promise<{ type: string; banner?: string }>((resolve, reject) => {
      ws.once('message', (d) => resolve(JSON.parse(String(d)) as { type: string; banner?: string }));
      ws.once('error', reject);
    });
    ws.close();
    expect(hello.type).toBe('hello');
    expect(hello.banner).toMatch(/demo/i);
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(0);
  }, 30_000);
});
