/**
 * Live and replay agree: the same recording analysed at 1× in virtual time, at 10× and instantly
 * gives deep-equal intervals and verdicts (heartbeats only at 1×, as a live source sends them), and
 * the PM5's two More-Data parts give the same result whether they arrive together or apart.
 */
import { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Frame, RowerEvent, SourceItem } from '../../src/ftms/frame.js';
import { analyzeRecording, collectAnalysis, headerNames, type AnalysisResult } from '../../src/pipeline/analyze-recording.js';
import { session$ } from '../../src/pipeline/session.js';
import type { SessionEvent } from '../../src/session/state.js';
import { replay$ } from '../../src/sources/replay.js';
import { loadFixture } from './fixture-helpers.js';

/**
 * Items delivered at t / speed in virtual time, each on its own scheduled action (replay$ on a
 * TestScheduler nests one action per step, which overflows the stack on unsubscription for a
 * 30-min recording), with a heartbeat every `heartbeatMs` of data time like a live source.
 */
function timedSource(items: ReadonlyArray<Frame | RowerEvent>, speed: number, ts: TestScheduler, heartbeatMs?: number): Observable<SourceItem> {
  return new Observable<SourceItem>((sub) => {
    const all: SourceItem[] = [];
    let beat = heartbeatMs ?? Infinity;
    for (const it of items) {
      for (; beat < it.t; beat += heartbeatMs!) all.push({ kind: 'heartbeat', t: beat });
      all.push(it);
    }
    const byTime = new Map<number, SourceItem[]>();
    for (const it of all) {
      const due = it.t / speed;
      const list = byTime.get(due) ?? [];
      list.push(it);
      byTime.set(due, list);
    }
    const last = Math.max(...byTime.keys());
    for (const [due, list] of byTime) {
      ts.schedule(() => {
        for (const it of list) sub.next(it);
        if (due === last) sub.complete();
      }, due);
    }
  });
}

function virtual(recording: ReturnType<typeof loadFixture>['recording'], speed: number, heartbeatMs?: number): AnalysisResult {
  const ts = new TestScheduler((a, b) => expect(a).toEqual(b));
  const events: SessionEvent[] = [];
  let done = false;
  ts.run(({ flush }) => {
    timedSource(recording.items, speed, ts, heartbeatMs)
      .pipe(session$({ names: headerNames(recording.header) }))
      .subscribe({ next: (ev) => events.push(ev), complete: () => (done = true) });
    flush();
  });
  expect(done).toBe(true);
  return collectAnalysis(recording.header, events);
}

describe('determinism', () => {
  for (const name of ['hiit-held', 'pm5-split', 'stale-values']) {
    it(`${name}: 1× virtual (with heartbeats) = 10× = instant`, () => {
      const { recording } = loadFixture(name);
      const instant = analyzeRecording(recording, { source$: replay$(recording.items, { speed: 'instant' }) });
      const x1 = virtual(recording, 1, 1000);
      const x10 = virtual(recording, 10);
      expect(instant.rowers[0]!.intervals.filter((i) => i.kind === 'work').length).toBeGreaterThan(0);
      expect(x1).toEqual(instant);
      expect(x10).toEqual(instant);
    });
  }

  it('PM5 More-Data parts together (same t) or apart (~10 ms) give the same analysis', () => {
    const { recording } = loadFixture('pm5-split');
    const together: Array<Frame | RowerEvent> = [];
    const items = recording.items;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const next = items[i + 1];
      // part A (More Data = bit 0 of the flags set) takes the time of the part B that follows it
      if (it.kind === 'frame' && it.char === '2ad1' && (it.bytes[0]! & 1) === 1 && next?.kind === 'frame' && next.char === '2ad1') together.push({ ...it, t: next.t });
      else together.push(it);
    }
    expect(together.some((x, i) => x.t !== items[i]!.t)).toBe(true);
    const a = analyzeRecording(recording);
    const b = analyzeRecording({ header: recording.header, items: together });
    expect(b).toEqual(a);
  });
});
