/**
 * Issue 15 item 12 (API part): every error is `{"error":{"code","message"}}` (plus `field` when one
 * field is at fault) with our own codes — never fastify's `FST_ERR_*` — and names the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { rowerEv } from './helpers.js';
import type { InjectOptions } from 'fastify';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function ready() {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, onWorkout: () => undefined, options: { requireToken: false, maxClients: 1 } });
  await app.ready();
  events$.next(rowerEv('r1', 'PM5'));
  return app;
}

type Req = InjectOptions;
const json = { 'content-type': 'application/json' };

/** The response's status and its error body, checked for our shape (exactly code, message and maybe field). */
async function errorOf(a: DisplayApp, req: Req) {
  const res = await a.inject(req);
  const body = res.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'field'].includes(k))).toBe(true);
  expect(typeof body.error.message).toBe('string');
  expect(String(body.error.code)).not.toMatch(/^FST_/);
  return { status: res.statusCode, ...(body.error as { code: string; message: string; field?: string }) };
}

describe('API error shape', () => {
  it.each<[string, number, string, Req]>([
    ['a body that is not JSON', 400, 'INVALID_JSON', { method: 'POST', url: '/api/workout', headers: json, payload: '{"action":' }],
    ['an empty JSON body', 400, 'INVALID_JSON', { method: 'POST', url: '/api/workout', headers: json, payload: '' }],
    ['a text/plain body', 415, 'UNSUPPORTED_MEDIA_TYPE', { method: 'POST', url: '/api/workout', headers: { 'content-type': 'text/plain' }, payload: '{"action":"stop"}' }],
    ['a form body', 415, 'UNSUPPORTED_MEDIA_TYPE', { method: 'POST', url: '/api/workout', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'action=stop' }],
    ['an unknown route', 404, 'NOT_FOUND', { method: 'GET', url: '/api/nothing' }],
    ['a method a route does not take', 404, 'NOT_FOUND', { method: 'DELETE', url: '/api/workout' }],
    ['a malformed URL', 400, 'BAD_REQUEST', { method: 'GET', url: '/api/%zz' }],
  ])('%s → %i %s', async (_name, status, code, req) => {
    const e = await errorOf(await ready(), req);
    expect([e.status, e.code]).toEqual([status, code]);
  });

  it.each<[string, Req, string, RegExp]>([
    ['a missing required field', { method: 'POST', url: '/api/workout', payload: { action: 'start' } }, 'plan', /^body\.plan is required$/],
    ['a value outside the enum', { method: 'POST', url: '/api/workout', payload: { action: 'jump' } }, 'action', /^body\.action must be one of start, stop$/],
    ['an unexpected field', { method: 'POST', url: '/api/workout', payload: { action: 'stop', colour: 'red' } }, 'colour', /^body\.colour is not a field/],
    ['a wrong type', { method: 'PUT', url: '/api/rowers/r1', payload: { name: { first: 'A' } } }, 'name', /^body\.name must be string$/],
    ['a bad path parameter', { method: 'PUT', url: '/api/rowers/a%20b', payload: { name: 'A' } }, 'id', /^params\.id must match pattern/],
  ])('a schema failure (%s) is 400 INVALID_REQUEST naming the field', async (_name, req, field, message) => {
    const e = await errorOf(await ready(), req);
    expect([e.status, e.code, e.field]).toEqual([400, 'INVALID_REQUEST', field]);
    expect(e.message).toMatch(message);
  });

  it('a body that is not an object names the body itself', async () => {
    const e = await errorOf(await ready(), { method: 'POST', url: '/api/workout', headers: json, payload: '[1,2]' });
    expect([e.status, e.code, e.field, e.message]).toEqual([400, 'INVALID_REQUEST', undefined, 'body must be object']);
  });
});
