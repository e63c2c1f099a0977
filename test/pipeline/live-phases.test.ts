/**
 * What the display shows live, in data time: the phase at the first stroke of the warm-up, the
 * warm-up's pick-ups, the start of the cool-down, and how soon after each sprint its verdict
 * arrives (issue 9: ≤ 5 s). The recording's items are fed one by one with a heartbeat every
 * second, as a live source sends them; "now" is the data time of the item being fed.
 */
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/ftms/frame.js';
import { session$ } from '../../src/pipeline/session.js';
import type { PhaseEvent, SessionEvent } from '../../src/pipeline/session-state.js';
import { loadFixture } from './fixture-helpers.js';

interface Seen {
  at: number;
  ev: SessionEvent;
}

/** Every session event of a fixture with the data time at which it was emitted. */
function live(name: string): { seen: Seen[]; labels: ReturnType<typeof loadFixture>['labels']; firstStrokeS: number } {
  const { recording, labels } = loadFixture(name);
  const input = new Subject<SourceItem>();
  const seen: Seen[] = [];
  let now = 0;
  input.pipe(session$()).subscribe({ next: (ev) => seen.push({ at: now, ev }) });
  let beat = 1000;
  for (const it of recording.items) {
    for (; beat < it.t; beat += 1000) {
      now = beat;
      input.next({ kind: 'heartbeat', t: beat });
    }
    now = it.t;
    input.next(it);
  }
  input.complete();
  const warmup = labels.find((l) => l.kind === 'warmup');
  return { seen, labels, firstStrokeS: warmup?.start ?? 0 };
}

const phases = (seen: Seen[]): Array<{ at: number; phase: PhaseEvent }> => seen.flatMap((s) => (s.ev.type === 'phase' ? [{ at: s.at, phase: s.ev.phase }] : []));

describe('live phases (hiit-allout: 6-min warm-up with two pick-ups, 8 × 30 s, cool-down)', () => {
  const { seen, labels } = live('hiit-allout');
  const works = labels.filter((l) => l.kind === 'work');

  it('the first phase is the warm-up, from the first stroke, and nothing reads idle while rowing', () => {
    const ps = phases(seen);
    expect(ps[0]!.phase.kind).toBe('warmup');
    expect(ps[0]!.at / 1000).toBeLessThan(labels[0]!.start + 5);
    expect(ps.some((p) => p.phase.kind === 'idle')).toBe(false);
  });

  it('no warm-up pick-up is shown as a sprint: the first work phase is the first rep', () => {
    const firstWork = phases(seen).find((p) => p.phase.kind === 'work')!;
    expect(Math.abs(firstWork.phase.start / 1000 - works[0]!.start)).toBeLessThan(3);
  });

  it('each sprint\u2019s verdict reaches the display within 5 s of its end', () => {
    for (const [i, w] of works.entries()) {
      const first = seen.find((s) => s.ev.type === 'interval' && s.ev.interval.kind === 'work' && s.ev.interval.index === i + 1 && s.ev.interval.verdict !== undefined);
      expect(first, `rep ${i + 1}`).toBeDefined();
      expect((first!.at / 1000 - w.end), `rep ${i + 1} verdict latency`).toBeLessThanOrEqual(5);
    }
  });

  it('the cool-down shows within 2 min of the last rep, backdated to its end', () => {
    const last = works[works.length - 1]!;
    const cool = phases(seen).find((p) => p.phase.kind === 'cooldown')!;
    expect(cool).toBeDefined();
    expect(cool.at / 1000 - last.end).toBeLessThan(120);
    expect(Math.abs(cool.phase.start / 1000 - last.end)).toBeLessThan(3);
  });

  it('the final revision replaces the live intervals once, at the end', () => {
    const revisions = seen.filter((s) => s.ev.type === 'intervals');
    expect(revisions).toHaveLength(1);
    const ev = revisions[0]!.ev;
    if (ev.type !== 'intervals') throw new Error('unreachable');
    expect(ev.intervals.filter((iv) => iv.kind === 'work')).toHaveLength(works.length);
    expect(ev.intervals.every((iv) => iv.kind !== 'work' || iv.verdict !== undefined)).toBe(true);
  });
});
