import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { AddressInfo } from 'node:net';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { connect, rowerEv } from './helpers.js';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a banner set during the session (recording stopped, issue 15 item 7)', () => {
  it('reaches every connected display at once in a fresh hello, and later joiners too; clearing it removes it', async () => {
    const events$ = new Subject<ServerInput>();
    app = await buildApp({ events$, options: { requireToken: false, maxClients: 10 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
    events$.next(rowerEv('r1', 'PM5 A'));
    const c = await connect(url);
    expect((await c.next('hello')).banner).toBeUndefined();
    app.hub.setBanner('Recording stopped: disk full (ENOSPC)');
    const again = await c.next('hello');
    expect(again.banner).toBe('Recording stopped: disk full (ENOSPC)');
    expect((again.snapshot as { rowers: Array<{ id: string }> }).rowers.map((r) => r.id)).toEqual(['r1']); // the session is kept
    const late = await connect(url);
    expect((await late.next('hello')).banner).toBe('Recording stopped: disk full (ENOSPC)');
    app.hub.setBanner(undefined);
    expect((await c.next('hello')).banner).toBeUndefined();
    c.ws.close();
    late.ws.close();
  });
});
