/** rowerView(): a running plan shows rep k / N and a countdown; a stopped plan (POST /api/workout stop) shows neither. */
import { describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../src/session/state.js';
import type { DisplayRowerState } from '../../src/server/protocol.js';
import { onTrack, rowerView } from '../../web/src/rower-view.js';

const rower = (plan?: PlanProgress): DisplayRowerState => ({
  id: 'r',
  name: 'PM5',
  connected: true,
  t: 100_000,
  phase: { rower: 'r', kind: 'rest', start: 90_000, provisional: true, index: 2 },
  intervals: [],
  ...(plan ? { plan } : {}),
});

describe('rowerView() and plans', () => {
  it('a running plan: "Rep 3 / 8" and the seconds left of the planned rest', () => {
    const v = rowerView(rower({ plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'rest', phaseEndsAt: 180_000 }), 100_000);
    expect(v.rep).toBe('Rep 3 / 8');
    expect(v.countdownS).toBe(80);
    expect(v.nextLabel).toBe('Sprint 3'); // the next rep by number: "Sprint 3 in 1:20"
  });

  it('a planned sprint the detector has ended counts down to nothing (not "Rest in 0:00" beside a rest)', () => {
    const v = rowerView(rower({ plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'work', phaseEndsAt: 101_000 }), 100_000);
    expect([v.phase, v.rep, v.countdownS, v.nextLabel]).toEqual(['rest', 'Rep 3 / 8', undefined, undefined]);
    const working = rowerView({ ...rower({ plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'work', phaseEndsAt: 101_000 }), phase: { rower: 'r', kind: 'work', start: 71_000, provisional: true, index: 3 } }, 100_000);
    expect([working.countdownS, working.nextLabel]).toEqual([1, 'Rest']);
  });

  it('a stopped plan shows like no plan: no rep of N, no countdown', () => {
    const stopped = rowerView(rower({ plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'stopped' }), 100_000);
    const none = rowerView(rower(), 100_000);
    expect(stopped.countdownS).toBeUndefined();
    expect(stopped.nextLabel).toBeUndefined();
    expect(stopped.rep).not.toMatch(/\//);
    expect(stopped).toEqual(none);
  });
});

describe('rowerView() states and the on-track reading', () => {
  it('a plan started with a warm-up counts down to sprint 1 and reads as warm-up', () => {
    const r = { ...rower({ plan: 'hiit-30-90', rep: 0, reps: 8, phase: 'warmup', phaseEndsAt: 700_000 }), phase: { rower: 'r', kind: 'idle' as const, start: 0, provisional: false } };
    const v = rowerView(r, 100_000);
    expect([v.phase, v.nextLabel, v.countdownS, v.repShort]).toEqual(['warmup', 'Sprint 1', 600, '0/8']);
  });

  it('a lost link is "lost", a rower with a summary is "finished" (never "disconnected")', () => {
    expect(rowerView({ ...rower(), connected: false }, 100_000).phase).toBe('lost');
    const done = rowerView({ ...rower(), connected: false, summary: { sprints: 8, allOut: 6, notes: [] } }, 100_000);
    expect([done.phase, done.phaseLabel, done.clockS]).toEqual(['finished', 'Finished', undefined]);
  });

  it('on track from the mean so far ÷ target, read with the verdict’s ratios (0.92 / 0.85)', () => {
    const t = { rep: 4, t: 0, powerW: 400, onTarget: 0.92, wellBelow: 0.85 };
    expect(onTrack(368, t)?.state).toBe('good'); // 0.92
    expect(onTrack(367, t)?.state).toBe('below');
    expect(onTrack(340, t)?.state).toBe('below'); // 0.85
    expect(onTrack(339, t)?.state).toBe('well-below');
    expect(onTrack(300, { ...t, powerW: undefined })).toBeUndefined(); // no target yet
  });
});
