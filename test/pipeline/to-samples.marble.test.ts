/**
 * toSamples with an injected assembler (no decoding here): frames go to their rower's assembler,
 * heartbeats flush every window and become ticks, connection events pass on, completion flushes.
 */
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Frame, SourceItem } from '../../src/ftms/frame.js';
import type { Sample } from '../../src/ftms/sample.js';
import type { PipeItem } from '../../src/pipeline/pipe-item.js';
import { toSamples, type SampleAssembler } from '../../src/pipeline/to-samples.js';

/** A fake assembler: each frame becomes a pending sample, released by the next push or a flush. */
function fake(): SampleAssembler {
  let pending: Sample | undefined;
  const take = (): Sample[] => {
    const out = pending ? [pending] : [];
    pending = undefined;
    return out;
  };
  return {
    push(f: Frame) {
      const out = take();
      pending = { t: f.t, rower: f.rower, powerW: f.bytes[0]! };
      return out;
    },
    flush: () => take(),
  };
}

const frame = (t: number, rower: string, p: number): SourceItem => ({ kind: 'frame', t, rower, char: '2ad1', bytes: Uint8Array.of(p) });
const sample = (t: number, rower: string, p: number): PipeItem => ({ type: 'sample', sample: { t, rower, powerW: p } });

describe('toSamples()', () => {
  it('per-rower assemblers, heartbeat flush → tick, events pass on, flush at completion', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const src = cold<SourceItem>('a b 8ms h 9ms e 9ms c 9ms |', {
        a: frame(0, 'x', 100),
        b: frame(1, 'y', 200),
        h: { kind: 'heartbeat', t: 2 },
        e: { kind: 'event', t: 3, rower: 'x', event: 'disconnected' },
        c: frame(4, 'x', 110),
      });
      // a and b wait in their windows until the heartbeat at 10; c until completion at 40
      expectObservable(src.pipe(toSamples({ createAssembler: fake }))).toBe('10ms (abt) 5ms e 19ms (c|)', {
        a: sample(0, 'x', 100),
        b: sample(1, 'y', 200),
        t: { type: 'tick', t: 2 },
        e: { type: 'rower-event', event: { kind: 'event', t: 3, rower: 'x', event: 'disconnected' } },
        c: sample(4, 'x', 110),
      });
    });
  });

  it('fills power from pace for machines that send only pace (P = 2.80 / (pace/500)³)', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const paceOnly: SampleAssembler = { push: (f) => [{ t: f.t, rower: f.rower, paceS500: 120 }], flush: () => [] };
      const src = cold<SourceItem>('a|', { a: frame(0, 'x', 0) });
      // 2:00/500 m → 2.8 / 0.24³ = 202.5 W → 203 (science README table: 203 W)
      expectObservable(src.pipe(toSamples({ createAssembler: () => paceOnly }))).toBe('a|', { a: { type: 'sample', sample: { t: 0, rower: 'x', paceS500: 120, powerW: 203 } } });
    });
  });

  it('errors pass through and the source is unsubscribed', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<SourceItem>('a #', { a: frame(0, 'x', 1) }, new Error('radio'));
      expectObservable(src.pipe(toSamples({ createAssembler: fake }))).toBe('- #', {}, new Error('radio'));
      expectSubscriptions(src.subscriptions).toBe('^ !');
    });
  });
});
