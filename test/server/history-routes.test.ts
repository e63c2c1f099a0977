/**
 * The history REST API on a real fastify listening on port 0: list (newest first, by athlete,
 * limited), one session, bests, delete; parameters validated; reads open, DELETE needs the token
 * when the server is off loopback; no history given → no routes.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { HistorySession } from '../../src/server/history-reader.js';
import { MemoryHistory, simulatedRow } from './memory-history.js';

const TOKEN = 'history-token-0123456789';
let rows: HistorySession[];
beforeAll(() => {
  rows = [
    simulatedRow('a1', '2026-11-12T18:00:00.000Z', { seed: 1, athlete: 'Ann' }),
    simulatedRow('b1', '2026-11-14T07:30:00.000Z', { seed: 3, athlete: 'Bob' }),
    simulatedRow('a2', '2026-11-16T18:00:00.000Z', { seed: 2, held: [3, 6], athlete: 'Ann', level: 1.05 }),
  ];
});

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(opts: { history?: MemoryHistory; requireToken?: boolean } = {}): Promise<string> {
  app = await buildApp({
    ...(opts.history ? { history: opts.history } : {}),
    options: { requireToken: opts.requireToken ?? false, maxClients: 4, webRoot: '/nonexistent-web-root', ...(opts.requireToken ? { token: TOKEN } : {}) },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}
const json = async (res: Response) => [res.status, await res.json()] as [number, Record<string, any>]; // any: response bodies are read loosely, each test checks the fields it names

describe('GET /api/history', () => {
  it('lists sessions newest first with the documented row shape', async () => {
    const url = await serve({ history: new MemoryHistory(rows) });
    const [status, body] = await json(await fetch(`${url}/api/history`));
    expect(status).toBe(200);
    expect(body.sessions.map((s: HistorySession) => s.id)).toEqual(['a2', 'b1', 'a1']);
    const s = body.sessions[0] as HistorySession;
    expect(Object.keys(s).sort()).toEqual(['athlete', 'bests', 'distanceM', 'durationS', 'id', 'intervals', 'machine', 'plan', 'rower', 'startedAt', 'summary'].sort());
    expect(s.intervals.filter((iv) => iv.kind === 'work')).toHaveLength(8);
    expect(s.summary?.sprints).toBe(8);
    // list rows leave out each verdict's checks; the session's own route has them
    expect(s.intervals.some((iv) => iv.verdict !== undefined)).toBe(true);
    expect(s.intervals.every((iv) => iv.verdict?.checks === undefined)).toBe(true);
    const [, one] = await json(await fetch(`${url}/api/history/a2`));
    expect((one.session as HistorySession).intervals.find((iv) => iv.verdict)!.verdict!.checks!.length).toBeGreaterThan(0);
  });

  it('filters by athlete and limits', async () => {
    const url = await serve({ history: new MemoryHistory(rows) });
    expect((await json(await fetch(`${url}/api/history?athlete=Ann`)))[1].sessions.map((s: HistorySession) => s.id)).toEqual(['a2', 'a1']);
    expect((await json(await fetch(`${url}/api/history?limit=1`)))[1].sessions.map((s: HistorySession) => s.id)).toEqual(['a2']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=2.5', 'limit'],
    [`athlete=${'x'.repeat(81)}`, 'athlete'],
    ['colour=red', 'colour'],
  ])('refuses ?%s with a 400 naming the field', async (query, field) => {
    const url = await serve({ history: new MemoryHistory(rows) });
    const [status, body] = await json(await fetch(`${url}/api/history?${query}`));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_PARAMETER', field });
  });
});

describe('GET /api/history/:id and /bests', () => {
  it('one session, or 404 UNKNOWN_SESSION; a malformed id is a 400', async () => {
    const url = await serve({ history: new MemoryHistory(rows) });
    const [ok, body] = await json(await fetch(`${url}/api/history/a1`));
    expect([ok, body.session.id, body.session.startedAt]).toEqual([200, 'a1', '2026-11-12T18:00:00.000Z']);
    const [missing, err] = await json(await fetch(`${url}/api/history/zz9`));
    expect([missing, err.error.code]).toEqual([404, 'UNKNOWN_SESSION']);
    const [bad, badBody] = await json(await fetch(`${url}/api/history/${encodeURIComponent('a b<c>')}`));
    expect([bad, badBody.error.code, badBody.error.field]).toEqual([400, 'BAD_PARAMETER', 'id']);
  });

  it('bests: the best window per duration with the session it came from', async () => {
    const url = await serve({ history: new MemoryHistory(rows) });
    const [status, body] = await json(await fetch(`${url}/api/history/bests?athlete=Ann`));
    expect(status).toBe(200);
    const at30 = body.bests.curve.find((p: { durationS: number }) => p.durationS === 30);
    // a2 was rowed at level 1.05: its windows are the best ones
    expect(at30).toMatchObject({ sessionId: 'a2', startedAt: '2026-11-16T18:00:00.000Z' });
    expect(at30.powerW).toBe(rows[2]!.bests.find((b) => b.durationS === 30)!.powerW);
  });
});

describe('DELETE /api/history/:id', () => {
  it('on loopback deletes without a token; then the session is gone', async () => {
    const history = new MemoryHistory(rows);
    const url = await serve({ history });
    const [status, body] = await json(await fetch(`${url}/api/history/b1`, { method: 'DELETE' }));
    expect([status, body]).toEqual([200, { deleted: 'b1' }]);
    expect(history.sessions.has('b1')).toBe(false);
    expect((await fetch(`${url}/api/history/b1`)).status).toBe(404);
    expect((await fetch(`${url}/api/history/b1`, { method: 'DELETE' })).status).toBe(404);
  });

  it('off loopback: reads need no token, DELETE does', async () => {
    const history = new MemoryHistory(rows);
    const url = await serve({ history, requireToken: true });
    expect((await fetch(`${url}/api/history`)).status).toBe(200);
    expect((await fetch(`${url}/api/history/a1`)).status).toBe(200);
    const [denied, err] = await json(await fetch(`${url}/api/history/a1`, { method: 'DELETE' }));
    expect([denied, err.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(history.sessions.has('a1')).toBe(true);
    const wrong = await fetch(`${url}/api/history/a1`, { method: 'DELETE', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${url}/api/history/a1`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(history.sessions.has('a1')).toBe(false);
  });

  it('a page from another origin cannot delete', async () => {
    const history = new MemoryHistory(rows);
    const url = await serve({ history });
    const res = await fetch(`${url}/api/history/a1`, { method: 'DELETE', headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    expect(history.sessions.has('a1')).toBe(true);
  });
});

describe('without a history store', () => {
  it('there is no /api/history and no /history page', async () => {
    const url = await serve();
    const [status, body] = await json(await fetch(`${url}/api/history`));
    expect([status, body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await fetch(`${url}/history`)).status).toBe(404);
  });
});

describe('the /history page route', () => {
  it('with a store but no built display: 503 DISPLAY_NOT_BUILT, like /', async () => {
    const url = await serve({ history: new MemoryHistory(rows) });
    const [status, body] = await json(await fetch(`${url}/history`));
    expect([status, body.error.code]).toEqual([503, 'DISPLAY_NOT_BUILT']);
  });
});
