/**
 * Virtual FTMS rowers on a virtual adapter: the simulator's frames (simulateSession) played in
 * real time through `VirtualBindings`, served over noble's ws-slave protocol, with link drops at
 * chosen times. `NOBLE_WEBSOCKET=1 ergsprint live` then runs the true noble path with no radio.
 */
import { appendFileSync } from 'node:fs';
import type { Frame } from '../../../ftms/frame.js';
import { DEVICE_INFORMATION_SERVICE, FTMS_SERVICE, HEART_RATE_SERVICE, ROWER_DATA } from '../../../ftms/uuids.js';
import { imitatedProfile, simulatedConsoles } from '../simulated-consoles.js';
import { simulateSession } from '../simulate-session.js';
import { resolveSimulateOptions, type SimulateOptions } from '../simulate-options.js';
import type { LinkDrop } from './drop-schedule.js';
import { VirtualBindings } from './virtual-bindings.js';
import type { VirtualDeviceSpec } from './virtual-device.js';
import { startWsSlaveServer, WS_SLAVE_PORT } from './ws-slave-server.js';

export interface BleSimulatorConfig {
  /** the session; each rower's `--profile` (a SimulatedConsole) decides its name and BLE start-up */
  simulate: SimulateOptions;
  drops: LinkDrop[];
  /** at each of these times, s, send the central the malformed messages of MALFORMED_MESSAGES */
  malformedAtS?: number[];
  port?: number;
  host?: string;
  /** skip this much of the simulated session, s */
  fromS?: number;
  /** stop after this long, s (default: the session's end) */
  durationS?: number;
  /** append one NDJSON line per delivered notification `{t,r,c,d}` */
  tracePath?: string;
  log: (line: string) => void;
}

export interface RunningBleSimulator {
  port: number;
  devices: VirtualDeviceSpec[];
  /** resolves when the session has been played to its end */
  done: Promise<void>;
  close(): Promise<void>;
}

/**
 * What a faulty remote adapter might send (issue 15 item 3): not JSON, not an object, no type,
 * fields noble dereferences missing or of the wrong type, and a well-formed notification for a
 * service noble never discovered (noble itself throws on that one).
 */
export const MALFORMED_MESSAGES = (id: string): string[] => [
  '{"type":"read","peripheralUuid":',
  'null',
  '[1,2,3]',
  '{"peripheralUuid":"x"}',
  '{"type":"discover","peripheralUuid":"ffffffffffff"}',
  `{"type":"read","peripheralUuid":"${id}","serviceUuid":"${FTMS_SERVICE}","characteristicUuid":"${ROWER_DATA}","data":"zz"}`,
  `{"type":"read","peripheralUuid":"${id}","serviceUuid":"${FTMS_SERVICE}","characteristicUuid":"${ROWER_DATA}","data":12}`,
  `{"type":"characteristicsDiscover","peripheralUuid":"${id}","serviceUuid":"${FTMS_SERVICE}","characteristics":"${ROWER_DATA}"}`,
  `{"type":"read","peripheralUuid":"${id}","serviceUuid":"ffff","characteristicUuid":"${ROWER_DATA}","data":"0100"}`,
  `{"type":"read","peripheralUuid":"0000000000ff","serviceUuid":"${FTMS_SERVICE}","characteristicUuid":"${ROWER_DATA}","data":"0100"}`,
];

/** BLE address-like id for rower `i` (0-based). */
export const simulatedDeviceId = (i: number): string => `e75100${(i + 1).toString(16).padStart(6, '0')}`;

/** Start serving; playing begins immediately (frames only reach a connected, subscribed client). */
export async function startBleSimulator(cfg: BleSimulatorConfig): Promise<RunningBleSimulator> {
  const session = simulateSession(cfg.simulate);
  const ids = new Map(session.header.rowers.map((r, i) => [r.id, simulatedDeviceId(i)]));
  const resolved = resolveSimulateOptions(cfg.simulate).rowers;
  const devices: VirtualDeviceSpec[] = session.header.rowers.map((r, i) => {
    const simulated = simulatedConsoles[resolved[i]?.profile ?? 'hz1-hold'];
    return {
      id: simulatedDeviceId(i),
      name: r.name,
      services: [FTMS_SERVICE, HEART_RATE_SERVICE, DEVICE_INFORMATION_SERVICE],
      // a console that refuses Start streams anyway, so it never waits for one
      startup: simulated.refusesStart ? 'none' : imitatedProfile(simulated).startup,
      ...(simulated.refusesStart ? { startAnswer: 'control-not-permitted' as const } : {}),
    };
  });
  const bindings = new VirtualBindings(devices, { advertiseMs: 100, latencyMs: 2 });
  const server = await startWsSlaveServer(bindings, { port: cfg.port ?? WS_SLAVE_PORT, ...(cfg.host ? { host: cfg.host } : {}) });
  for (const d of devices) cfg.log(`virtual rower ${d.name} (${d.id}) on ws://localhost:${server.port}`);

  const fromMs = (cfg.fromS ?? 0) * 1000;
  const frames = session.items.filter((i): i is Frame => i.kind === 'frame' && i.t >= fromMs);
  const lastMs = frames[frames.length - 1]?.t ?? fromMs;
  const endMs = cfg.durationS !== undefined ? Math.min(lastMs - fromMs, cfg.durationS * 1000) : lastMs - fromMs;
  const t0 = performance.now();
  const now = (): number => performance.now() - t0;
  const timers: Array<ReturnType<typeof setTimeout>> = [];

  for (const drop of cfg.drops) {
    timers.push(setTimeout(() => {
      cfg.log(`link drop at ${drop.atS} s for ${drop.durationS} s`);
      for (const d of devices) bindings.dropLink(d.id);
    }, drop.atS * 1000));
    timers.push(setTimeout(() => {
      cfg.log(`link back at ${drop.atS + drop.durationS} s`);
      for (const d of devices) bindings.restoreLink(d.id);
    }, (drop.atS + drop.durationS) * 1000));
  }

  for (const atS of cfg.malformedAtS ?? []) {
    timers.push(setTimeout(() => {
      const texts = devices.flatMap((d) => MALFORMED_MESSAGES(d.id));
      for (const text of texts) server.sendRaw(text);
      cfg.log(`sent ${texts.length} malformed messages at ${atS} s`);
    }, atS * 1000));
  }

  let next = 0;
  let playTimer: ReturnType<typeof setTimeout> | undefined;
  let finish = (): void => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const play = (): void => {
    const elapsed = now();
    while (next < frames.length && (frames[next]?.t ?? 0) - fromMs <= elapsed) {
      const f = frames[next++] as Frame;
      const id = ids.get(f.rower) ?? f.rower;
      if (bindings.push(id, f.char, f.bytes) && cfg.tracePath) {
        appendFileSync(cfg.tracePath, JSON.stringify({ t: Math.round(elapsed), r: id, c: f.char, d: Buffer.from(f.bytes).toString('hex') }) + '\n');
      }
    }
    if (next >= frames.length || elapsed >= endMs) return finish();
    const wait = Math.max(0, (frames[next]?.t ?? 0) - fromMs - now());
    playTimer = setTimeout(play, Math.min(wait, 1000));
  };
  play();

  return {
    port: server.port,
    devices,
    done,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      clearTimeout(playTimer);
      finish();
      bindings.close();
      await server.close();
    },
  };
}
