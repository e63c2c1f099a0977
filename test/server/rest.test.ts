import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import { startDisplayServer, type RunningServer } from '../../src/server/start-server.js';
import type { ServerInput } from '../../src/server/protocol.js';
import type { WorkoutCommand } from '../../src/server/api-routes.js';
import { rowerEv, sampleEv } from './helpers.js';

let app: DisplayApp | undefined;
let running: RunningServer | undefined;
afterEach(async () => {
  await app?.close();
  await running?.close();
  app = undefined;
  running = undefined;
});

async function appWith(opts: { requireToken: boolean; token?: string }, onWorkout?: (c: WorkoutCommand) => void) {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, ...(onWorkout ? { onWorkout } : {}), options: { maxClients: 5, ...opts } });
  await app.ready();
  events$.next(rowerEv('r1', 'PM5 1'));
  events$.next(sampleEv('r1', 1000));
  return app;
}

describe('REST API', () => {
  it('GET /api/health, /api/rowers and /api/session describe the session', async () => {
    const a = await appWith({ requireToken: false });
    expect((await a.inject('/api/health')).json()).toMatchObject({ status: 'ok', protocol: 1, rowers: 1 });
    expect((await a.inject('/api/rowers')).json()).toEqual({ rowers: [{ id: 'r1', name: 'PM5 1', connected: true, t: 1000 }] });
    const session = (await a.inject('/api/session')).json();
    expect(session.rowers[0]).toMatchObject({ id: 'r1', last: { t: 1000, powerW: 300 } });
  });

  it('POST /api/workout hands a valid command to the workout hook and answers 202', async () => {
    const got: WorkoutCommand[] = [];
    const a = await appWith({ requireToken: false }, (c) => void got.push(c));
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'start', plan: 'hiit-30-60', rower: 'r1' } });
    expect(res.statusCode).toBe(202);
    const room = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'stop' } });
    expect(room.statusCode).toBe(202);
    expect(got).toEqual([{ action: 'start', plan: 'hiit-30-60', rower: 'r1' }, { action: 'stop' }]);
  });

  it.each([
    ['an unknown action', { action: 'jump' }],
    ['start without a plan', { action: 'start' }],
    ['an unexpected field', { action: 'stop', extra: 1 }],
    ['a rower id with spaces', { action: 'stop', rower: 'a b' }],
  ])('rejects %s with a JSON 400 INVALID_REQUEST', async (_name, payload) => {
    const got: WorkoutCommand[] = [];
    const a = await appWith({ requireToken: false }, (c) => void got.push(c));
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_REQUEST');
    expect(typeof res.json().error.message).toBe('string');
    expect(got).toEqual([]);
  });

  it('answers malformed JSON, unknown rowers, unknown routes and refused plans with typed JSON errors', async () => {
    const a = await appWith({ requireToken: false }, (c) => {
      if (c.plan === 'hiit-30-60') throw Object.assign(new Error('no plan called nonsense'), { code: 'BAD_PLAN' });
    });
    const bad = await a.inject({ method: 'POST', url: '/api/workout', headers: { 'content-type': 'application/json' }, payload: '{"action":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    const unknown = await a.inject({ method: 'PUT', url: '/api/rowers/zz', payload: { name: 'X' } });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'UNKNOWN_ROWER']);
    const route = await a.inject('/api/nothing');
    expect([route.statusCode, route.json().error.code]).toEqual([404, 'NOT_FOUND']);
    // the route knows built-in names itself (GET /api/plans); a plan the session refuses is the hook's 400
    const plan = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'start', plan: 'hiit-30-60' } });
    expect([plan.statusCode, plan.json().error]).toEqual([400, { code: 'BAD_PLAN', message: 'no plan called nonsense' }]);
  });

  it('without a workout hook POST /api/workout is 501 NOT_SUPPORTED', async () => {
    const a = await appWith({ requireToken: false });
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'stop' } });
    expect([res.statusCode, res.json().error.code]).toEqual([501, 'NOT_SUPPORTED']);
  });

  it('PUT /api/rowers/:id renames a rower; the name survives a reconnect that advertises the old one', async () => {
    const a = await appWith({ requireToken: false });
    const res = await a.inject({ method: 'PUT', url: '/api/rowers/r1', payload: { name: 'Anna', athlete: 'Anna K.' } });
    expect(res.json()).toEqual({ rower: { id: 'r1', name: 'Anna', connected: true, athlete: 'Anna K.' } });
    a.hub.publish(rowerEv('r1', 'PM5 1', 2000));
    expect((await a.inject('/api/rowers')).json().rowers[0]).toMatchObject({ name: 'Anna', athlete: 'Anna K.' });
    const empty = await a.inject({ method: 'PUT', url: '/api/rowers/r1', payload: {} });
    expect(empty.statusCode).toBe(400);
  });
});

describe('access token', () => {
  it('with requireToken, state-changing requests need Authorization: Bearer <token>; reads do not', async () => {
    const a = await appWith({ requireToken: true, token: 's3cret-token' }, () => undefined);
    const body = { action: 'stop' };
    const none = await a.inject({ method: 'POST', url: '/api/workout', payload: body });
    expect([none.statusCode, none.json().error.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await a.inject({ method: 'POST', url: '/api/workout', payload: body, headers: { authorization: 'Bearer s3cret-tokeX' } });
    expect(wrong.statusCode).toBe(401);
    const put = await a.inject({ method: 'PUT', url: '/api/rowers/r1', payload: { name: 'A' } });
    expect(put.statusCode).toBe(401);
    const ok = await a.inject({ method: 'POST', url: '/api/workout', payload: body, headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.statusCode).toBe(202);
    expect((await a.inject('/api/session')).statusCode).toBe(200);
  });

  it('startDisplayServer: loopback by default and no token needed; a non-local host generates, prints and requires one', async () => {
    const lines: string[] = [];
    const base = { events$: new Subject<ServerInput>(), port: 0, startedAt: '2026-01-01T00:00:00Z', source: 'replay' as const, log: (l: string) => void lines.push(l), onWorkout: () => undefined };
    running = await startDisplayServer(base);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(running.token).toBeUndefined();
    const open = await fetch(`${running.url}api/workout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"stop"}' });
    expect(open.status).toBe(202);
    await running.close();

    running = await startDisplayServer({ ...base, host: '0.0.0.0' });
    const token = running.token!;
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(lines.some((l) => l.includes(token))).toBe(true);
    const port = new URL(running.url).port;
    const post = (auth?: string) =>
      fetch(`http://127.0.0.1:${port}/api/workout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: '{"action":"stop"}',
      });
    expect((await post()).status).toBe(401);
    expect((await post(`Bearer ${token}`)).status).toBe(202);
  });
});
