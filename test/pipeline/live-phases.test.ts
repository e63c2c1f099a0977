/**
 * What the display shows live, in data time: the phase at the first stroke of the warm-up, the
 * warm-up's pick-ups, the start of the cool-down, and how soon after each sprint its verdict
 * arrives (issue 9: ≤ 5 s). The recording's items are fed one by one with a heartbeat every
 * second, as a live source sends them; "now" is the data time of the item being fed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/ftms/frame.js';
import { session$ } from '../../src/pipeline/session.js';
import type { PhaseEvent, SessionEvent } from '../../src/session/state.js';
import { parseRecording, type Recording } from '../../src/recording/reader.js';
import { loadFixture } from './fixture-helpers.js';

const REALDATA = join(import.meta.dirname, '../../../shared/realdata');

interface Seen {
  at: number;
  ev: SessionEvent;
}

/** Every session event of a fixture with the data time at which it was emitted. */
function live(name: string): { seen: Seen[]; labels: ReturnType<typeof loadFixture>['labels'] } {
  const { recording, labels } = loadFixture(name);
  return { seen: feed(recording), labels };
}

/** Feed a recording's items one by one, with a heartbeat every second; events with their data time. */
function feed(recording: Recording): Seen[] {
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
  return seen;
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

describe('live phases on a real session rowed at one level, rests sat out (rp3-3x10min-r8: 3 × 10:00 / 8:00)', () => {
  const file = join(REALDATA, 'rp3-3x10min-r8.ndjson');
  it('each piece ends with its interval once the stop is clear, and rowing on after it shows the next piece', () => {
    expect(existsSync(file), `${file} is missing (../shared is always present in CI)`).toBe(true);
    const seen = feed(parseRecording(readFileSync(file, 'utf8'), file));
    const labels = (JSON.parse(readFileSync(file.replace(/\.ndjson$/, '.labels.json'), 'utf8')) as { intervals: Array<{ kind: string; start: number; end: number }> }).intervals;
    const works = labels.filter((l) => l.kind === 'work');
    for (const [i, w] of works.entries()) {
      // the last piece is followed by 15 s of data only: the end of the session settles it
      if (i === works.length - 1) {
        const revision = seen.find((s) => s.ev.type === 'intervals');
        expect(revision?.ev.type === 'intervals' && revision.ev.intervals.filter((iv) => iv.kind === 'work').length).toBe(works.length);
        continue;
      }
      const first = seen.find((s) => s.ev.type === 'interval' && s.ev.interval.kind === 'work' && s.ev.interval.index === i + 1);
      expect(first, `piece ${i + 1}`).toBeDefined();
      // a stop is clear after 19 s of silence: the piece is known then, not at the end of the session
      expect(first!.at / 1000 - w.end, `piece ${i + 1}: interval latency`).toBeLessThanOrEqual(25);
    }
    for (const [i, w] of works.entries()) {
      if (i === 0) continue;
      // one minute into piece i + 1 the display reads work i + 1
      const at = (w.start + 60) * 1000;
      const current = phases(seen).filter((p) => p.at <= at).pop()!;
      expect(current.phase, `phase one minute into piece ${i + 1}`).toMatchObject({ kind: 'work', index: i + 1 });
    }
  });
});
