import { afterEach, describe, expect, it } from 'vitest';
import type { Subscription } from 'rxjs';
import type { Frame, RowerEvent, SourceItem } from '../../../src/ftms/frame.js';
import { bleSource$, type BleSourceOptions } from '../../../src/sources/ble/ble-source.js';
import type { BleProfile } from '../../../src/sources/ble/device-profile-lookup.js';
import type { NoblePeripheral } from '../../../src/sources/ble/noble-types.js';
import { until, virtualNoble } from './virtual-noble.js';

const ROWER_A = { id: 'aa0000000001', name: 'Virtual Rower A' };
const ROWER_B = { id: 'bb0000000002', name: 'Virtual Rower B' };
/** 2ad1 with only Elapsed Time (flags 0x0801: bit 0 set = no stroke fields, bit 11 elapsed), value n s */
const elapsedFrame = (n: number): Uint8Array => Uint8Array.of(0x01, 0x08, n & 0xff, n >> 8);

let sub: Subscription | undefined;
afterEach(() => sub?.unsubscribe());

function run(opts: Omit<BleSourceOptions, 'timeouts' | 'backoff'> & Partial<BleSourceOptions>): { items: SourceItem[]; logs: string[]; errors: unknown[] } {
  const items: SourceItem[] = [];
  const logs: string[] = [];
  const errors: unknown[] = [];
  sub = bleSource$({
    timeouts: { adapterMs: 1000, connectMs: 500, callMs: 300, findMs: 5000 },
    backoff: { initialMs: 20, maxMs: 200 },
    log: (l) => logs.push(l),
    ...opts,
  }).subscribe({ next: (i) => items.push(i), error: (e: unknown) => errors.push(e) });
  return { items, logs, errors };
}

const frames = (items: SourceItem[], char = '2ad1'): Frame[] => items.filter((i): i is Frame => i.kind === 'frame' && i.char === char);
const events = (items: SourceItem[]): RowerEvent[] => items.filter((i): i is RowerEvent => i.kind === 'event');
const hex = (f: Frame): string => Buffer.from(f.bytes).toString('hex');

describe('bleSource$ through real noble over virtual bindings', () => {
  it('connects, streams, survives a dropped link and delivers each frame after the reconnect exactly once', async () => {
    const { noble, bindings } = virtualNoble([ROWER_A]);
    const { items, errors } = run({ noble, rowers: [], hr: [], profiles: () => undefined, heartbeatMs: 50 });
    await until(() => bindings.isStreaming(ROWER_A.id), 3000, 'streaming');
    for (let n = 1; n <= 3; n++) expect(bindings.push(ROWER_A.id, '2ad1', elapsedFrame(n))).toBe(true);
    await until(() => frames(items).length === 3);

    bindings.dropLink(ROWER_A.id);
    expect(bindings.push(ROWER_A.id, '2ad1', elapsedFrame(99))).toBe(false);
    await until(() => events(items).some((e) => e.event === 'disconnected'));
    bindings.restoreLink(ROWER_A.id);
    await until(() => bindings.isStreaming(ROWER_A.id), 3000, 'streaming again');
    for (let n = 4; n <= 6; n++) expect(bindings.push(ROWER_A.id, '2ad1', elapsedFrame(n))).toBe(true);
    await until(() => frames(items).length >= 6);
    await new Promise((r) => setTimeout(r, 50)); // room for a duplicate to show up

    expect(errors).toEqual([]);
    expect(frames(items).map(hex)).toEqual([1, 2, 3, 4, 5, 6].map((n) => Buffer.from(elapsedFrame(n)).toString('hex')));
    expect(events(items).map((e) => e.event)).toEqual(['connected', 'disconnected', 'connected']);
    expect(events(items)[0]).toMatchObject({ rower: ROWER_A.id, name: ROWER_A.name });
    // noble caches the Peripheral: exactly one disconnect listener of ours may remain attached
    const peripheral = (noble as unknown as { _peripherals: Record<string, NoblePeripheral> })._peripherals[ROWER_A.id];
    expect(peripheral?.listenerCount('disconnect')).toBe(1);
    expect(items.some((i) => i.kind === 'heartbeat')).toBe(true);
    const ts = items.map((i) => i.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts); // monotonic stamps
  });

  it('reads the Fitness Machine Feature and subscribes 2ad1, 2ada, 2ad3', async () => {
    const { noble, bindings } = virtualNoble([ROWER_A]);
    const { items } = run({ noble, rowers: [], hr: [], profiles: () => undefined });
    await until(() => bindings.isStreaming(ROWER_A.id));
    await until(() => bindings.commands.includes('notify 2ad3 true'));
    expect(frames(items, '2acc')).toHaveLength(1);
    for (const c of ['2ad1', '2ada', '2ad3']) expect(bindings.commands).toContain(`notify ${c} true`);
    expect(bindings.commands.some((c) => c.startsWith('write 2ad9'))).toBe(false); // startup 'none': no writes
  });

  it('sends Request Control then Start to a control-start device, which streams only after', async () => {
    const profile: BleProfile = { id: 'irower', startup: 'control-start' };
    const { noble, bindings } = virtualNoble([{ ...ROWER_A, startup: 'control-start' }]);
    const { items } = run({ noble, rowers: [], hr: [], profiles: () => profile });
    await until(() => bindings.isStreaming(ROWER_A.id), 3000, 'started');
    expect(bindings.commands.filter((c) => c.startsWith('write 2ad9'))).toEqual(['write 2ad9 00', 'write 2ad9 07']);
    expect(bindings.push(ROWER_A.id, '2ad1', elapsedFrame(1))).toBe(true);
    await until(() => frames(items).length === 1);
  });

  it('treats "control not permitted" as non-fatal and keeps streaming', async () => {
    const profile: BleProfile = { id: 'picky', startup: 'control-start' };
    const { noble, bindings } = virtualNoble([{ ...ROWER_A, startup: 'none', startAnswer: 'control-not-permitted' }]);
    const { items, logs, errors } = run({ noble, rowers: [], hr: [], profiles: () => profile });
    await until(() => logs.some((l) => l.includes('control-not-permitted')), 3000, 'the refusal');
    expect(bindings.push(ROWER_A.id, '2ad1', elapsedFrame(7))).toBe(true);
    await until(() => frames(items).length === 1);
    expect(errors).toEqual([]);
  });

  it('gets past a subscribe that never completes by writing descriptor 2902', async () => {
    const { noble, bindings } = virtualNoble([{ ...ROWER_A, hangSubscribe: ['2ad1'] }]);
    const { items, logs } = run({ noble, rowers: [], hr: [], profiles: () => undefined });
    await until(() => bindings.isStreaming(ROWER_A.id), 3000, 'streaming via 2902');
    expect(bindings.commands).toContain('writeValue 2ad1 2902 0100');
    expect(logs.some((l) => l.includes('subscribe 2ad1: descriptor-written'))).toBe(true);
    bindings.push(ROWER_A.id, '2ad1', elapsedFrame(2));
    await until(() => frames(items).length === 1);
  });

  it('cancels a connect that never completes and reports the timeout', async () => {
    const { noble, bindings } = virtualNoble([{ ...ROWER_A, hangConnect: true }]);
    const { logs } = run({ noble, rowers: [], hr: [], profiles: () => undefined });
    await until(() => bindings.commands.includes(`cancelConnect ${ROWER_A.id}`), 3000, 'cancelConnect');
    await until(() => logs.some((l) => l.includes('did not answer within')));
  });

  it('streams two rowers at once and attaches a strap to one of them', async () => {
    const strap = { id: 'cc0000000003', name: 'Polar H10 1234', services: ['180d'], advertise: { serviceUuids: ['180d'], serviceData: null } };
    const { noble, bindings } = virtualNoble([ROWER_A, ROWER_B, strap]);
    const { items } = run({ noble, rowers: ['Virtual Rower A', ROWER_B.id], hr: [{ strap: 'Polar', rower: 'Virtual Rower B' }], profiles: () => undefined });
    await until(() => bindings.isStreaming(ROWER_A.id) && bindings.isStreaming(ROWER_B.id), 3000, 'both rowers');
    await until(() => bindings.push(strap.id, '2a37', Uint8Array.of(0x00, 150)), 3000, 'strap subscribed');
    bindings.push(ROWER_A.id, '2ad1', elapsedFrame(1));
    bindings.push(ROWER_B.id, '2ad1', elapsedFrame(2));
    await until(() => frames(items).length === 2 && frames(items, '2a37').length === 1);
    expect(frames(items).map((f) => [f.rower, hex(f)]).sort()).toEqual([
      [ROWER_A.id, '01080100'],
      [ROWER_B.id, '01080200'],
    ]);
    expect(frames(items, '2a37')[0]?.rower).toBe(ROWER_B.id);
  });

  it('fails with NO_ROWER when nothing is found in time, and with NOT_FTMS for a known non-FTMS device asked for by name', async () => {
    const a = virtualNoble([]);
    const r1 = run({ noble: a.noble, rowers: [], hr: [], profiles: () => undefined, timeouts: { findMs: 200 } });
    await until(() => r1.errors.length === 1);
    expect(r1.errors[0]).toMatchObject({ code: 'NO_ROWER' });
    sub?.unsubscribe();
    const b = virtualNoble([{ id: 'dd0000000004', name: 'SmartRow 42', advertise: { serviceUuids: ['abcd'], serviceData: null } }]);
    const r2 = run({ noble: b.noble, rowers: ['SmartRow'], hr: [], profiles: (n) => (n.startsWith('SmartRow') ? { id: 'smartrow', startup: 'none', notFtms: 'SmartRow speaks its own protocol' } : undefined) });
    await until(() => r2.errors.length === 1);
    expect(r2.errors[0]).toMatchObject({ code: 'NOT_FTMS' });
  });

  it('finds a named rower that advertises nothing FTMS by GATT discovery of 2ad1', async () => {
    const silent = { ...ROWER_A, name: 'Garage Rower', advertise: { serviceUuids: [], serviceData: null } };
    const { noble, bindings } = virtualNoble([silent]);
    const { items, errors } = run({ noble, rowers: ['Garage'], hr: [], profiles: () => undefined });
    await until(() => bindings.isStreaming(ROWER_A.id), 3000, 'streaming');
    bindings.push(ROWER_A.id, '2ad1', elapsedFrame(3));
    await until(() => frames(items).length === 1);
    expect(errors).toEqual([]);
  });

  it('refuses a named device whose GATT has no FTMS service (NOT_FTMS), without retrying', async () => {
    const lamp = { id: 'ff0000000006', name: 'Desk Lamp', services: ['180a'], advertise: { serviceUuids: [], serviceData: null } };
    const { noble, bindings } = virtualNoble([lamp]);
    const { errors } = run({ noble, rowers: ['Desk Lamp'], hr: [], profiles: () => undefined });
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'NOT_FTMS' });
    expect(bindings.commands.filter((c) => c.startsWith('connect'))).toHaveLength(1);
  });

  it('reports a powered-off adapter as ADAPTER_OFF', async () => {
    const { noble } = virtualNoble([], { state: 'poweredOff' });
    const { errors } = run({ noble, rowers: [], hr: [], profiles: () => undefined });
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'ADAPTER_OFF' });
  });
});
