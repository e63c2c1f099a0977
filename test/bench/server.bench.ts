/**
 * Display server under gym load: 16 rowers at 4 Hz fanned out to 200 WebSocket displays on loopback
 * (the displays run in a child process). Reports the p50/p99 delay from an event entering the server
 * to the display receiving it (an upper bound of "leaving the server"), the server process's CPU
 * use, and RSS over 1 h of session data replayed at 120×. Figures go to stdout and
 * test-artifacts/bench-server.json.
 */
import { bench, describe } from 'vitest';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Subject } from 'rxjs';
import { buildApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import type { Interval } from '../../src/analysis/types.js';

const ROWERS = 16;
const DISPLAYS = 200;
const HZ = 4;
const wallMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

function sample(rower: number, t: number, bench: boolean): ServerInput {
  // `bench` marks samples stamped with wall time (latency run); the sample type allows no extras, hence the cast
  return { type: 'sample', rower: `r${rower}`, sample: { t, rower: `r${rower}`, powerW: 300 + (t % 97), strokeRate: 30, distanceM: t / 300, heartRate: 150, bench } as never };
}

function interval(rower: number, index: number, start: number): Interval {
  return {
    rower: `r${rower}`, index, kind: 'work', start, end: start + 30_000,
    stats: { durationS: 30, avgPowerW: 420, peakPowerW: 510, avgStrokeRate: 36 },
    verdict: { allOut: true, score: 90, kind: 'all-out', reasons: [{ code: 'POWER', pass: true, value: 420, threshold: 380, message: '420 W — 105 % of the 400 W expected for this sprint.' }] },
  };
}

async function run(): Promise<void> {
  const events$ = new Subject<ServerInput>();
  // every display runs in one child process on 127.0.0.1: lift the per-address caps (16 displays, 64 connections)
  const app = await buildApp({ events$, options: { requireToken: false, maxClients: 300, maxClientsPerAddress: 300, limits: { maxConnectionsPerAddress: 400 } } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
  for (let r = 0; r < ROWERS; r++) events$.next({ type: 'rower', rower: `r${r}`, name: `Rower ${r + 1}`, connected: true, t: 0 });
  const child = fork(new URL('./ws-displays.mjs', import.meta.url), [url, String(DISPLAYS)], { stdio: 'inherit' });
  const fromChild = (type: string) => new Promise<Record<string, unknown>>((resolve) => child.on('message', (m: Record<string, unknown>) => m.type === type && resolve(m)));
  await fromChild('ready');

  // 1) latency + CPU: real-time 4 Hz per rower, staggered, for 20 s
  const seconds = 20;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let tick = 0;
  const publishMs: number[] = [];
  const timer = setInterval(() => {
    const r = tick % ROWERS;
    tick++;
    const p0 = performance.now();
    events$.next(sample(r, wallMs(), true));
    publishMs.push(performance.now() - p0);
    if (tick % (ROWERS * HZ * 30) === 0) events$.next({ type: 'phase', phase: { rower: `r${r}`, kind: 'work', start: tick, provisional: false } });
  }, 1000 / (ROWERS * HZ));
  await sleep(seconds * 1000);
  clearInterval(timer);
  const cpu = process.cpuUsage(cpu0);
  const elapsedMs = performance.now() - t0;
  await sleep(500);
  const resultP = fromChild('result');
  child.send({ type: 'stop' });
  const res = (await resultP) as { latencies: number[]; messages: number; open: number };
  const cpuPct = ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100;

  // 2) RSS: 1 h of session data (16 rowers × 4 Hz, a sprint every 2 min) at 120×, 200 displays connected
  const child2 = fork(new URL('./ws-displays.mjs', import.meta.url), [url, String(DISPLAYS)], { stdio: 'inherit' });
  await new Promise<void>((resolve) => child2.on('message', (m: { type: string }) => m.type === 'ready' && resolve()));
  const speed = 120;
  const rss: Array<[number, number]> = [];
  const stepMs = 1000 / HZ;
  for (let t = 0, wall = performance.now(); t <= 3_600_000; t += stepMs) {
    for (let r = 0; r < ROWERS; r++) {
      events$.next(sample(r, t, false));
      if (t % 120_000 === 0 && t > 0) {
        events$.next({ type: 'phase', phase: { rower: `r${r}`, kind: 'work', start: t, provisional: false, index: t / 120_000 } });
        events$.next({ type: 'interval', interval: interval(r, t / 120_000, t - 30_000) });
      }
    }
    if (t % 300_000 === 0) {
      global.gc?.();
      rss.push([t / 60_000, process.memoryUsage().rss / 1e6]);
    }
    const due = wall + t / speed - performance.now();
    if (due > 0) await sleep(due);
  }
  const stop2 = new Promise<{ open: number }>((resolve) => child2.on('message', (m: { type: string; open: number }) => m.type === 'result' && resolve(m)));
  child2.send({ type: 'stop' });
  const end2 = await stop2;
  await app.close();

  const figures = {
    rowers: ROWERS,
    displays: DISPLAYS,
    // time inside the server to apply one event and hand it to all 200 sockets (when not held by the 4 Hz throttle)
    publishMs: { p50: pct(publishMs, 50), p99: pct(publishMs, 99), max: publishMs.reduce((m, x) => Math.max(m, x), 0) },
    latencyMs: { p50: pct(res.latencies, 50), p99: pct(res.latencies, 99), max: res.latencies.reduce((m, x) => Math.max(m, x), 0), samples: res.latencies.length },
    messagesReceived: res.messages,
    displaysOpenAtEnd: res.open,
    serverCpuPctOfOneCore: cpuPct,
    rssMbByDataMinute: rss,
    displaysOpenAfterSoak: end2.open,
    hub: app.hub.stats,
  };
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/bench-server.json', JSON.stringify(figures, null, 2));
  console.log(`server bench: publish+fan-out p50 ${figures.publishMs.p50.toFixed(2)} ms, p99 ${figures.publishMs.p99.toFixed(2)} ms`);
  console.log(`server bench: p50 ${figures.latencyMs.p50.toFixed(2)} ms, p99 ${figures.latencyMs.p99.toFixed(2)} ms (event → display, ${res.latencies.length} deliveries), CPU ${cpuPct.toFixed(1)} % of one core`);
  console.log(`server bench: RSS MB by data minute ${rss.map(([m, v]) => `${m}:${v.toFixed(0)}`).join(' ')}`);
}

describe('display server', () => {
  bench('16 rowers × 4 Hz → 200 displays; 1 h soak at 120×', run, { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
});
