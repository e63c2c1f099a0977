/** Workout commands become source items: validated, stamped with the newest data time, recorded, replayed alike. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subject, firstValueFrom, from, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { commandPlan, workoutInjector, WorkoutCommandError } from '../../src/commands/workout-commands.js';
import type { SourceItem } from '../../src/ftms/frame.js';
import { headerNames } from '../../src/pipeline/analyze-recording.js';
import { session$ } from '../../src/pipeline/session.js';
import type { SessionEvent } from '../../src/session/state.js';
import { readRecording } from '../../src/recording/reader.js';
import { openRecording } from '../../src/recording/writer.js';
import { replay$ } from '../../src/sources/replay.js';
import { PlanError } from '../../src/workouts/parse-plan.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    if (err instanceof WorkoutCommandError || err instanceof PlanError) return err.code;
    throw err;
  }
  return undefined;
};

describe('commandPlan()', () => {
  it('takes a built-in name or plan JSON text, never a file path', () => {
    expect(commandPlan('hiit-30-60')).toMatchObject({ name: 'hiit-30-60', reps: 8, workS: 30, restS: 60 });
    expect(commandPlan(' {"name":"p","reps":2,"workS":20,"restS":40}')).toEqual({ name: 'p', reps: 2, workS: 20, restS: 40 });
    expect(codeOf(() => commandPlan('fixtures/plan.json'))).toBe('UNKNOWN_PLAN');
    for (const key of ['constructor', '__proto__', 'toString']) expect(codeOf(() => commandPlan(key))).toBe('UNKNOWN_PLAN');
    expect(codeOf(() => commandPlan('{"name":'))).toBe('BAD_JSON');
    expect(codeOf(() => commandPlan('{"name":"p","reps":2,"workS":2,"restS":40}'))).toBe('INVALID_PLAN');
  });
});

describe('workoutInjector()', () => {
  it('stamps events with the newest data time seen; no rower means every rower seen; errors carry codes', () => {
    const w = workoutInjector();
    const src = new Subject<SourceItem>();
    const out: SourceItem[] = [];
    expect(codeOf(() => w.hook({ action: 'stop' }))).toBe('NO_SESSION');
    const sub = w.inject(src).subscribe((x) => out.push(x));
    expect(codeOf(() => w.hook({ action: 'stop' }))).toBe('NO_ROWERS');
    src.next({ kind: 'event', t: 0, rower: 'a', event: 'connected' });
    src.next({ kind: 'frame', t: 1200, rower: 'b', char: '2ad1', bytes: new Uint8Array(0) });
    src.next({ kind: 'heartbeat', t: 2000 });
    expect(codeOf(() => w.hook({ action: 'start', plan: 'nope', rower: 'a' }))).toBe('UNKNOWN_PLAN');
    expect(codeOf(() => w.hook({ action: 'start' }))).toBe('NO_PLAN');
    void w.hook({ action: 'start', plan: 'hiit-30-90' });
    void w.hook({ action: 'stop', rower: 'b' });
    expect(out.slice(3)).toEqual([
      { kind: 'event', t: 2000, rower: 'a', event: 'workout-start', plan: { name: 'hiit-30-90', warmupS: 600, reps: 8, workS: 30, restS: 90, cooldownS: 600 } },
      { kind: 'event', t: 2000, rower: 'b', event: 'workout-start', plan: { name: 'hiit-30-90', warmupS: 600, reps: 8, workS: 30, restS: 90, cooldownS: 600 } },
      { kind: 'event', t: 2000, rower: 'b', event: 'workout-stop' },
    ]);
    src.complete();
    expect(codeOf(() => w.hook({ action: 'stop' }))).toBe('NO_SESSION');
    sub.unsubscribe();
  });

  it('a command recorded live replays from the file to the same plan progress', async () => {
    const { header, items } = await readRecording('fixtures/hiit-allout.ndjson');
    const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-wk-')), 'live.ndjson');
    const rec = openRecording(path, header);
    const w = workoutInjector();
    let sent = false;
    // "live": the coach starts a 3-rep plan 200 s in (during the warm-up); the recorder taps after the injection
    const live$ = w.inject(from(items)).pipe(
      tap((item) => {
        if (sent || item.t < 200_000) return;
        sent = true;
        void w.hook({ action: 'start', plan: JSON.stringify({ name: 'three', reps: 3, workS: 30, restS: 90 }), rower: 'sim-1' });
      }),
      tap((item) => item.kind !== 'heartbeat' && rec.write(item)),
    );
    const plans = (evs: SessionEvent[]) => evs.filter((e) => e.type === 'plan');
    const live = plans(await firstValueFrom(live$.pipe(session$({ names: headerNames(header) }), toArray())));
    rec.close();
    const again = await readRecording(path);
    expect(again.items.filter((x) => x.kind === 'event' && x.event === 'workout-start')).toHaveLength(1);
    const replayed = plans(await firstValueFrom(replay$(again.items, { speed: 'instant' }).pipe(session$({ names: headerNames(again.header) }), toArray())));
    expect(replayed).toEqual(live);
    // the plan's three reps run and end: rep 0 at the command, reps 1..3 from the sprints, then done
    const ps = live.map((e) => (e.type === 'plan' ? e.plan : undefined));
    expect(ps[0]).toEqual({ plan: 'three', rep: 0, reps: 3, phase: 'idle' });
    expect(ps.filter((p) => p?.phase === 'work').map((p) => p?.rep).slice(0, 3)).toEqual([1, 2, 3]);
    expect(ps.some((p) => p?.phase === 'done')).toBe(true);
  });
});
