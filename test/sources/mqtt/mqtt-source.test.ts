/**
 * The central's MQTT source against a real Mosquitto, with real MQTT.js clients playing two hubs
 * whose monotonic clocks disagree with the central's by +5 s and −5 s.
 */
import { connectAsync, type MqttClient } from 'mqtt';
import type { Subscription } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceItem } from '../../../src/ftms/frame.js';
import { topics } from '../../../src/bridge/topics.js';
import { mqttSource$ } from '../../../src/sources/mqtt/mqtt-source.js';
import { type Broker, startMosquitto } from '../../mosquitto.js';

let broker: Broker;
const clients: MqttClient[] = [];
const subs: Subscription[] = [];
beforeAll(async () => {
  broker = await startMosquitto();
}, 20_000);
afterEach(() => {
  for (const s of subs.splice(0)) s.unsubscribe(); // one central per test: replay answers reach every subscriber
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync()));
  await broker.kill();
});

const t0 = performance.now();
const centralClock = (): number => performance.now() - t0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const client = async (id: string): Promise<MqttClient> => {
  const c = await connectAsync(broker.url, { clientId: id, clean: true });
  clients.push(c);
  return c;
};
const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
};

/** a central source on its own client; collects items and log lines */
const central = async (name: string): Promise<{ items: SourceItem[]; logs: string[] }> => {
  const c = await client(name);
  const items: SourceItem[] = [];
  const logs: string[] = [];
  subs.push(mqttSource$({ client: c, clock: centralClock, log: (l) => logs.push(l) }).subscribe((i) => items.push(i)));
  await sleep(300); // subscribed
  return { items, logs };
};
const pub = (c: MqttClient, topic: string, payload: unknown): Promise<unknown> => c.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 });
const frame = (seq: number, t: number, r = 'pm5') => ({ seq, t, r, c: '2ad1', d: '2c0b00' });
const frames = (items: SourceItem[]) => items.filter((i) => i.kind === 'frame');

describe('mqttSource$', () => {
  it('two hubs with clocks 5 s ahead and 5 s behind put one stroke on one time line', async () => {
    const { items } = await central('c-align');
    const hubA = await client('hub-a');
    const hubB = await client('hub-b');
    const clockA = (): number => centralClock() + 5000 + 60_000; // started a minute earlier, 5 s ahead
    const clockB = (): number => centralClock() - 5000 + 20_000;
    await pub(hubA, topics.state('ha'), { v: 1, state: 'online', sid: 'aaaaaa', now: clockA() });
    await pub(hubB, topics.state('hb'), { v: 1, state: 'online', sid: 'bbbbbb', now: clockB() });
    // clock samples (empty batches) for a second, then both hubs see "the same stroke" at the same instant
    for (let i = 0; i < 5; i++) {
      await Promise.all([pub(hubA, topics.frames('ha'), { v: 1, sid: 'aaaaaa', now: clockA(), lines: [] }), pub(hubB, topics.frames('hb'), { v: 1, sid: 'bbbbbb', now: clockB(), lines: [] })]);
      await sleep(150);
    }
    const a = clockA();
    const b = clockB();
    const trueT = centralClock();
    await pub(hubA, topics.frames('ha'), { v: 1, sid: 'aaaaaa', now: clockA(), lines: [frame(1, a)] });
    await pub(hubB, topics.frames('hb'), { v: 1, sid: 'bbbbbb', now: clockB(), lines: [frame(1, b)] });
    await until(() => frames(items).length === 2);
    const [fa, fb] = [frames(items).find((f) => f.rower === 'ha/pm5')!, frames(items).find((f) => f.rower === 'hb/pm5')!];
    expect(fa && fb).toBeTruthy();
    // on the central's time line, not 10 s apart (hub clocks) but within the loopback delay
    expect(Math.abs(fa.t - fb.t)).toBeLessThan(50);
    expect(Math.abs(fa.t - trueT)).toBeLessThan(50);
  }, 15_000);

  it('drops bad messages with one log line each, and goes on with the next good one', async () => {
    const { items, logs } = await central('c-bad');
    const hub = await client('hub-c');
    await pub(hub, topics.frames('hc'), 'not json');
    await pub(hub, topics.frames('hc'), 'not json');
    await pub(hub, topics.frames('hc'), { v: 1, sid: 'cccccc', now: 5, lines: [{ seq: 0, t: 1, r: 'x', c: '2ad1', d: 'zz' }] });
    await pub(hub, topics.state('hc'), { v: 2, state: 'online', sid: 'cccccc' });
    await pub(hub, 'ergsprint/v1/hub/HC!/frames', '{}'); // not one of our topics: ignored
    await pub(hub, topics.frames('hc'), { v: 1, sid: 'cccccc', now: 5, lines: [frame(1, 5)] });
    await until(() => frames(items).length === 1);
    expect(frames(items)[0]).toMatchObject({ rower: 'hc/pm5', char: '2ad1' });
    expect(logs.filter((l) => l.includes('not JSON'))).toHaveLength(1);
    expect(logs.filter((l) => l.startsWith('mqtt: dropped'))).toHaveLength(3);
  }, 10_000);

  it('delivers a duplicated batch once, an out-of-order batch in order, and (rower, t) twins both', async () => {
    const { items } = await central('c-dup');
    const hub = await client('hub-d');
    await pub(hub, topics.state('hd'), { v: 1, state: 'online', sid: 'dddddd', now: 0 });
    const b1 = { v: 1, sid: 'dddddd', now: 10, lines: [frame(1, 10), { ...frame(2, 10), c: '2a37', d: '1650' }] };
    const b2 = { v: 1, sid: 'dddddd', now: 20, lines: [frame(3, 20)] };
    const b3 = { v: 1, sid: 'dddddd', now: 30, lines: [frame(4, 30)] };
    await pub(hub, topics.frames('hd'), b1);
    await pub(hub, topics.frames('hd'), b1);
    await pub(hub, topics.frames('hd'), b3);
    await pub(hub, topics.frames('hd'), b2);
    await until(() => frames(items).length === 4);
    await sleep(200);
    expect(frames(items).map((f) => `${f.char}`)).toEqual(['2ad1', '2a37', '2ad1', '2ad1']);
    expect(frames(items).length).toBe(4);
  }, 10_000);

  it('asks the hub to replay a gap and takes the answer; a hub gone offline turns its rowers to "disconnected"', async () => {
    const { items, logs } = await central('c-gap');
    const hub = await client('hub-e');
    const requests: Array<Record<string, unknown>> = [];
    await hub.subscribeAsync(topics.replayRequest('he'), { qos: 1 });
    hub.on('message', (_t, p) => {
      const req = JSON.parse(p.toString()) as Record<string, unknown>;
      requests.push(req);
      void pub(hub, topics.replayResponse('he'), { v: 1, id: req.id, sid: req.sid, r: req.r, more: false, lines: [frame(2, 12), frame(3, 14)] });
    });
    await pub(hub, topics.state('he'), { v: 1, state: 'online', sid: 'eeeeee', now: 0 });
    await pub(hub, topics.frames('he'), { v: 1, sid: 'eeeeee', now: 10, lines: [{ seq: 1, t: 5, r: 'pm5', type: 'event', event: 'connected', name: 'PM5' }, frame(4, 16)], heads: { pm5: 4 } });
    await until(() => frames(items).length === 3);
    expect(requests[0]).toMatchObject({ sid: 'eeeeee', r: 'pm5', from: 2, to: 3 });
    expect(logs.join('\n')).toContain('missing; asking the hub to replay');
    await pub(hub, topics.state('he'), { v: 1, state: 'offline', sid: 'eeeeee' });
    await until(() => items.some((i) => i.kind === 'event' && i.event === 'disconnected'));
    const evs = items.flatMap((i) => (i.kind === 'event' ? [`${i.rower} ${i.event}`] : []));
    expect(evs).toEqual(['he/pm5 connected', 'he/pm5 disconnected']);
  }, 10_000);
});
