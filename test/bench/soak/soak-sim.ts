/**
 * Child process of the soak: the `simulate --ble` machinery (simulated sessions → VirtualBindings →
 * noble's ws-slave server on port 2846) with what the CLI does not offer: more than 8 rowers (one
 * simulated session per 8), a playback speed, and a start on cue, once `live` holds every rower.
 * Link drops are those of `--drop` (VirtualBindings.dropLink/restoreLink for every rower).
 * Every delivered notification is traced as `{t, w, r, c, d}` (t data ms, w wall ms since epoch).
 */
import { createWriteStream } from 'node:fs';
import type { Frame } from '../../../src/ftms/frame.js';
import { simulatedDeviceId } from '../../../src/sources/simulator/ble-server/ble-simulator.js';
import { VirtualBindings } from '../../../src/sources/simulator/ble-server/virtual-bindings.js';
import type { VirtualDeviceSpec } from '../../../src/sources/simulator/ble-server/virtual-device.js';
import { startWsSlaveServer } from '../../../src/sources/simulator/ble-server/ws-slave-server.js';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import type { SimulateOptions } from '../../../src/sources/simulator/simulate-options.js';

export interface SimConfig {
  rowers: number;
  /** data seconds per wall second */
  speed: number;
  /** data time to play, s */
  dataS: number;
  /** link drops in data time, s */
  drops: Array<{ atS: number; durationS: number }>;
  trace: string;
}

export type SimToParent =
  | { type: 'listening'; port: number; devices: number }
  | { type: 'progress'; dataS: number; delivered: number }
  | { type: 'done'; played: number; delivered: number; notDelivered: number; wallS: number };

const cfg = JSON.parse(process.argv[2] ?? '{}') as SimConfig;
const send = (m: SimToParent): void => void process.send?.(m);
const wallMs = (): number => performance.timeOrigin + performance.now();

/** Rowers 1–8 row intervals, 9–16 a steady row: 2 h each (clipped to dataS), 1 Hz consoles + HR straps. */
function sessionFrames(): Frame[] {
  const frames: Frame[] = [];
  for (let g = 0; g * 8 < cfg.rowers; g++) {
    const n = Math.min(8, cfg.rowers - g * 8);
    const rowers = Array.from({ length: n }, (_, i) => ({ id: simulatedDeviceId(g * 8 + i), name: `SIM Rower 1Hz ${g * 8 + i + 1}` }));
    const shape: SimulateOptions = g % 2 === 0 ? { reps: 30, workS: 60, restS: 120, warmupS: 900, cooldownS: 900 } : { steadyMin: 110, warmupS: 300, cooldownS: 300 };
    const s = simulateSession({ ...shape, seed: 1000 + g, profile: 'hz1-hold', hr: 'strap', rowers });
    for (const it of s.items) if (it.kind === 'frame' && it.t < cfg.dataS * 1000) frames.push(it);
  }
  return frames.sort((a, b) => a.t - b.t);
}

const frames = sessionFrames();
const devices: VirtualDeviceSpec[] = Array.from({ length: cfg.rowers }, (_, i) => ({
  id: simulatedDeviceId(i),
  name: `SIM Rower 1Hz ${i + 1}`,
  services: ['1826', '180d', '180a'],
  startup: 'none',
}));
const bindings = new VirtualBindings(devices, { advertiseMs: 100, latencyMs: 2 });
const server = await startWsSlaveServer(bindings);
send({ type: 'listening', port: server.port, devices: devices.length });

const trace = createWriteStream(cfg.trace);
let next = 0;
let delivered = 0;
let notDelivered = 0;

function play(): Promise<number> {
  const t0 = performance.now();
  const dataNow = (): number => (performance.now() - t0) * cfg.speed;
  for (const d of cfg.drops) {
    setTimeout(() => devices.forEach((v) => bindings.dropLink(v.id)), (d.atS * 1000) / cfg.speed);
    setTimeout(() => devices.forEach((v) => bindings.restoreLink(v.id)), ((d.atS + d.durationS) * 1000) / cfg.speed);
  }
  const progress = setInterval(() => send({ type: 'progress', dataS: dataNow() / 1000, delivered }), 10_000);
  return new Promise((resolve) => {
    const tick = (): void => {
      const now = dataNow();
      while (next < frames.length && (frames[next] as Frame).t <= now) {
        const f = frames[next++] as Frame;
        if (bindings.push(f.rower, f.char, f.bytes)) {
          delivered++;
          trace.write(`{"t":${f.t},"w":${wallMs().toFixed(1)},"r":"${f.rower}","c":"${f.char}","d":"${Buffer.from(f.bytes).toString('hex')}"}\n`);
        } else notDelivered++;
      }
      if (next >= frames.length) {
        clearInterval(progress);
        resolve((performance.now() - t0) / 1000);
        return;
      }
      const wait = ((frames[next] as Frame).t - dataNow()) / cfg.speed;
      setTimeout(tick, Math.max(0, Math.min(wait, 100)));
    };
    tick();
  });
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'play') {
    void play().then(async (wallS) => {
      await new Promise<void>((r) => trace.end(r));
      send({ type: 'done', played: frames.length, delivered, notDelivered, wallS });
    });
  }
  if (m.type === 'close') {
    bindings.close();
    void server.close().then(() => process.exit(0));
  }
});
