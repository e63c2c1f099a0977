import { describe, expect, it } from 'vitest';
import { StreamOrder } from '../../../src/sources/mqtt/stream-order.js';

/** feed (seq, label) pairs; returns every label delivered, in order */
const feed = (o: StreamOrder<string>, seqs: number[], now = 0): string[] => seqs.flatMap((s) => o.accept(s, `L${s}`, now));

describe('StreamOrder: exactly once, in seq order, per (hub session, rower)', () => {
  it('a duplicate batch (QoS 1 redelivery) is dropped', () => {
    const o = new StreamOrder<string>(1);
    expect(feed(o, [1, 2, 3])).toEqual(['L1', 'L2', 'L3']);
    expect(feed(o, [1, 2, 3])).toEqual([]);
    expect(o.duplicates).toBe(3);
    expect(feed(o, [4])).toEqual(['L4']);
  });

  it('out-of-order batches are held and delivered in order once the hole closes', () => {
    const o = new StreamOrder<string>(1);
    expect(feed(o, [1, 2])).toEqual(['L1', 'L2']);
    expect(feed(o, [5, 6])).toEqual([]);
    expect(o.gap()).toEqual({ from: 3, to: 4 });
    expect(feed(o, [3, 4])).toEqual(['L3', 'L4', 'L5', 'L6']);
    expect(o.gap()).toBeNull();
    expect(feed(o, [5])).toEqual([]); // a late copy of a held line is still a duplicate
  });

  it('a gap is filled by replayed lines (which may overlap what already arrived)', () => {
    const o = new StreamOrder<string>(1);
    feed(o, [1, 2, 3, 7, 8]);
    expect(o.gap()).toEqual({ from: 4, to: 6 });
    // the replay answer covers 3..8: 3, 7, 8 are duplicates, 4..6 fill the gap
    expect(feed(o, [3, 4, 5, 6, 7, 8])).toEqual(['L4', 'L5', 'L6', 'L7', 'L8']);
    expect(o.duplicates).toBe(3);
    expect(o.lost).toBe(0);
  });

  it('two lines with the same (rower, t) but different seq are both kept', () => {
    const o = new StreamOrder<{ t: number; c: string }>(1);
    const a = { t: 1012, c: '2ad1' };
    const b = { t: 1012, c: '2a37' };
    expect([...o.accept(1, a, 0), ...o.accept(2, b, 0)]).toEqual([a, b]);
  });

  it('a lost tail shows up through the heads the hub announces', () => {
    const o = new StreamOrder<string>(1);
    feed(o, [1, 2]);
    o.seenHead(5, 100);
    expect(o.gap()).toEqual({ from: 3, to: 5 });
    expect(feed(o, [3, 4, 5])).toEqual(['L3', 'L4', 'L5']);
    expect(o.gap()).toBeNull();
  });

  it('a stream first seen mid-session starts where it is met (a central that joined late asks nothing)', () => {
    const o = new StreamOrder<string>(undefined);
    expect(feed(o, [40, 41])).toEqual(['L40', 'L41']);
    expect(o.gap()).toBeNull();
  });

  it('a gap nobody fills is given up after giveUpMs: the held lines flow on and the loss is counted', () => {
    const o = new StreamOrder<string>(1, 1000);
    feed(o, [1], 0);
    feed(o, [4, 5], 10);
    expect(o.tick(500)).toEqual([]);
    expect(o.tick(1010)).toEqual(['L4', 'L5']);
    expect(o.lost).toBe(2);
    expect(o.gap()).toBeNull();
    expect(feed(o, [2, 3])).toEqual([]); // too late now: dropped, not delivered out of order
  });

  it('the hub coming back online restarts the wait: a gap its restarted hub fills late is not lost', () => {
    const o = new StreamOrder<string>(1, 1000);
    feed(o, [1], 0);
    feed(o, [4, 5], 10); // the gap opens at 10
    o.hubOnline(900); // the hub (a new process) is back at 900
    expect(o.tick(1010)).toEqual([]); // 1000 after the gap opened, but only 110 after the hub came back
    expect(feed(o, [2, 3], 1500)).toEqual(['L2', 'L3', 'L4', 'L5']);
    expect(o.lost).toBe(0);
    // no gap open: nothing to restart, and a later gap has its own full wait
    o.hubOnline(2000);
    feed(o, [7], 2100);
    expect(o.tick(3050)).toEqual([]);
    expect(o.tick(3100)).toEqual(['L7']);
    expect(o.lost).toBe(1);
  });
});
