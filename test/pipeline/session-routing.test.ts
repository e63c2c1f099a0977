/**
 * session$ routes each rower's items to its own pipeline and every heartbeat to all of them:
 * rowers do not leak into each other, each is announced once before its first event, and the
 * stream completes only after every rower's last interval is out.
 */
import { from, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/ftms/frame.js';
import { session$ } from '../../src/pipeline/session.js';
import type { SessionEvent } from '../../src/session/state.js';
import { loadFixture } from './fixture-helpers.js';

const run = (items: SourceItem[]): { events: SessionEvent[]; completed: boolean } => {
  const events: SessionEvent[] = [];
  let completed = false;
  from(items)
    .pipe(session$())
    .subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
  return { events, completed };
};
const rowerOf = (e: SessionEvent): string => ('rower' in e ? e.rower : '');
const intervalsOf = (events: SessionEvent[], rower: string) =>
  events.filter((e) => e.type === 'interval' && e.interval.rower === rower).map((e) => (e.type === 'interval' ? e.interval : null));

describe('session$ routing', () => {
  const { recording } = loadFixture('two-rowers');
  const items = recording.items as SourceItem[];
  const ids = recording.header.rowers.map((r) => r.id);

  it('two rowers in one stream give each the same intervals as that rower alone', () => {
    const together = run(items);
    expect(together.completed).toBe(true);
    for (const id of ids) {
      const alone = run(items.filter((x) => x.kind !== 'heartbeat' && x.rower === id));
      const mine = intervalsOf(together.events, id);
      expect(mine.length).toBeGreaterThan(8);
      expect(mine).toEqual(intervalsOf(alone.events, id));
    }
  });

  it('announces a rower without a connection event exactly once, before its first event', () => {
    const frames = items.filter((x) => x.kind === 'frame');
    const { events } = run(frames);
    for (const id of ids) {
      const mine = events.filter((e) => rowerOf(e) === id);
      expect(mine[0]).toMatchObject({ type: 'rower', rower: id, connected: true });
      expect(mine.filter((e) => e.type === 'rower')).toHaveLength(1);
    }
  });

  it('completes only after every rower has sent its final intervals (with the cool-down)', () => {
    const input = new Subject<SourceItem>();
    const events: SessionEvent[] = [];
    let completedAfter = -1;
    input.pipe(session$()).subscribe({ next: (e) => events.push(e), complete: () => (completedAfter = events.length) });
    for (const x of items) input.next(x);
    const before = events.length;
    input.complete();
    expect(events.length).toBeGreaterThan(before); // the last intervals come out on completion
    expect(completedAfter).toBe(events.length);
    // the end-of-session revision (with the cool-down) of every rower comes before completion
    for (const id of ids) {
      const revision = events.slice(before).find((e) => e.type === 'intervals' && e.rower === id);
      expect(revision?.type === 'intervals' && revision.intervals.some((iv) => iv.kind === 'cooldown')).toBe(true);
    }
  });

  it('a heartbeat reaches every rower: data time passing with no samples at all releases each rower\'s sprint', () => {
    const { labels } = loadFixture('two-rowers');
    // a moment 1 s after both rowers finished their third sprint: it is not final yet (merge gap)
    const cutMs = 1000 * Math.max(...ids.map((id) => labels.filter((l) => l.kind === 'work' && l.rower === id)[2]!.end)) + 1000;
    const input = new Subject<SourceItem>();
    const events: SessionEvent[] = [];
    input.pipe(session$()).subscribe({ next: (e) => events.push(e) });
    for (const x of items) if (x.t <= cutMs) input.next(x);
    // each work interval is sent at its end and again with its heart-rate window: count reps
    const works = (id: string) => new Set(intervalsOf(events, id).filter((iv) => iv?.kind === 'work').map((iv) => iv?.index)).size;
    expect(ids.map(works)).toEqual([2, 2]);
    for (let s = 1; s <= 5; s++) input.next({ kind: 'heartbeat', t: cutMs + s * 1000 }); // silence: only heartbeats
    expect(ids.map(works)).toEqual([3, 3]);
  });
});
