/// <reference lib="dom" />
/**
 * Issue 15 item 9 in a real browser: a page of another origin (a second server on this machine)
 * can not open the display's /ws nor POST to it, and a DNS-rebinding page (a foreign name that
 * resolves to 127.0.0.1, made with Chromium's --host-resolver-rules) is refused on its Host. The
 * daemon's own page, running the same script, can — so the refusals are the server's doing.
 * What the server answered each request is read from its request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Subject } from 'rxjs';
import type { Page } from 'playwright-core';
import type { ServerInput } from '../../src/server/protocol.js';
import type { WorkoutCommand } from '../../src/server/api-routes.js';
import { startDisplayServer, type RunningServer } from '../../src/server/start-server.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

interface Attempt {
  ws: { opened: boolean; first: string | null };
  post: string;
  simplePost: string;
}

/** Runs in the page: opens the feed, POSTs JSON (preflighted) and text/plain (a "simple" request that needs no preflight). */
async function attack(page: Page, port: number): Promise<Attempt> {
  return page.evaluate(async (p) => {
    const base = `http://127.0.0.1:${p}`;
    const ws = await new Promise<{ opened: boolean; first: string | null }>((resolve) => {
      const s = new WebSocket(`ws://${location.hostname === 'rebind.test' ? location.host : `127.0.0.1:${p}`}/ws`);
      const got = { opened: false, first: null as string | null };
      s.onopen = () => (got.opened = true);
      s.onmessage = (e) => {
        got.first = String(e.data).slice(0, 300);
        s.close();
      };
      s.onclose = () => resolve(got);
      setTimeout(() => resolve(got), 3000);
    });
    const api = location.hostname === 'rebind.test' ? '/api/workout' : `${base}/api/workout`;
    const post = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"stop"}' }).then(
      (r) => `status ${r.status}`,
      (e: Error) => `blocked ${e.name}`,
    );
    const simplePost = await fetch(api, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"action":"stop"}' }).then(
      (r) => (r.type === 'opaque' ? 'opaque' : `status ${r.status}`),
      (e: Error) => `blocked ${e.name}`,
    );
    return { ws, post, simplePost };
  }, port);
}

describe.runIf(RUN_BROWSER_TESTS)('cross-origin pages in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let daemon: RunningServer;
  let foreign: Server;
  let port: number;
  const commands: WorkoutCommand[] = [];
  /** the status of every request the daemon answered */
  const answered: number[] = [];

  beforeAll(async () => {
    const events$ = new Subject<ServerInput>();
    // fastify logs one "request completed" line with res.statusCode per answered request
    const log = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          const status = (JSON.parse(line) as { res?: { statusCode?: number } }).res?.statusCode;
          if (status !== undefined) answered.push(status);
        }
        done();
      },
    });
    daemon = await startDisplayServer({ events$, port: 0, startedAt: '2026-01-01T00:00:00Z', source: 'replay', log: () => undefined, onWorkout: (c) => void commands.push(c), logger: pino({ level: 'info' }, log) });
    port = Number(new URL(daemon.url).port);
    events$.next({ type: 'rower', rower: 'r1', name: 'Anna Athlete', connected: true, t: 0 });
    foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>some other site</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    browser = await launch(['--host-resolver-rules=MAP rebind.test 127.0.0.1', '--disable-features=HttpsUpgrades']);
  }, 60_000);
  beforeEach(() => {
    commands.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await daemon?.close();
    await new Promise((resolve) => foreign?.close(resolve));
  });

  it("the daemon's own page opens /ws (hello with the athlete) and POSTs (202): the control", async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${daemon.url}api/health`);
    const got = await attack(page, port);
    expect(got.ws.opened).toBe(true);
    expect(got.ws.first).toMatch(/^\{"type":"hello".*Anna Athlete/);
    expect(got.post).toBe('status 202');
    expect(commands).toEqual([{ action: 'stop' }]); // the text/plain one is 415: the API takes JSON only
    await page.close();
  });

  it('a page served by another server on this machine can not open /ws nor POST; the server refused both with 403', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    answered.length = 0;
    const got = await attack(page, port);
    expect(got.ws).toEqual({ opened: false, first: null });
    expect(got.post).toBe('blocked TypeError');
    expect(commands).toEqual([]);
    // the WebSocket upgrade, the JSON POST's preflight and the text/plain POST: all refused on Origin
    await expect.poll(() => answered).toEqual([403, 403, 403]);
    await page.close();
  });

  it('a DNS-rebinding page (rebind.test → 127.0.0.1) gets 403 for the display itself, /ws and POST', async () => {
    const page = await browser.ctx.newPage();
    const res = await page.goto(`http://rebind.test:${port}/`);
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('HOST_NOT_ALLOWED');
    const got = await attack(page, port);
    expect(got.ws).toEqual({ opened: false, first: null });
    expect(got.post).toBe('status 403');
    expect(commands).toEqual([]);
    await page.close();
  });
});
