import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { AddressInfo } from 'node:net';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { connect, intervalEv, phaseEv, rowerEv, sampleEv, sleep, workInterval } from './helpers.js';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listen(events$: Subject<ServerInput>, extra: Partial<Parameters<typeof buildApp>[0]['options']> = {}) {
  app = await buildApp({ events$, options: { requireToken: false, maxClients: 10, ...extra } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws`;
}

describe('/ws feed', () => {
  it('sends hello (protocol 1, snapshot) first, then each event as {type, ...fields}', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$);
    events$.next(rowerEv('r1', 'PM5 A'));
    const c = await connect(url);
    const hello = await c.next();
    expect(hello.type).toBe('hello');
    expect(hello.protocol).toBe(1);
    expect((hello.snapshot as { rowers: Array<{ id: string; name: string }> }).rowers.map((r) => [r.id, r.name])).toEqual([['r1', 'PM5 A']]);
    events$.next(phaseEv('r1', 'work', 1000, 1));
    const phase = await c.next();
    expect(phase).toEqual({ type: 'phase', phase: { rower: 'r1', kind: 'work', start: 1000, provisional: false, index: 1 } });
    const iv = workInterval('r1', 1, 1000, true);
    events$.next(intervalEv(iv));
    expect(await c.next()).toEqual({ type: 'interval', interval: iv });
    c.ws.close();
  });

  it('gives a late joiner the whole session in hello: names, latest sample, phase, intervals with verdicts, plan, power trace', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$);
    events$.next(rowerEv('r1', 'Anna'));
    events$.next(rowerEv('r2', 'Ben'));
    for (let t = 0; t <= 5000; t += 250) events$.next(sampleEv('r1', t, 100 + t / 100));
    events$.next(phaseEv('r1', 'work', 2000, 1));
    events$.next(intervalEv(workInterval('r1', 1, 2000, false)));
    events$.next(phaseEv('r1', 'rest', 32_000, 1));
    events$.next({ type: 'plan', rower: 'r1', plan: { plan: 'hiit-30-60', rep: 2, reps: 8, phase: 'rest', phaseEndsAt: 92_000 } });
    const c = await connect(url);
    const hello = await c.next('hello');
    const snap = hello.snapshot as { rowers: Array<Record<string, unknown>> };
    const r1 = snap.rowers.find((r) => r.id === 'r1')!;
    expect(snap.rowers.map((r) => r.name)).toEqual(['Anna', 'Ben']);
    expect((r1.last as { t: number; powerW: number })).toMatchObject({ t: 5000, powerW: 150 });
    expect(r1.phase).toMatchObject({ kind: 'rest', start: 32_000 });
    expect((r1.intervals as Array<{ verdict: { allOut: boolean } }>).map((i) => i.verdict.allOut)).toEqual([false]);
    expect(r1.plan).toEqual({ plan: 'hiit-30-60', rep: 2, reps: 8, phase: 'rest', phaseEndsAt: 92_000 });
    // one trace point per second of data time: t = 0..5 s → 6 points, the last one the newest sample
    const trace = (hello.traces as Record<string, { t: number[]; powerW: number[] }>).r1!;
    expect(trace.t.length).toBe(6);
    expect(trace.powerW.at(-1)).toBe(150);
    c.ws.close();
  });

  it('throttles samples to at most 4 per second per rower and always delivers the newest', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$);
    const c = await connect(url);
    await c.next('hello');
    const started = Date.now();
    let t = 0;
    while (Date.now() - started < 1500) {
      t += 20;
      events$.next(sampleEv('a', t));
      events$.next(sampleEv('b', t));
      await sleep(20);
    }
    await sleep(400); // let a trailing sample out
    const elapsedS = (Date.now() - started) / 1000;
    for (const rower of ['a', 'b']) {
      const got = c.messages.filter((m) => m.type === 'sample' && m.rower === rower);
      expect(got.length).toBeLessThanOrEqual(Math.ceil(elapsedS * 4) + 1);
      expect(got.length).toBeGreaterThanOrEqual(4);
      expect((got.at(-1)!.sample as { t: number }).t).toBe(t);
      const times = got.map((m) => (m.sample as { t: number }).t);
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    c.ws.close();
  });

  it('sends a fresh hello to every display when a new session starts (looping replay)', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$);
    events$.next(rowerEv('r1', 'Anna'));
    const c = await connect(url);
    await c.next('hello');
    events$.next({ type: 'reset', startedAt: '2026-01-01T10:00:00.000Z' });
    const again = await c.next('hello');
    expect((again.snapshot as { startedAt: string; rowers: unknown[] })).toMatchObject({ startedAt: '2026-01-01T10:00:00.000Z', rowers: [] });
    c.ws.close();
  });

  it('refuses a display beyond the connection limit with 503', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$, { maxClients: 2 });
    const a = await connect(url);
    const b = await connect(url);
    await expect(connect(url)).rejects.toThrow('HTTP 503');
    a.ws.close();
    await a.closed;
    await sleep(50);
    const c = await connect(url); // a slot is free again
    expect((await c.next()).type).toBe('hello');
    b.ws.close();
    c.ws.close();
  });

  it('closes a display that sends a message larger than maxPayload (1009)', async () => {
    const events$ = new Subject<ServerInput>();
    const url = await listen(events$, { maxPayloadBytes: 1024 });
    const c = await connect(url);
    c.ws.send('x'.repeat(2048));
    expect((await c.closed).code).toBe(1009);
  });
});
