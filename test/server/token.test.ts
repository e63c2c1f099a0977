/**
 * Issue 15 item 10: off loopback no route bypasses the token (OPTIONS included), the Bearer scheme
 * is case-insensitive, and "loopback" is decided from addresses, not from how a name is spelled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import { startDisplayServer, isLoopbackHost, type RunningServer } from '../../src/server/start-server.js';
import { isLoopbackAddress } from '../../src/server/access-policy.js';
import type { ServerInput } from '../../src/server/protocol.js';

let app: DisplayApp | undefined;
let running: RunningServer | undefined;
afterEach(async () => {
  await app?.close();
  await running?.close();
  app = running = undefined;
});

const TOKEN = 's3cret-token-0123456789';

async function guarded() {
  app = await buildApp({ onWorkout: () => undefined, options: { requireToken: true, token: TOKEN, maxClients: 1 } });
  return app;
}

describe('access token off loopback', () => {
  it.each(['OPTIONS', 'DELETE', 'PATCH'] as const)('%s needs the token too (no route bypasses it)', async (method) => {
    const a = await guarded();
    const none = await a.inject({ method, url: '/api/workout' });
    expect([none.statusCode, none.json().error.code]).toEqual([401, 'UNAUTHORIZED']);
    const withToken = await a.inject({ method, url: '/api/workout', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.statusCode).not.toBe(401);
  });

  it.each([`bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer   ${TOKEN} `])('accepts the Bearer scheme in any case: %j', async (authorization) => {
    const a = await guarded();
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'stop' }, headers: { authorization } });
    expect(res.statusCode).toBe(202);
  });

  it.each([TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN} extra`, 'Bearer'])('refuses %j', async (authorization) => {
    const a = await guarded();
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'stop' }, headers: { authorization } });
    expect(res.statusCode).toBe(401);
  });
});

describe('what counts as loopback', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['127.example.com', false],
    ['localhost', false], // a name, not an address: resolve it first
  ])('isLoopbackAddress(%j) = %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it('a host name is judged by what it resolves to', async () => {
    expect(await isLoopbackHost('localhost')).toBe(true);
    expect(await isLoopbackHost('127.0.0.1')).toBe(true);
    expect(await isLoopbackHost('0.0.0.0')).toBe(false);
  });

  it('startDisplayServer on "localhost" needs no token; on 0.0.0.0 it does, also for a request that arrives over loopback', async () => {
    const base = { events$: new Subject<ServerInput>(), port: 0, startedAt: '2026-01-01T00:00:00Z', source: 'replay' as const, log: () => undefined, onWorkout: () => undefined };
    running = await startDisplayServer({ ...base, host: 'localhost' });
    expect(running.token).toBeUndefined();
    await running.close();
    running = await startDisplayServer({ ...base, host: '0.0.0.0' });
    expect(running.token).toBeDefined();
    const port = new URL(running.url).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/workout`, { method: 'OPTIONS' });
    expect(res.status).toBe(401);
  });
});
