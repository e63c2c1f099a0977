/**
 * Issue 15 item 2: the adapter itself goes away (stateChange poweredOff: switched off, unplugged,
 * the remote ws-slave gone) and comes back. Real noble over substitute bindings that emit the
 * state changes, as an adapter does: no per-device disconnect events, the links are just gone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Subscription } from 'rxjs';
import type { Frame, RowerEvent, SourceItem } from '../../../src/ftms/frame.js';
import { bleSource$ } from '../../../src/sources/ble/ble-source.js';
import { until, virtualNoble } from './virtual-noble.js';

const ROWER_A = { id: 'aa0000000001', name: 'Virtual Rower A' };
const ROWER_B = { id: 'bb0000000002', name: 'Virtual Rower B' };
/** 2ad1 with only Elapsed Time (flags 0x0801: bit 0 set = no stroke fields, bit 11 elapsed), value n s */
const elapsedFrame = (n: number): Uint8Array => Uint8Array.of(0x01, 0x08, n & 0xff, n >> 8);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

let sub: Subscription | undefined;
afterEach(() => sub?.unsubscribe());

const frames = (items: SourceItem[], rower: string): string[] =>
  items.filter((i): i is Frame => i.kind === 'frame' && i.char === '2ad1' && i.rower === rower).map((f) => hex(f.bytes));
const events = (items: SourceItem[], rower: string): string[] =>
  items.filter((i): i is RowerEvent => i.kind === 'event' && i.rower === rower).map((e) => e.event);

describe('bleSource$ when the adapter is lost and comes back', () => {
  it('marks every rower disconnected, keeps the heartbeat, and reconnects each once poweredOn, every frame exactly once', async () => {
    const { noble, bindings } = virtualNoble([ROWER_A, ROWER_B]);
    const items: SourceItem[] = [];
    const errors: unknown[] = [];
    const logs: string[] = [];
    sub = bleSource$({
      noble,
      rowers: [],
      hr: [],
      profiles: () => undefined,
      timeouts: { adapterMs: 1000, connectMs: 500, callMs: 300, findMs: 5000 },
      backoff: { initialMs: 20, maxMs: 200 },
      heartbeatMs: 20,
      log: (l) => logs.push(l),
    }).subscribe({ next: (i) => items.push(i), error: (e: unknown) => errors.push(e) });

    await until(() => bindings.isStreaming(ROWER_A.id) && bindings.isStreaming(ROWER_B.id), 3000, 'both streaming');
    for (const id of [ROWER_A.id, ROWER_B.id]) for (const n of [1, 2]) expect(bindings.push(id, '2ad1', elapsedFrame(n))).toBe(true);
    await until(() => frames(items, ROWER_A.id).length === 2 && frames(items, ROWER_B.id).length === 2);

    bindings.powerOff();
    await until(() => events(items, ROWER_A.id).includes('disconnected') && events(items, ROWER_B.id).includes('disconnected'), 2000, 'both disconnected');
    const beatsAtLoss = items.filter((i) => i.kind === 'heartbeat').length;
    await new Promise((r) => setTimeout(r, 200)); // off for a while: nothing reconnects, the heartbeat goes on
    expect(items.filter((i) => i.kind === 'heartbeat').length).toBeGreaterThan(beatsAtLoss + 3);
    expect(events(items, ROWER_A.id)).toEqual(['connected', 'disconnected']);
    expect(events(items, ROWER_B.id)).toEqual(['connected', 'disconnected']);

    bindings.powerOn();
    await until(() => bindings.isStreaming(ROWER_A.id) && bindings.isStreaming(ROWER_B.id), 3000, 'both streaming again');
    for (const id of [ROWER_A.id, ROWER_B.id]) for (const n of [3, 4]) expect(bindings.push(id, '2ad1', elapsedFrame(n))).toBe(true);
    await until(() => frames(items, ROWER_A.id).length >= 4 && frames(items, ROWER_B.id).length >= 4);
    await new Promise((r) => setTimeout(r, 50)); // room for a duplicate to show up

    expect(errors).toEqual([]);
    for (const id of [ROWER_A.id, ROWER_B.id]) {
      expect(frames(items, id)).toEqual([1, 2, 3, 4].map((n) => hex(elapsedFrame(n))));
      expect(events(items, id)).toEqual(['connected', 'disconnected', 'connected']);
    }
    const ts = items.map((i) => i.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
  });

  it('fails a connect pending when the adapter goes, instead of holding the radio for the connect timeout', async () => {
    const { noble, bindings } = virtualNoble([ROWER_A], { latencyMs: 150 });
    const items: SourceItem[] = [];
    const errors: unknown[] = [];
    sub = bleSource$({
      noble,
      rowers: [],
      hr: [],
      profiles: () => undefined,
      timeouts: { adapterMs: 1000, connectMs: 10_000, callMs: 2000, findMs: 20_000 },
      backoff: { initialMs: 20, maxMs: 200 },
    }).subscribe({ next: (i) => items.push(i), error: (e: unknown) => errors.push(e) });
    await until(() => bindings.commands.includes(`connect ${ROWER_A.id}`), 3000, 'a connect');
    bindings.powerOff(); // before the connect is answered
    await new Promise((r) => setTimeout(r, 400));
    const t0 = performance.now();
    bindings.powerOn();
    await until(() => bindings.isStreaming(ROWER_A.id), 5000, 'streaming after the adapter came back');
    expect(performance.now() - t0).toBeLessThan(3000); // far from the 10 s connect timeout
    expect(errors).toEqual([]);
    expect(events(items, ROWER_A.id)).toEqual(['connected']); // never announced before, so no disconnected
  });
});
