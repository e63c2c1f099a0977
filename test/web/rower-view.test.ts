/** rowerView(): a running plan shows rep k / N and a countdown; a stopped plan (POST /api/workout stop) shows neither. */
import { describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../src/pipeline/session-state.js';
import type { DisplayRowerState } from '../../src/server/protocol.js';
import { rowerView } from '../../web/src/rower-view.js';

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

  it('a stopped plan shows like no plan: no rep of N, no countdown', () => {
    const stopped = rowerView(rower({ plan: 'hiit-30-90', rep: 3, reps: 8, phase: 'stopped' }), 100_000);
    const none = rowerView(rower(), 100_000);
    expect(stopped.countdownS).toBeUndefined();
    expect(stopped.nextLabel).toBeUndefined();
    expect(stopped.rep).not.toMatch(/\//);
    expect(stopped).toEqual(none);
  });
});
