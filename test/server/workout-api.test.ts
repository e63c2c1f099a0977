/**
 * POST /api/workout against a real display server fed by a replay (serveRecording, fastify on port 0)
 * and a real ws client: plan progress appears for the rower it was started for, a bad plan is a 400
 * with the plan parser's code, a stop clears it, and "the whole room" reaches every rower.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serveRecording } from '../../src/commands/serve-recording.js';
import type { Interval } from '../../src/analysis/types.js';
import type { PlanProgress } from '../../src/session/state.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { connect, type TestClient } from './helpers.js';

let server: RunningServer | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  client?.ws.close();
  await server?.close();
  server = client = undefined;
});

type Msg = TestClient['messages'][number];
const post = (body: unknown) =>
  fetch(`${server!.url}api/workout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Waits for a message matching `pred` (anywhere in what the client has received). */
async function waitFor(c: TestClient, pred: (m: Msg) => boolean, timeoutMs = 15_000): Promise<Msg> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = c.messages.find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('no matching message in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const planOf = (m: Msg) => m['plan'] as PlanProgress;
const isPlan = (rower: string, ok: (p: PlanProgress) => boolean) => (m: Msg) => m.type === 'plan' && m['rower'] === rower && ok(planOf(m));

// fixtures/two-rowers.ndjson: sim-1 and sim-2 warm up ~6 min, then 30-s sprints every ~2 min (labels file)
const start = async (speed: number) => {
  server = await serveRecording({ path: 'fixtures/two-rowers.ndjson', speed, loop: false, port: 0, source: 'replay', log: () => undefined });
  client = await connect(`${server.url.replace('http', 'ws')}ws`);
  await waitFor(client, (m) => m.type === 'sample' && m['rower'] === 'sim-1', 5000);
  await waitFor(client, (m) => m.type === 'sample' && m['rower'] === 'sim-2', 5000);
  return client;
};

describe('POST /api/workout during a replay', () => {
  it('start for one rower: rep k of N for it only, CUT SHORT against its plan; bad plans are 400 with a code; stop clears it', async () => {
    const c = await start(100);
    const bad = async (plan: string, code: string) => {
      const res = await post({ action: 'start', plan, rower: 'sim-1' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    };
    await bad('no-such-plan', 'UNKNOWN_PLAN');
    await bad('{"name":"x","reps":', 'BAD_JSON');
    await bad(JSON.stringify({ name: 'x', reps: 0, workS: 30, restS: 60 }), 'INVALID_PLAN');
    expect((await post({ action: 'start', plan: 'hiit-30-90', rower: 'nobody' })).status).toBe(404);

    const plan = { name: 'long-6', reps: 6, workS: 60, restS: 60 };
    const res = await post({ action: 'start', plan: JSON.stringify(plan), rower: 'sim-1' });
    expect(res.status).toBe(202);
    await waitFor(c, isPlan('sim-1', (p) => p.plan === 'long-6' && p.rep === 0 && p.reps === 6 && p.phase === 'idle'), 2000);
    const rep1 = planOf(await waitFor(c, isPlan('sim-1', (p) => p.rep === 1 && p.phase === 'work')));
    expect(rep1.reps).toBe(6);
    expect(rep1.phaseEndsAt).toBeGreaterThan(0);
    // the plan's 60 s make the ~30-s sprints CUT SHORT (threshold 0.8 × 60 s) for sim-1, not for sim-2
    const cut = (rower: string) => async () => {
      const m = await waitFor(c, (x) => x.type === 'interval' && (x['interval'] as Interval).rower === rower && (x['interval'] as Interval).kind === 'work');
      return (m['interval'] as Interval).verdict?.reasons.find((r) => r.code === 'CUT_SHORT');
    };
    expect(await cut('sim-1')()).toMatchObject({ pass: false, threshold: 48 });
    expect((await cut('sim-2')())?.threshold ?? null).toBeNull(); // no plan: no planned length to fall short of

    expect((await post({ action: 'stop', rower: 'sim-1' })).status).toBe(202);
    await waitFor(c, isPlan('sim-1', (p) => p.phase === 'stopped'), 2000);
    const session = (await (await fetch(`${server!.url}api/session`)).json()) as { rowers: Array<{ id: string; plan?: PlanProgress }> };
    expect(session.rowers.find((r) => r.id === 'sim-1')?.plan?.phase).toBe('stopped');
    expect(c.messages.some((m) => m.type === 'plan' && m['rower'] === 'sim-2')).toBe(false);
  }, 30_000);

  it('start without a rower reaches the whole room', async () => {
    const c = await start(20);
    expect((await post({ action: 'start', plan: 'hiit-30-90' })).status).toBe(202);
    for (const rower of ['sim-1', 'sim-2']) {
      await waitFor(c, isPlan(rower, (p) => p.plan === 'hiit-30-90' && p.rep === 0 && p.reps === 8), 2000);
    }
  }, 20_000);

  it('after a replay has ended, a command is refused with NO_SESSION', async () => {
    server = await serveRecording({ path: 'fixtures/two-rowers.ndjson', speed: 100_000, loop: false, port: 0, source: 'replay', log: () => undefined });
    let last = 0;
    for (let i = 0; i < 200; i++) {
      const s = (await (await fetch(`${server.url}api/session`)).json()) as { rowers: Array<{ id: string; summary?: unknown }> };
      last = s.rowers.filter((r) => r.summary !== undefined).length;
      if (last === 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(last).toBe(2);
    const res = await post({ action: 'stop', rower: 'sim-1' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NO_SESSION');
  }, 20_000);
});
