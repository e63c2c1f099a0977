/**
 * Issue 15 item 9: only this server's own pages (or --allow-origin ones) may open /ws or send
 * changes, and only Host names of this server are answered (DNS rebinding).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import type { WorkoutCommand } from '../../src/server/api-routes.js';
import { connect, refusedUpgrade, rowerEv } from './helpers.js';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listen(extra: Partial<AppOptions> = {}, host = '127.0.0.1') {
  const events$ = new Subject<ServerInput>();
  const got: WorkoutCommand[] = [];
  app = await buildApp({ events$, onWorkout: (c) => void got.push(c), options: { requireToken: false, maxClients: 10, ...extra } });
  await app.listen({ port: 0, host });
  events$.next(rowerEv('r1', 'Anna'));
  const port = (app.server.address() as AddressInfo).port;
  return { port, ws: `ws://127.0.0.1:${port}/ws`, http: `http://127.0.0.1:${port}`, got, events$ };
}

const postStop = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/workout`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"action":"stop"}' });

describe('Origin of WebSocket upgrades', () => {
  it('refuses a page of a foreign site, of another port on this machine and an opaque ("null") origin with 403 ORIGIN_NOT_ALLOWED', async () => {
    const s = await listen();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${s.port + 1}`, 'null', `https://127.0.0.1:${s.port}`]) {
      const r = await refusedUpgrade(s.ws, { origin });
      expect([origin, r.status, r.body.error.code]).toEqual([origin, 403, 'ORIGIN_NOT_ALLOWED']);
    }
    expect(app!.hub.size).toBe(0);
  });

  it('accepts this server\'s own page (localhost, 127.0.0.1) and a client that sends no Origin (not a browser)', async () => {
    const s = await listen();
    const own = await connect(s.ws, { origin: `http://127.0.0.1:${s.port}` });
    expect((await own.next()).type).toBe('hello');
    const named = await connect(`ws://localhost:${s.port}/ws`, { origin: `http://localhost:${s.port}` });
    expect((await named.next()).type).toBe('hello');
    const script = await connect(s.ws);
    expect((await script.next()).type).toBe('hello');
    for (const c of [own, named, script]) c.ws.close();
  });

  it('--allow-origin lets a page of that origin in, and its host name becomes a Host the server answers', async () => {
    const s = await listen({ access: { allowOrigins: ['http://rowpc.local:9000'] } });
    const c = await connect(s.ws, { origin: 'http://rowpc.local:9000', headers: { host: `rowpc.local:${s.port}` } });
    expect((await c.next()).type).toBe('hello');
    c.ws.close();
    const other = await refusedUpgrade(s.ws, { origin: 'http://rowpc.local:9001' });
    expect(other.status).toBe(403);
  });

  it('refuses an --allow-origin that is not an origin', async () => {
    await expect(buildApp({ options: { requireToken: false, maxClients: 1, access: { allowOrigins: ['rowpc.local'] } } })).rejects.toMatchObject({ code: 'BAD_ORIGIN' });
    await expect(buildApp({ options: { requireToken: false, maxClients: 1, access: { allowOrigins: ['http://a.example/path'] } } })).rejects.toMatchObject({ code: 'BAD_ORIGIN' });
  });
});

describe('Host and Origin of HTTP requests', () => {
  it('a POST with Host: evil.example (a rebound name) is refused 403 HOST_NOT_ALLOWED and starts nothing; reads too', async () => {
    const s = await listen();
    const res = await app!.inject({ method: 'POST', url: '/api/workout', headers: { host: 'evil.example' }, payload: { action: 'stop' } });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'HOST_NOT_ALLOWED']);
    const withPort = await app!.inject({ method: 'POST', url: '/api/workout', headers: { host: `evil.example:${s.port}` }, payload: { action: 'stop' } });
    expect(withPort.statusCode).toBe(403);
    const read = await app!.inject({ url: '/api/session', headers: { host: 'evil.example' } });
    expect(read.statusCode).toBe(403);
    const ws = await refusedUpgrade(s.ws, { headers: { host: `evil.example:${s.port}` } });
    expect([ws.status, ws.body.error.code]).toEqual([403, 'HOST_NOT_ALLOWED']);
    expect(s.got).toEqual([]);
    // the same request with this server's name goes through
    expect((await postStop(s.http, {})).status).toBe(202);
    expect(s.got).toEqual([{ action: 'stop' }]);
  });

  it('a POST from a page of another origin is refused 403 ORIGIN_NOT_ALLOWED; from its own page it is accepted', async () => {
    const s = await listen();
    const foreign = await postStop(s.http, { origin: 'http://evil.example' });
    expect([foreign.status, ((await foreign.json()) as { error: { code: string } }).error.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    expect(s.got).toEqual([]);
    expect((await postStop(s.http, { origin: s.http })).status).toBe(202);
  });

  it('on 0.0.0.0 any IP address is a valid Host (a LAN display), a name is not unless allowed', async () => {
    await listen({ access: { listenHost: '0.0.0.0' } }, '0.0.0.0');
    const ip = await app!.inject({ url: '/api/health', headers: { host: '192.168.1.20:8080' } });
    expect(ip.statusCode).toBe(200);
    const v6 = await app!.inject({ url: '/api/health', headers: { host: '[fe80::1]:8080' } });
    expect(v6.statusCode).toBe(200);
    const name = await app!.inject({ url: '/api/health', headers: { host: 'evil.example:8080' } });
    expect(name.statusCode).toBe(403);
    const garbage = await app!.inject({ url: '/api/health', headers: { host: 'a@127.0.0.1' } });
    expect(garbage.statusCode).toBe(403);
  });
});
