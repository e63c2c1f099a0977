/**
 * `npm run bench:mqtt`: H hubs × R rowers at Z Hz (synthetic hubs through the real bridge code,
 * mqtt-hub-sim.ts) → a local Mosquitto → the built `live --broker` with D WebSocket displays on
 * loopback (../soak/soak-displays.ts). Reports the display lag (receipt − the sample's time on the
 * central's time line, i.e. from the hub's receipt, mapped, to the display's receipt), broker and
 * central CPU, central RSS, then kills the broker for --outage-s and measures the catch-up: the
 * time from the broker's restart until the central holds every frame the hubs had recorded before
 * it. Finally: frames missing / duplicated in the central recording against the hubs' recordings.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMosquitto } from '../../mosquitto.js';
import type { DisplayReport } from '../soak/soak-displays.js';

const { values: opt } = parseArgs({
  options: {
    hubs: { type: 'string', default: '3' },
    rowers: { type: 'string', default: '8' },
    hz: { type: 'string', default: '4' },
    displays: { type: 'string', default: '100' },
    'steady-s': { type: 'string', default: '1800' },
    'outage-s': { type: 'string', default: '60' },
  },
});
const hubs = Number(opt.hubs);
const rowers = Number(opt.rowers);
const hz = Number(opt.hz);
const steadyS = Number(opt['steady-s']);
const outageS = Number(opt['outage-s']);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..'); // node_modules/.cache/ergsprint-bench → repo
const dir = mkdtempSync(join(tmpdir(), 'ergsprint-mqtt-bench-'));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const cpuS = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) / 100;
};
const children: ChildProcess[] = [];
const onMessage = <T>(c: ChildProcess, type: string): Promise<T> => new Promise((resolve) => {
  const h = (m: { type: string }): void => {
    if (m.type !== type) return;
    c.off('message', h);
    resolve(m as T);
  };
  c.on('message', h);
});
/** frame keys per rower, in file order: `rower c d` */
const frameKeys = (path: string, prefix = ''): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"c":"2ad1"')).map((l) => {
  const x = JSON.parse(l) as { r: string; c: string; d: string };
  return `${prefix}${x.r} ${x.d}`;
});
const perRower = (keys: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k.split(' ')[0]!, (m.get(k.split(' ')[0]!) ?? 0) + 1);
  return m;
};

const broker = await startMosquitto(['max_queued_messages 10000']);
const env = { ...process.env, XDG_DATA_HOME: join(dir, 'data') };
const central = join(dir, 'central.ndjson');
const live = spawn(process.execPath, [join(root, 'dist', 'bin.js'), 'live', '--broker', broker.url, '--record', central, '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
children.push(live);
let liveErr = '';
live.stderr?.on('data', (d: Buffer) => (liveErr += d.toString()));
for (let i = 0; i < 200 && !/display: (http:\/\/127\.0\.0\.1:\d+\/)/.test(liveErr); i++) await sleep(50);
const url = /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(liveErr)?.[1];
if (!url) throw new Error(`live did not start: ${liveErr}`);
const hubFiles = Array.from({ length: hubs }, (_, i) => join(dir, `hub-${i + 1}.ndjson`));
const hubProcs = hubFiles.map((f, i) => {
  const c = fork(join(here, 'mqtt-hub-sim.mjs'), [broker.url, `hub-${i + 1}`, String(rowers), String(hz), f], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(c);
  return c;
});
const displays = fork(join(here, 'mqtt-displays.mjs'), [`${url.replace('http', 'ws')}ws`, opt.displays, '100000:100000'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
children.push(displays);
await onMessage(displays, 'ready');
await sleep(3000);
const mPid = broker.pid();
const cpu0 = { live: cpuS(live.pid!), broker: cpuS(mPid) };
const rss0 = rssMb(live.pid!);
const wall0 = performance.now();
let rssMax = rss0;
const step = Math.min(60, Math.max(5, steadyS / 10));
for (let s = 0; s < steadyS; s += step) {
  await sleep(step * 1000);
  rssMax = Math.max(rssMax, rssMb(live.pid!));
  console.log(`mqtt bench: ${s + step} s, central RSS ${rssMb(live.pid!).toFixed(0)} MB`);
}
const wallS = (performance.now() - wall0) / 1000;
const cpuPct = { live: ((cpuS(live.pid!) - cpu0.live) / wallS) * 100, broker: ((cpuS(mPid) - cpu0.broker) / wallS) * 100 };
const rss1 = rssMb(live.pid!);
const reportP = onMessage<DisplayReport>(displays, 'result');
displays.send({ type: 'stop' });
const shown = await reportP;

// the outage
await broker.kill();
console.log(`mqtt bench: broker down for ${outageS} s`);
await sleep(outageS * 1000);
const before = new Map<string, number>();
for (const [i, f] of hubFiles.entries()) for (const [r, n] of perRower(frameKeys(f, `hub-${i + 1}/`))) before.set(r, n);
const restartAt = performance.now();
await broker.restart();
let catchUpS = NaN;
for (let i = 0; i < 1200; i++) {
  const got = perRower(frameKeys(central));
  if ([...before].every(([r, n]) => (got.get(r) ?? 0) >= n)) {
    catchUpS = (performance.now() - restartAt) / 1000;
    break;
  }
  await sleep(250);
}
await sleep(2000);
for (const h of hubProcs) h.send({ type: 'close' });
await Promise.all(hubProcs.map((h) => new Promise((r) => h.on('exit', r))));
await sleep(1500);
live.kill('SIGINT');
await new Promise((r) => live.on('exit', r));
await broker.kill();

const hubKeys = hubFiles.flatMap((f, i) => frameKeys(f, `hub-${i + 1}/`));
const centralKeys = frameKeys(central);
const count = (keys: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
const hc = count(hubKeys);
const cc = count(centralKeys);
let missing = 0;
let duplicated = 0;
for (const [k, n] of hc) missing += Math.max(0, n - (cc.get(k) ?? 0));
for (const [k, n] of cc) duplicated += Math.max(0, n - (hc.get(k) ?? 0));
const lagP = (p: number): number => {
  const want = (p / 100) * shown.samples;
  let acc = 0;
  for (let i = 0; i < shown.lagBuckets.length; i++) {
    acc += shown.lagBuckets[i] ?? 0;
    if (acc >= want) return (i + 1) * 0.5;
  }
  return NaN;
};
const figures = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  config: { hubs, rowers, hz, displays: Number(opt.displays), steadyS, outageS },
  displayLagMs: { p50: lagP(50), p99: lagP(99), max: shown.lagMax, samples: shown.samples },
  cpuPctOfOneCore: cpuPct,
  centralRssMb: { start: rss0, end: rss1, max: rssMax },
  catchUpS,
  frames: { hubs: hubKeys.length, central: centralKeys.length, missing, duplicated },
  dir,
};
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
writeFileSync(join(root, 'test-artifacts', 'bench-mqtt.json'), JSON.stringify(figures, null, 2));
console.log(JSON.stringify(figures, null, 2));
for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
process.exit(missing === 0 && duplicated === 0 ? 0 : 1);
