/**
 * Hand-built rowing sets for the duration-band verdict tests: one report per stroke (time, power,
 * rate, stroke count), each rep given a power profile by fraction of the rep, seeded ±3 % stroke
 * noise. The work windows are known exactly, so the verdict is tested without the segmenter.
 */
import { judgeSession, judgeSprintLive, type SessionOptions, type SprintInput } from '../../src/analysis/session-verdicts.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';
import type { Point } from '../../src/analysis/series.js';
import type { Verdict } from '../../src/analysis/types.js';

/** P2k of a 7:00 2k: 2.80 / (105/500)³ W. */
export const P2K_7_00 = 2.8 / (105 / 500) ** 3;

/** Power as a share of the rep's level, by the fraction x ∈ [0, 1] of the rep. */
export type Profile = (x: number) => number;

/** Even pace, a +4 % start over the first 10 % and a finish of `spurt` over the last 10 % (Garland 2005 shape). */
export const evenWithFinish = (spurt = 1.12): Profile => (x) => (x < 0.1 ? 1.04 : x >= 0.9 ? spurt : 1);
/** Front-loaded all-out: +15 % at the start fading to −12 % at the end (a sprint or 1-min rep). */
export const fadeFromStart: Profile = (x) => 1.15 - 0.27 * x;
/** Flat, no finish (a paced rep). */
export const flat: Profile = () => 1;

export interface RepSpec {
  workS: number;
  /** mean-ish level of the rep, W (the profile multiplies it) */
  levelW: number;
  profile: Profile;
  rateSpm: number;
}

export interface BuiltSet {
  points: Point[];
  windows: { startMs: number; endMs: number }[];
  restS: number;
}

/** A deterministic ±3 % noise (LCG). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (1664525 * s + 1013904223) >>> 0;
    return 1 + 0.06 * (s / 2 ** 32 - 0.5);
  };
}

/** Reps with `restS` of easy rowing (20 spm at `restW`) between them, after 60 s of easy rowing. */
export function buildSet(reps: readonly RepSpec[], restS: number, restW = 0.4 * P2K_7_00, seed = 7): BuiltSet {
  const rnd = noise(seed);
  const points: Point[] = [];
  const windows: BuiltSet['windows'] = [];
  let t = 0;
  let count = 0;
  const row = (durationS: number, power: (x: number) => number, rate: number): void => {
    const end = t + durationS * 1000;
    const periodMs = 60_000 / rate;
    for (let at = t + periodMs; at <= end + 1; at += periodMs) {
      count += 1;
      points.push({ t: Math.round(at), powerW: power((at - t) / (end - t)) * rnd(), strokeRate: rate, strokeCount: count });
    }
    t = end;
  };
  row(60, () => restW, 20);
  reps.forEach((r, i) => {
    const start = t;
    row(r.workS, (x) => r.levelW * r.profile(x), r.rateSpm);
    windows.push({ startMs: start, endMs: t });
    if (i < reps.length - 1) row(restS, () => restW, 20);
  });
  row(120, () => restW, 20);
  return { points, windows, restS };
}

/** Every rep judged live (reps so far) and at the end, as the pipeline's judge stage does. */
export function judgeBuilt(set: BuiltSet, opts: SessionOptions): { live: Verdict[]; final: Verdict[] } {
  const sprints: SprintInput[] = [];
  const live: Verdict[] = [];
  set.windows.forEach((w, i) => {
    const input: SprintInput = { metrics: sprintMetrics(set.points, w.startMs, w.endMs) };
    if (i > 0) {
      const prev = set.windows[i - 1]!;
      input.restBeforeS = (w.startMs - prev.endMs) / 1000;
      const rest = set.points.filter((p) => p.t > prev.endMs && p.t <= w.startMs);
      input.restPowerW = rest.reduce((a, p) => a + p.powerW!, 0) / rest.length;
    }
    sprints.push(input);
    live.push(judgeSprintLive(sprints, opts));
  });
  return { live, final: judgeSession(sprints, opts).verdicts };
}

/** N equal reps with one (or more) rowed at `heldShare` of the level, flat. */
export function setWithHeld(n: number, workS: number, levelW: number, profile: Profile, rateSpm: number, held: readonly number[], heldShare: number): RepSpec[] {
  return Array.from({ length: n }, (_, i) =>
    held.includes(i + 1) ? { workS, levelW: levelW * heldShare, profile: flat, rateSpm: rateSpm - 2 } : { workS, levelW, profile, rateSpm },
  );
}
