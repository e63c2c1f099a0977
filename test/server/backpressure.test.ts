import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { connect as tcpConnect, type Socket, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { connect, intervalEv, sampleEv, workInterval } from './helpers.js';

let app: DisplayApp | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await app?.close();
  app = undefined;
});

/** A display that completes the WebSocket handshake and then never reads another byte. */
async function stalledDisplay(port: number): Promise<Socket> {
  const sock = tcpConnect(port, '127.0.0.1');
  sockets.push(sock);
  await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
  sock.write(
    'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => sock.once('data', (d) => (String(d).startsWith('HTTP/1.1 101') ? resolve() : undefined)));
  sock.pause();
  return sock;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

async function setup(hub: { softLimitBytes: number; hardLimitBytes: number; stallTimeoutMs: number }) {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, options: { requireToken: false, maxClients: 10, hub: { ...hub, sampleIntervalMs: 0 } } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const fast = await connect(`ws://127.0.0.1:${port}/ws`);
  await fast.next('hello');
  await stalledDisplay(port);
  while (app.hub.size < 2) await tick();
  return { events$, fast, a: app };
}

describe('per-client backpressure', () => {
  it('a stalled display past the hard buffer limit is closed; the reading display gets every message, undelayed', async () => {
    const { events$, fast, a } = await setup({ softLimitBytes: 64 * 1024, hardLimitBytes: 1024 * 1024, stallTimeoutMs: 60_000 });
    const note = ` ${'x'.repeat(8000)}`;
    let sent = 0;
    // ~8 kB messages, 10 per turn of the event loop, until the stalled one is dropped (bounded at 40 MB)
    while (a.hub.stats.clientsDropped === 0 && sent < 5000) {
      for (let i = 0; i < 10; i++) events$.next(intervalEv(workInterval('r1', ++sent, sent * 90_000, true, note)));
      await tick();
    }
    expect(a.hub.stats.clientsDropped).toBe(1);
    expect(a.hub.size).toBe(1);
    // the reader received every interval, in order, while the other one was stuck
    const last = await (async () => {
      for (;;) {
        const m = await fast.next('interval');
        if ((m.interval as { index: number }).index === sent) return m;
      }
    })();
    expect(last).toBeDefined();
    expect(fast.messages.filter((m) => m.type === 'interval').length).toBe(sent);
    expect(fast.ws.readyState).toBe(fast.ws.OPEN);
    fast.ws.close();
  });

  it('a stalled display is skipped for samples (never buffered without bound) and closed once stalled too long', async () => {
    const { events$, fast, a } = await setup({ softLimitBytes: 64 * 1024, hardLimitBytes: 64 * 1024 * 1024, stallTimeoutMs: 300 });
    let t = 0;
    const started = performance.now();
    while (a.hub.stats.clientsDropped === 0 && performance.now() - started < 20_000) {
      for (let i = 0; i < 200; i++) events$.next(sampleEv('r1', (t += 10)));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(a.hub.stats.samplesSkipped).toBeGreaterThan(0);
    expect(a.hub.stats.clientsDropped).toBe(1);
    // the reader got every sample (throttle off here): nothing was skipped for it
    const samples = () => fast.messages.filter((m) => m.type === 'sample').length;
    while (samples() < t / 10) await fast.next('sample');
    expect(samples()).toBe(t / 10);
    fast.ws.close();
  });
});
