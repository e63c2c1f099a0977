/**
 * Issue 15 item 9: one address can not take every display slot, and `hello` is serialised once
 * per change of the session, not once per connecting display (cheap for a churning client).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { WebSocketServer } from 'ws';
import { CLOSE_TOO_MANY, WsHub } from '../../src/server/ws-hub.js';
import { SnapshotStore } from '../../src/server/snapshot-store.js';
import { connect, refusedUpgrade, rowerEv, sleep } from './helpers.js';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listen(extra: Partial<AppOptions> = {}) {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, options: { requireToken: false, maxClients: 10, ...extra } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  events$.next(rowerEv('r1', 'Anna'));
  const port = (app.server.address() as AddressInfo).port;
  return { ws: `ws://127.0.0.1:${port}/ws`, events$ };
}

describe('displays per client address', () => {
  it('one address gets at most maxClientsPerAddress displays (then 429), others still connect, a closed one frees its slot', async () => {
    const s = await listen({ maxClientsPerAddress: 2 });
    const a = await connect(s.ws);
    const b = await connect(s.ws);
    const third = await refusedUpgrade(s.ws);
    expect([third.status, third.body.error.code]).toEqual([429, 'TOO_MANY_DISPLAYS']);
    // another machine (here: another loopback address) is not affected
    const other = await connect(s.ws, { localAddress: '127.0.0.2' });
    expect((await other.next()).type).toBe('hello');
    a.ws.close();
    await a.closed;
    await expect.poll(() => app!.hub.size).toBe(2);
    const again = await connect(s.ws);
    expect((await again.next()).type).toBe('hello');
    for (const c of [b, other, again]) c.ws.close();
  });
});

describe('WsHub.add', () => {
  it('closes a socket over the per-address or total limit with 1013 (upgrades that raced past the HTTP check)', async () => {
    const hub = new WsHub(new SnapshotStore('2026-01-01T00:00:00Z', 'replay'), { maxClients: 3, maxClientsPerAddress: 2 });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    const from = ['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2', '10.0.0.3'];
    let n = 0;
    wss.on('connection', (ws) => hub.add(ws, from[n++]!));
    try {
      const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
      const clients = [];
      for (let i = 0; i < from.length; i++) clients.push(await connect(url));
      const third = await clients[2]!.closed; // 10.0.0.1's third display
      const fifth = await clients[4]!.closed; // the fourth display in all, over maxClients 3
      expect([third.code, fifth.code]).toEqual([CLOSE_TOO_MANY, CLOSE_TOO_MANY]);
      expect(hub.size).toBe(3);
      for (const i of [0, 1, 3]) expect((await clients[i]!.next()).type).toBe('hello');
      for (const c of clients) c.ws.close();
    } finally {
      hub.close();
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});

describe('hello', () => {
  it('is serialised once per change of the session, not once per connecting display', async () => {
    const s = await listen({ maxClients: 50, maxClientsPerAddress: 50 });
    const snapshot = vi.spyOn(app!.store, 'snapshot');
    const clients = [];
    for (let i = 0; i < 20; i++) clients.push(await connect(s.ws));
    const hellos = await Promise.all(clients.map((c) => c.next('hello')));
    expect(snapshot).toHaveBeenCalledTimes(1);
    expect(new Set(hellos.map((h) => JSON.stringify(h))).size).toBe(1);
    s.events$.next(rowerEv('r2', 'Ben'));
    const late = await connect(s.ws);
    const hello = await late.next('hello');
    expect((hello.snapshot as { rowers: unknown[] }).rowers).toHaveLength(2);
    expect(snapshot).toHaveBeenCalledTimes(2);
    for (const c of [...clients, late]) c.ws.close();
    await sleep(50);
  });
});
