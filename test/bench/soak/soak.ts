/**
 * Soak: 16 simulated 1 Hz rowers (+ HR straps) served over noble's ws-slave protocol by the
 * `simulate --ble` machinery (soak-sim.ts), played S× faster than real time (default 4×: 2 h of data
 * in 30 min, so every rower notifies at 4 Hz of wall time), to the real `live` process
 * (NOBLE_WEBSOCKET=1, dist/bin.js) with its display server; two forced link drops; 50 churning
 * display clients (soak-displays.ts). Reports frames delivered vs recorded (missing, duplicated),
 * live's RSS and CPU, and the display lag. Run with `npm run soak [-- --data-min 30 --speed 4]`.
 *
 * noble's NOBLE_WEBSOCKET client only dials port 2846, so on Linux the soak re-runs itself inside a
 * private network namespace (`unshare -rn`) where that port cannot collide with anybody's tests.
 */
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compare } from './soak-compare.js';
import type { DisplayReport } from './soak-displays.js';
import type { SimConfig, SimToParent } from './soak-sim.js';

const { values: opt } = parseArgs({
  options: {
    'data-min': { type: 'string', default: '120' },
    speed: { type: 'string', default: '4' },
    rowers: { type: 'string', default: '16' },
    clients: { type: 'string', default: '50' },
    'drop-s': { type: 'string', default: '30' },
    /** how long a display stays connected, 'MIN:MAX' s */
    'stay-s': { type: 'string', default: '1:20' },
    'no-netns': { type: 'boolean', default: false },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const root = process.cwd();
const cli = join(root, 'dist', 'bin.js');

// ---- a private network namespace for port 2846 --------------------------------------------------
if (process.platform === 'linux' && !opt['no-netns'] && process.env.ERGSPRINT_SOAK_NETNS !== '1') {
  const can = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;
  if (can) {
    const child = spawn('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ERGSPRINT_SOAK_NETNS: '1' },
    });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 1));
    await new Promise(() => {}); // the namespaced run owns the rest
  }
  console.error('soak: no private network namespace (unshare -rn); using the host one — port 2846 must be free');
}

// ---- helpers ------------------------------------------------------------------------------------
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const children: ChildProcess[] = [];
const cleanup = (): void => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
process.on('exit', cleanup);
async function waitFor<T>(what: string, ms: number, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`soak: timed out waiting for ${what}`);
    await sleep(100);
  }
}
const onMessage = <M extends { type: string }>(c: ChildProcess, type: M['type']): Promise<M> =>
  new Promise((resolve) => {
    const h = (m: M): void => {
      if (m.type !== type) return;
      c.off('message', h);
      resolve(m);
    };
    c.on('message', h);
  });
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
/** user + system CPU of a process, s (clock ticks at 100 Hz, Linux's USER_HZ) */
const cpuS = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) / 100;
};

// ---- run ----------------------------------------------------------------------------------------
const dataS = Number(opt['data-min']) * 60;
const speed = Number(opt.speed);
const rowers = Number(opt.rowers);
const clients = Number(opt.clients);
const dropS = Number(opt['drop-s']);
const dir = mkdtempSync(join(tmpdir(), 'ergsprint-soak-'));
const simCfg: SimConfig = { rowers, speed, dataS, drops: [{ atS: dataS / 3, durationS: dropS }, { atS: (2 * dataS) / 3, durationS: dropS }], trace: join(dir, 'sent.ndjson') };
const recording = join(dir, 'live.ndjson');
console.log(`soak: displays stay ${opt['stay-s']} s; ${rowers} rowers, ${dataS / 60} min of data at ${speed}× (${((dataS / speed) / 60).toFixed(1)} min wall), drops ${simCfg.drops.map((d) => `${d.atS}:${d.durationS}`).join(', ')} s data, ${clients} churning displays; files in ${dir}`);

const sim = fork(join(here, 'soak-sim.mjs'), [JSON.stringify(simCfg)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
children.push(sim);
await onMessage<Extract<SimToParent, { type: 'listening' }>>(sim, 'listening');

const live = spawn(process.execPath, [cli, 'live', '--record', recording, '--port', '0', '--timeout', '60'], { cwd: root, env: { ...process.env, NOBLE_WEBSOCKET: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
children.push(live);
let liveErr = '';
const liveLog = createWriteStream(join(dir, 'live.stderr.log'));
live.stderr?.on('data', (d: Buffer) => {
  liveErr += d.toString();
  liveLog.write(d);
});
const liveExit = new Promise<number | null>((r) => live.on('exit', (code) => r(code)));
const url = await waitFor('the display address', 30_000, () => /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(liveErr)?.[1]);
await waitFor(`${rowers} connected rowers`, 120_000, async () => {
  const res = (await (await fetch(`${url}api/rowers`)).json()) as { rowers: Array<{ connected: boolean }> };
  return res.rowers.filter((r) => r.connected).length >= rowers ? true : undefined;
});
const livePid = live.pid as number;

const displays = fork(join(here, 'soak-displays.mjs'), [`${url.replace('http', 'ws')}ws`, String(clients), opt['stay-s']], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
children.push(displays);
await onMessage(displays, 'ready');

global.gc?.();
const rssStart = rssMb(livePid);
const cpu0 = cpuS(livePid);
const wall0 = performance.now();
const rssCurve: Array<[number, number]> = [[0, rssStart]];
let lastProgress = 0;
sim.on('message', (m: SimToParent) => {
  if (m.type !== 'progress' || m.dataS - lastProgress < Math.min(600, dataS / 6)) return;
  lastProgress = m.dataS;
  const rss = rssMb(livePid);
  rssCurve.push([Math.round(m.dataS / 60), rss]);
  console.log(`soak: data ${(m.dataS / 60).toFixed(0)} min, ${m.delivered} frames delivered, live RSS ${rss.toFixed(0)} MB`);
});
const done = onMessage<Extract<SimToParent, { type: 'done' }>>(sim, 'done');
sim.send({ type: 'play' });
const played = await done;
await sleep(3000); // the last notifications land, the displays get the last samples
const rssEnd = rssMb(livePid);
const cpuPct = ((cpuS(livePid) - cpu0) / ((performance.now() - wall0) / 1000)) * 100;
const reportP = onMessage<DisplayReport>(displays, 'result');
displays.send({ type: 'stop' });
const shown = await reportP;
live.kill('SIGINT');
const liveCode = await liveExit;
sim.send({ type: 'close' });
const cmp = compare(simCfg.trace, recording, shown.picks);

// display lag percentiles from the histogram
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
  config: { rowers, speed, dataMin: dataS / 60, wallMin: played.wallS / 60, drops: simCfg.drops, clients },
  frames: { played: played.played, delivered: played.delivered, notDeliveredDuringDrops: played.notDelivered, ...cmp },
  live: { exitCode: liveCode, rssStartMb: rssStart, rssEndMb: rssEnd, rssByDataMinute: rssCurve, cpuPctOfOneCore: cpuPct },
  displays: { picks: shown.picks.length, connects: shown.connects, hellos: shown.hellos, samples: shown.samples, errors: shown.errors, unexpectedCloses: shown.unexpectedCloses, openAtEnd: shown.open, lagMs: { p50: lagP(50), p99: lagP(99), min: shown.lagMin, max: shown.lagMax } },
  dir,
};
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
writeFileSync(join(root, 'test-artifacts', 'soak.json'), JSON.stringify(figures, null, 2));
const row = (k: string, v: string | number): string => `  ${k.padEnd(56)} ${v}`;
console.log(['', 'soak summary', ...[
  ['data time / wall time', `${figures.config.dataMin} min / ${figures.config.wallMin.toFixed(1)} min (${speed}×)`],
  ['frames played by the simulator', played.played],
  ['… delivered over the link (sent)', played.delivered],
  ['… not delivered (link down in the drops)', played.notDelivered],
  ['frames recorded by live (2ad1 + 2a37)', cmp.recorded],
  ['missing / duplicated (rower, char, payload)', `${cmp.missing} / ${cmp.duplicated}`],
  ['duplicated by (rower, t, payload)', cmp.duplicatedByRowerTPayload],
  ['recorded but never sent', cmp.unknown],
  ['rowers with a sequence ≠ the sent one', cmp.reordered],
  ['disconnects per rower', [...new Set(Object.values(cmp.disconnectsPerRower))].join(', ') || 'none'],
  ['notify → recorded t, p50 / p99 / min (ms)', `${cmp.bleLagMs.p50.toFixed(1)} / ${cmp.bleLagMs.p99.toFixed(1)} / ${cmp.bleLagMs.min.toFixed(1)}`],
  ['live RSS start → end (MB)', `${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)}`],
  ['live RSS by data minute (MB)', rssCurve.map(([m, v]) => `${m}:${v.toFixed(0)}`).join(' ')],
  ['live CPU (% of one core)', cpuPct.toFixed(1)],
  ['display connects / hellos / errors', `${shown.connects} / ${shown.hellos} / ${shown.errors}`],
  ['display closes not asked for', shown.unexpectedCloses],
  ['display samples received', shown.samples],
  ['display lag (sample t → receipt) p50 / p99 / max (ms)', `${lagP(50)} / ${lagP(99)} / ${shown.lagMax.toFixed(1)}`],
  [`notify → display receipt p50 / p99 / max (ms, n=${cmp.endToEndMs.n})`, `${cmp.endToEndMs.p50.toFixed(1)} / ${cmp.endToEndMs.p99.toFixed(1)} / ${cmp.endToEndMs.max.toFixed(1)}`],
  ['… by quarter of the session, p50 / p99 (ms)', cmp.endToEndByQuarter.map((q) => `${q.p50.toFixed(0)}/${q.p99.toFixed(0)}`).join('  ')],
  ['live exit code', String(liveCode)],
].map(([k, v]) => row(String(k), v as string))].join('\n'));
console.log(`\nfigures also in test-artifacts/soak.json; the recording and the simulator's trace are in ${dir}`);
cleanup();
process.exit(cmp.missing === 0 && cmp.duplicated === 0 && liveCode === 0 ? 0 : 1);
