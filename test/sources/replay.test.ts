import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Frame, RowerEvent, SourceItem } from '../../src/ftms/frame.js';
import { LOOP_GAP_MS, MAX_DELAY_MS, ReplayOptionsError, replay$, type ReplayOptions } from '../../src/sources/replay.js';

const frame = (t: number, rower = 'a'): Frame => ({ kind: 'frame', t, rower, char: '2ad1', bytes: Uint8Array.of(t & 0xff) });
const items: Array<Frame | RowerEvent> = [frame(0), frame(500), frame(500, 'b'), frame(1500), { kind: 'event', t: 2000, rower: 'b', event: 'disconnected' }];

const newScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Subscribe in virtual time and record [virtual ms at emission, item] plus the completion time. */
function runVirtual(src: Omit<ReplayOptions, 'scheduler'>, input: ReadonlyArray<Frame | RowerEvent> = items, limit = Infinity) {
  const ts = newScheduler();
  const seen: Array<[number, SourceItem]> = [];
  let completedAt: number | undefined;
  ts.run(({ flush }) => {
    replay$(input, { ...src, scheduler: ts })
      .pipe(take(limit))
      .subscribe({ next: (x) => seen.push([ts.now(), x]), complete: () => (completedAt = ts.now()) });
    flush();
  });
  return { seen, completedAt };
}

describe('replay$', () => {
  it('at 1× emits each item at its recorded time, keeping t, then completes', () => {
    const { seen, completedAt } = runVirtual({ speed: 1 });
    expect(seen.map(([at]) => at)).toEqual([0, 500, 500, 1500, 2000]);
    expect(seen.map(([, x]) => x)).toEqual(items);
    expect(completedAt).toBe(2000);
  });

  it('at 10× emits at a tenth of the recorded times with the ORIGINAL t', () => {
    const { seen, completedAt } = runVirtual({ speed: 10 });
    expect(seen.map(([at]) => at)).toEqual([0, 50, 50, 150, 200]);
    expect(seen.map(([, x]) => x)).toEqual(items);
    expect(completedAt).toBe(200);
  });

  it("'instant' emits everything synchronously: the same sequence as 1× and 10×", () => {
    const out: SourceItem[] = [];
    let done = false;
    replay$(items, { speed: 'instant' }).subscribe({ next: (x) => out.push(x), complete: () => (done = true) });
    expect(done).toBe(true); // already, before returning to the caller
    expect(out).toEqual(runVirtual({ speed: 1 }).seen.map(([, x]) => x));
    expect(out).toEqual(runVirtual({ speed: 10 }).seen.map(([, x]) => x));
  });

  it('as a marble: 2× over the sample recording', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const [a, b, c, d, e] = items;
      // a@0, (bc)@250, d@750, (e|)@1000
      expectObservable(replay$(items, { speed: 2, scheduler: ts })).toBe('a 249ms (bc) 496ms d 249ms (e|)', { a, b, c, d, e });
    });
  });

  it('interleaves heartbeats every heartbeatMs of DATA time in t order, after items of equal t', () => {
    const input = [frame(0), frame(1000), frame(3500)];
    for (const speed of [1, 5] as const) {
      const { seen } = runVirtual({ speed, heartbeatMs: 1000 }, input);
      expect(seen.map(([, x]) => `${x.kind}@${x.t}`)).toEqual(['frame@0', 'frame@1000', 'heartbeat@1000', 'heartbeat@2000', 'heartbeat@3000', 'frame@3500']);
      expect(seen.map(([at]) => at)).toEqual([0, 1000, 1000, 2000, 3000, 3500].map((t) => t / speed));
    }
    const instant: SourceItem[] = [];
    replay$(input, { speed: 'instant', heartbeatMs: 1000 }).subscribe((x) => instant.push(x));
    expect(instant).toEqual(runVirtual({ speed: 1, heartbeatMs: 1000 }, input).seen.map(([, x]) => x));
  });

  it('heartbeats end at the last item (a heartbeat at exactly its t is still emitted)', () => {
    const { seen } = runVirtual({ speed: 1, heartbeatMs: 1000 }, [frame(200), frame(2000)]);
    expect(seen.map(([, x]) => `${x.kind}@${x.t}`)).toEqual(['frame@200', 'heartbeat@1000', 'frame@2000', 'heartbeat@2000']);
  });

  it('loop restarts from the beginning with t offset by the recording length + 1 s', () => {
    const period = 2000 + LOOP_GAP_MS;
    const { seen } = runVirtual({ speed: 1, loop: true }, items, 12);
    const expectedT = [0, 500, 500, 1500, 2000].concat([0, 500, 500, 1500, 2000].map((t) => t + period), [0, 500].map((t) => t + 2 * period));
    expect(seen.map(([, x]) => x.t)).toEqual(expectedT);
    expect(seen.map(([at]) => at)).toEqual(expectedT); // still at recorded pace
    expect(seen[5]![1]).toEqual({ ...items[0], t: period }); // same content, new t
    expect(items[0]!.t).toBe(0); // the input is not mutated
  });

  it('loop with heartbeats keeps beating through the gap between passes', () => {
    const { seen } = runVirtual({ speed: 1, loop: true, heartbeatMs: 1000 }, [frame(0), frame(1500)], 6);
    // pass 1: 0, hb1000, 1500; gap; pass 2 starts at 1500 + 1000 = 2500: hb2000, frame 2500, hb3000
    expect(seen.map(([, x]) => `${x.kind}@${x.t}`)).toEqual(['frame@0', 'heartbeat@1000', 'frame@1500', 'heartbeat@2000', 'frame@2500', 'heartbeat@3000']);
  });

  it('unsubscribing cancels pending timers', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const [a, b, c] = items;
      expectObservable(replay$(items, { speed: 1, scheduler: ts }), '^ 999ms !').toBe('a 499ms (bc)', { a, b, c });
    });
  });

  it('unsubscribing clears the real timer (nothing keeps the process alive)', () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const sub = replay$(items, { speed: 1 }).subscribe();
    expect(timers()).toBe(before + 1);
    sub.unsubscribe();
    expect(timers()).toBe(before);
  });

  it('instant + loop is stopped by take(n) (the synchronous loop checks closed)', () => {
    const out: SourceItem[] = [];
    replay$(items, { speed: 'instant', loop: true }).pipe(take(7)).subscribe((x) => out.push(x));
    expect(out.map((x) => x.t)).toEqual([0, 500, 500, 1500, 2000, 3000, 3500]);
  });

  it('an empty recording completes at once, even when looping', () => {
    expect(runVirtual({ speed: 1, loop: true }, []).completedAt).toBe(0);
  });

  it('rejects a bad speed or heartbeat with a typed error', () => {
    for (const speed of [0, -1, Number.NaN, Infinity]) expect(() => replay$(items, { speed })).toThrow(ReplayOptionsError);
    expect(() => replay$(items, { speed: 1, heartbeatMs: 0 })).toThrow(ReplayOptionsError);
  });
});

describe('replay$ across a gap longer than setTimeout can wait (issue 15 #8)', () => {
  const gap: Frame[] = [frame(0), frame(2 ** 32)]; // ~50 days later at 1×
  it('waits in steps of at most MAX_DELAY_MS: no TimeoutOverflowWarning, no busy loop, the far item not emitted early', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    const seen: SourceItem[] = [];
    const sub = replay$(gap, { speed: 1 }).subscribe((x) => seen.push(x));
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    process.off('warning', onWarning);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
    expect(seen).toEqual([gap[0]]);
  });
  it('in virtual time the far item still comes exactly when due', () => {
    expect(MAX_DELAY_MS).toBe(2 ** 31 - 1);
    const { seen, completedAt } = runVirtual({ speed: 1 }, gap);
    expect(seen.map(([at]) => at)).toEqual([0, 2 ** 32]);
    expect(completedAt).toBe(2 ** 32);
  });
});
