/**
 * Child process of the MQTT benchmark: one hub with N synthetic rowers at H Hz (Rower Data frames
 * built with the real encoder), recorded to its own file and published through the real HubBridge.
 * argv: brokerUrl hubId rowers hz recordPath. IPC: 'close' → flush, offline state, exit.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'mqtt';
import { HubBridge, hubWill } from '../../../src/bridge/hub-bridge.js';
import { encodeRowerData } from '../../../src/ftms/rower-data.js';
import { LiveRecorder } from '../../../src/recording/live-recorder.js';
import { sessionClock } from '../../../src/sources/ble/session-clock.js';

const [url = '', hub = 'hub-1', rowersText = '8', hzText = '4', path = ''] = process.argv.slice(2);
const rowers = Number(rowersText);
const hz = Number(hzText);
const sid = randomBytes(6).toString('hex');
const clock = sessionClock();
const log = (l: string): void => void process.stderr.write(`${hub}: ${l}\n`);
const recording = new LiveRecorder(path, { startedAt: new Date().toISOString(), source: 'simulator', rowers: [] }, { onStopped: log, onResumed: log });
const client = connect(url, { clientId: `ergsprint-hub-${hub}`, clean: false, reconnectPeriod: 1000, keepalive: 5, will: hubWill(hub, sid) });
client.on('error', () => {});
const bridge = new HubBridge({ client, hub, sid, clock, startedAt: new Date().toISOString(), sessionPaths: (s) => (s === sid ? recording.paths : undefined), unrecorded: () => recording.lost, log });
const ids = Array.from({ length: rowers }, (_, i) => `r${i + 1}`);
const put = (item: Parameters<LiveRecorder['write']>[0]): void => {
  recording.write(item);
  bridge.recorded(item);
};
for (const id of ids) put({ kind: 'event', t: clock(), rower: id, event: 'connected', name: `${hub} ${id}` });
let n = 0;
const timer = setInterval(() => {
  n += 1;
  for (const [i, id] of ids.entries()) {
    const t = clock();
    put({ kind: 'frame', t, rower: id, char: '2ad1', bytes: encodeRowerData({ strokeRate: 28, strokeCount: n, distanceM: n * 3 + i, paceS500: 110, powerW: 250 + ((n + i) % 40), elapsedS: Math.floor(t / 1000) }) });
  }
}, 1000 / hz);
process.on('message', (m: { type: string }) => {
  if (m.type !== 'close') return;
  clearInterval(timer);
  recording.close();
  void bridge.close().then(() => process.exit(0));
});
