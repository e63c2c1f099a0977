/**
 * Plans over the API (issue 12 item 4): GET /api/plans lists the built-in and saved plans; POST
 * /api/workout takes a plan as a JSON object (not only JSON inside a string), and its errors name
 * the field and list what is allowed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { WorkoutCommand } from '../../src/server/api-routes.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { parsePlanText } from '../../src/workouts/parse-plan.js';
import { rowerEv } from './helpers.js';

let app: DisplayApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function withHook(got: WorkoutCommand[]) {
  const events$ = new Subject<ServerInput>();
  app = await buildApp({ events$, onWorkout: (c) => void got.push(c), savedPlans: () => [{ name: 'ladder-4', reps: 4, workS: 60, restS: 60 }], options: { requireToken: false, maxClients: 2 } });
  await app.ready();
  events$.next(rowerEv('r1', 'PM5'));
  return app;
}

const start = (a: DisplayApp, plan: unknown) => a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'start', plan } });

describe('plans over the API', () => {
  it('GET /api/plans: the built-in plans by name, then the saved ones', async () => {
    const a = await withHook([]);
    const { plans } = (await a.inject('/api/plans')).json() as { plans: Array<{ id: string; builtin: boolean; reps: number }> };
    expect(plans.map((p) => [p.id, p.builtin])).toEqual([
      ['hiit-30-60', true],
      ['hiit-30-90', true],
      ['ladder-4', false],
    ]);
  });

  it('a plan as a JSON object is accepted and reaches the session as that plan', async () => {
    const got: WorkoutCommand[] = [];
    const a = await withHook(got);
    const plan = { name: '6x60', reps: 6, workS: 60, restS: 60, warmupS: 300 };
    const res = await start(a, plan);
    expect(res.statusCode).toBe(202);
    expect(got).toHaveLength(1);
    expect(parsePlanText(got[0]!.plan!, 'plan')).toEqual(plan);
  });

  it.each([
    ['an unknown name lists the built-in plans', 'hiit-99', 'UNKNOWN_PLAN', /body\.plan "hiit-99" is not a built-in plan: use one of hiit-30-60, hiit-30-90/],
    ['a bad field of a plan object names it', { name: 'x', reps: 0, workS: 30, restS: 60 }, 'INVALID_PLAN', /body\.plan: reps must be at least 1/],
    ['an unknown field of a plan object names it', { name: 'x', reps: 2, workS: 30, restS: 60, sets: 3 }, 'INVALID_PLAN', /unknown field "sets"/],
    ['a number is neither a name nor a plan', 42, 'INVALID_REQUEST', /body\.plan must be a built-in plan name \(hiit-30-60, hiit-30-90\) or a plan object \{name, reps, workS, restS/],
  ])('%s', async (_what, plan, code, message) => {
    const got: WorkoutCommand[] = [];
    const a = await withHook(got);
    const res = await start(a, plan);
    expect(res.statusCode).toBe(400);
    const err = res.json().error as { code: string; message: string; field: string };
    expect([err.code, err.field]).toEqual([code, 'plan']);
    expect(err.message).toMatch(message);
    expect(got).toEqual([]);
  });

  it('an unknown action lists the allowed ones', async () => {
    const a = await withHook([]);
    const res = await a.inject({ method: 'POST', url: '/api/workout', payload: { action: 'pause' } });
    expect(res.json().error).toMatchObject({ code: 'INVALID_REQUEST', field: 'action', message: 'body.action must be one of start, stop' });
  });

  it('/favicon.ico and /control are served (no 404)', async () => {
    const a = await withHook([]);
    const ico = await a.inject('/favicon.ico');
    expect([ico.statusCode, ico.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    expect((await a.inject('/control')).statusCode).toBe(200);
  });
});
