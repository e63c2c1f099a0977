/** Session states for the layout test, as the events a real pipeline would send (fed through the real server). */
import type { Interval, SessionSummary } from '../../src/analysis/types.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { intervalEv, phaseEv, rowerEv, sampleEv, workInterval } from '../server/helpers.js';

const START = '2026-01-05T07:00:00.000Z';
const plan = (rower: string, rep: number, phase: 'warmup' | 'work' | 'rest' | 'done', endsAt?: number): ServerInput => ({
  type: 'plan',
  rower,
  plan: { plan: 'hiit-30-90', rep, reps: 8, phase, ...(endsAt !== undefined ? { phaseEndsAt: endsAt } : {}) },
});

function rest(rower: string, index: number, start: number): Interval {
  return { rower, index, kind: 'rest', start, end: start + 90_000, stats: { durationS: 90, avgPowerW: 120, avgStrokeRate: 20 } };
}

const summaryOf = (allOut: number, sprints: number, decrementPct: number): SessionSummary => ({
  sprints,
  allOut,
  decrementPct,
  decrementReading: 'Your sprints faded by a normal amount for 30-s sprints with 90-s rests.',
  notes: ['Rep 2 was well below the others.'],
});

/** Rower `id` with sprints 1..k judged (rep 2 held back, rep 3 "below"), up to data time ~k×120 s. */
function history(id: string, name: string, k: number): ServerInput[] {
  const out: ServerInput[] = [rowerEv(id, name)];
  for (let t = 1000; t < k * 120_000 + 30_000; t += 5000) out.push(sampleEv(id, t, 150 + ((t / 5000) % 7) * 40));
  for (let i = 1; i <= k; i++) {
    const iv = workInterval(id, i, i * 120_000, i !== 2);
    if (i === 3) iv.verdict = { allOut: null, score: 60, kind: 'below', reasons: [{ code: 'OUTPUT', pass: false, value: 0.88, threshold: 0.92, message: 'Mean power 352 W was 88 % of the 400 W expected.' }] };
    out.push(intervalEv(iv), intervalEv(rest(id, i, i * 120_000 + 30_000)));
  }
  return out;
}

export type SingleState = 'warmup' | 'sprint' | 'rest' | 'cooldown' | 'summary';

/** One rower in the given state (single view). */
export function singleState(state: SingleState): ServerInput[] {
  const id = 'r1';
  const ev: ServerInput[] = [{ type: 'reset', startedAt: START }];
  if (state === 'warmup') {
    ev.push(rowerEv(id, 'Anna Lindqvist'), phaseEv(id, 'warmup', 0), plan(id, 0, 'warmup', 600_000), sampleEv(id, 200_000, 165));
    return ev;
  }
  ev.push(...history(id, 'Anna Lindqvist', state === 'sprint' ? 3 : state === 'rest' ? 4 : 8));
  if (state === 'sprint') {
    ev.push(phaseEv(id, 'work', 480_000, 4), plan(id, 4, 'work', 510_000));
    ev.push({ type: 'target', rower: id, target: { rep: 4, t: 480_000, powerW: 390, source: 'declared 2k', onTarget: 0.92, wellBelow: 0.85 } });
    for (let t = 481_000; t <= 492_000; t += 1000) ev.push(sampleEv(id, t, 372));
  } else if (state === 'rest') {
    ev.push(phaseEv(id, 'rest', 510_000, 4), plan(id, 5, 'rest', 600_000), sampleEv(id, 530_000, 118));
  } else if (state === 'cooldown') {
    ev.push(phaseEv(id, 'cooldown', 1_110_000), plan(id, 8, 'done'), sampleEv(id, 1_150_000, 110));
  } else {
    ev.push(phaseEv(id, 'cooldown', 1_110_000), plan(id, 8, 'done'), sampleEv(id, 1_700_000, 90), { type: 'summary', rower: id, summary: summaryOf(6, 8, 7.4) });
  }
  return ev;
}

/** n rowers mid-session (rep 8 of 8, in step; with 4, one has lost its link), or every one finished with its summary. */
export function wallState(n: number, finished = false): ServerInput[] {
  const ev: ServerInput[] = [{ type: 'reset', startedAt: START }];
  for (let i = 1; i <= n; i++) {
    const id = `r${i}`;
    // live: 7 sprints judged and the 8th running, so every tile carries a full row of chips
    ev.push(...history(id, `Rower ${i}`, finished ? 8 : 7));
    if (finished) {
      ev.push(phaseEv(id, 'cooldown', 1_110_000), plan(id, 8, 'done'), sampleEv(id, 1_700_000, 90), { type: 'summary', rower: id, summary: summaryOf(i % 3 === 0 ? 8 : 6, 8, 5 + i / 2) });
      continue;
    }
    ev.push(phaseEv(id, 'work', 960_000, 8), plan(id, 8, 'work', 990_000));
    ev.push({ type: 'target', rower: id, target: { rep: 8, t: 960_000, powerW: 380 + i, source: 'history', onTarget: 0.92, wellBelow: 0.85 } });
    ev.push(sampleEv(id, 970_000, 380 + i * 7));
    // with 4 rowers, rower 2's link is down: its tile greys with "Signal lost"
    if (n === 4 && i === 2) ev.push({ type: 'rower', rower: id, name: `Rower ${i}`, connected: false, t: 971_000 });
  }
  return ev;
}
