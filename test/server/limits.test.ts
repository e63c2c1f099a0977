/**
 * Issue 15 item 10: what one unauthenticated client may cost — bodies of a few kB, requests that
 * must arrive in time, a connection cap — tested with raw TCP clients against a real server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect as tcpConnect, type AddressInfo, type Socket } from 'node:net';
import { Subject } from 'rxjs';
import { buildApp, type AppOptions, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { connect, rowerEv, sleep } from './helpers.js';

let app: DisplayApp | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await app?.close();
  app = undefined;
});

const FAST = { requestTimeoutMs: 600, headersTimeoutMs: 400, timeoutCheckMs: 50 };

async function listen(extra: Partial<AppOptions> = {}) {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, onWorkout: () => undefined, options: { requireToken: false, maxClients: 10, ...extra } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, events$ };
}

/** A raw TCP client: writes `text`, then collects what the server sends until it closes the socket. */
async function rawClient(port: number, text: string): Promise<{ socket: Socket; ended: Promise<{ data: string; afterMs: number }> }> {
  const socket = tcpConnect(port, '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const started = Date.now();
  let data = '';
  socket.on('data', (d) => (data += String(d)));
  socket.on('error', () => undefined);
  const ended = new Promise<{ data: string; afterMs: number }>((resolve) => socket.once('close', () => resolve({ data, afterMs: Date.now() - started })));
  if (text !== '') socket.write(text);
  return { socket, ended };
}

/** Resolves with `p`, or rejects when it takes longer than `ms` (the server never cut the client off). */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`still open after ${ms} ms`)))]);

const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };

describe('request timeouts', () => {
  it('a client that sends half a body and stalls gets 408 REQUEST_TIMEOUT and is cut off after requestTimeoutMs', async () => {
    const { port } = await listen({ limits: FAST });
    const head = `POST /api/workout HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const c = await rawClient(port, `${head}{"action":`);
    const { data, afterMs } = await within(c.ended, 3000);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(data).error.code).toBe('REQUEST_TIMEOUT');
    expect(afterMs).toBeGreaterThanOrEqual(FAST.requestTimeoutMs - 50);
    expect(afterMs).toBeLessThan(FAST.requestTimeoutMs + 1000);
  });

  it('a body trickled a byte at a time is cut off too (the limit is on the whole request, not on silence)', async () => {
    const { port } = await listen({ limits: { ...FAST, idleTimeoutMs: 10_000 } });
    const head = `POST /api/workout HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    const c = await rawClient(port, head);
    const trickle = setInterval(() => c.socket.writable && c.socket.write(' '), 100);
    try {
      const { data, afterMs } = await within(c.ended, 3000);
      expect(data).toMatch(/^HTTP\/1\.1 408 /);
      expect(afterMs).toBeLessThan(FAST.requestTimeoutMs + 1000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a client that never finishes its headers is cut off after headersTimeoutMs', async () => {
    const { port } = await listen({ limits: FAST });
    const c = await rawClient(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const { data, afterMs } = await within(c.ended, 3000);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(FAST.requestTimeoutMs + 1000);
  });

  it('a connection that sends nothing is closed after idleTimeoutMs', async () => {
    const { port } = await listen({ limits: { requestTimeoutMs: 10_000, headersTimeoutMs: 10_000, timeoutCheckMs: 50, idleTimeoutMs: 500 } });
    const c = await rawClient(port, '');
    const { afterMs } = await within(c.ended, 3000);
    expect(afterMs).toBeGreaterThanOrEqual(450);
    expect(afterMs).toBeLessThan(2000);
  });

  it('a display on /ws is not cut off by those timeouts: it still gets events after several of them', async () => {
    const { port, events$ } = await listen({ limits: { ...FAST, idleTimeoutMs: 300, keepAliveTimeoutMs: 300 } });
    const c = await connect(`ws://127.0.0.1:${port}/ws`);
    await c.next('hello');
    await sleep(1500);
    events$.next(rowerEv('r9', 'Late'));
    expect((await c.next('rower')).rower).toBe('r9');
    c.ws.close();
  });
});

describe('header size', () => {
  it('a request head over 8 KiB gets 431 HEADERS_TOO_LARGE in our error shape', async () => {
    const { port } = await listen();
    const c = await rawClient(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\n`);
    const { data } = await within(c.ended, 3000);
    expect(data).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(data).error.code).toBe('HEADERS_TOO_LARGE');
  });
});

describe('body size', () => {
  it('a 100 kB body gets 413 BODY_TOO_LARGE in our error shape (and the hook never sees it)', async () => {
    const seen: unknown[] = [];
    app = await buildApp({ onWorkout: (c) => void seen.push(c), options: { requireToken: false, maxClients: 1 } });
    const big = JSON.stringify({ action: 'start', plan: 'x'.repeat(100_000) });
    const res = await app.inject({ method: 'POST', url: '/api/workout', headers: { 'content-type': 'application/json' }, payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'BODY_TOO_LARGE', message: expect.any(String) } });
    expect(seen).toEqual([]);
    // the largest plan the schema accepts still fits
    const ok = await app.inject({ method: 'POST', url: '/api/workout', payload: { action: 'start', plan: 'é'.repeat(4000) } });
    expect(ok.statusCode).not.toBe(413);
  });

  it('a real client announcing a 100 kB body is answered 413 without the server reading it all', async () => {
    const { port } = await listen({ limits: FAST });
    const head = `POST /api/workout HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    const c = await rawClient(port, head);
    await expect.poll(() => c.socket.bytesRead > 0, { timeout: 2000 }).toBe(true);
    c.socket.end();
    const { data } = await within(c.ended, 3000);
    expect(data).toMatch(/^HTTP\/1\.1 413 /);
    expect(bodyOf(data).error.code).toBe('BODY_TOO_LARGE');
  });
});

describe('connection cap', () => {
  it('past maxConnections a new TCP connection is closed at once; a freed slot takes a new one', async () => {
    const { port } = await listen({ limits: { maxConnections: 3 } });
    const held = await Promise.all([0, 1, 2].map(() => rawClient(port, '')));
    await sleep(100);
    const fourth = await rawClient(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const { data } = await within(fourth.ended, 2000);
    expect(data).toBe('');
    held[0]!.socket.destroy();
    await sleep(100);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });

  it('past maxConnectionsPerAddress one address is refused while another still connects', async () => {
    const { port } = await listen({ limits: { maxConnectionsPerAddress: 2 } });
    await Promise.all([0, 1].map(() => rawClient(port, '')));
    await sleep(100);
    const third = await rawClient(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect((await within(third.ended, 2000)).data).toBe('');
    const other = tcpConnect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
    sockets.push(other);
    let data = '';
    other.on('data', (d) => (data += String(d)));
    other.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    await new Promise((resolve) => other.once('close', resolve));
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
  });
});
