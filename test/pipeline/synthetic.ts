/**
 * Hand-built sample streams for pipeline tests (no simulator): phases of steady rowing at a given
 * applied power and rate, a first-order monitor lag on power (τ ≈ 2 s, science README), seeded
 * noise, and either one sample per stroke or 1 Hz sample-and-hold with a stroke counter.
 */
import type { Sample } from '../../src/ftms/sample.js';

export interface Phase {
  durS: number;
  powerW: number;
  rate: number;
}

export interface SyntheticOptions {
  cadence: 'stroke' | '1hz';
  seed?: number;
  /** per-stroke power noise, fraction (default 0.045) */
  noise?: number;
  rower?: string;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticStroke {
  /** catch, ms */
  catchMs: number;
  /** end of the stroke cycle (report time), ms */
  endMs: number;
  powerW: number;
  rate: number;
  /** index of the phase the stroke belongs to */
  phase: number;
}

/** Strokes of the phases back to back, starting at `startMs`. */
export function syntheticStrokes(phases: readonly Phase[], opts: SyntheticOptions, startMs = 0): SyntheticStroke[] {
  const rand = rng(opts.seed ?? 1);
  const noise = opts.noise ?? 0.045;
  const out: SyntheticStroke[] = [];
  let t = startMs;
  let shown = phases[0]?.powerW ?? 0;
  let phaseStart = startMs;
  for (const [pi, ph] of phases.entries()) {
    const end = phaseStart + ph.durS * 1000;
    while (t < end - 1) {
      const period = 60000 / (ph.rate * (1 + (rand() - 0.5) * 0.04));
      const applied = ph.powerW * (1 + (rand() - 0.5) * 2 * noise);
      // monitor lag: the reported stroke power moves towards the applied one with τ = 2 s
      shown += (applied - shown) * (1 - Math.exp(-period / 2000));
      out.push({ catchMs: t, endMs: t + period, powerW: Math.round(shown), rate: Math.round(ph.rate * 2) / 2, phase: pi });
      t += period;
    }
    phaseStart = end;
  }
  return out;
}

/** Samples a device would send for these strokes. */
export function syntheticSamples(phases: readonly Phase[], opts: SyntheticOptions, startMs = 0): Sample[] {
  const rower = opts.rower ?? 'r1';
  const strokes = syntheticStrokes(phases, opts, startMs);
  const samples: Sample[] = [];
  if (opts.cadence === 'stroke') {
    strokes.forEach((s, i) => samples.push({ t: Math.round(s.endMs), rower, powerW: s.powerW, strokeRate: s.rate, strokeCount: i + 1 }));
    return samples;
  }
  const last = strokes[strokes.length - 1];
  if (!last) return samples;
  let i = 0;
  for (let t = startMs + 1000; t <= last.endMs + 1000; t += 1000) {
    while (i < strokes.length && strokes[i]!.endMs <= t) i++;
    const s = strokes[i - 1];
    samples.push(s ? { t, rower, powerW: s.powerW, strokeRate: s.rate, strokeCount: i } : { t, rower, strokeCount: 0 });
  }
  return samples;
}

/** Ground truth: catch of the first stroke and end of the last stroke of every work phase, ms. */
export function workBounds(phases: readonly Phase[], isWork: (p: Phase, i: number) => boolean, opts: SyntheticOptions, startMs = 0): Array<[number, number]> {
  const strokes = syntheticStrokes(phases, opts, startMs);
  const out: Array<[number, number]> = [];
  phases.forEach((p, i) => {
    if (!isWork(p, i)) return;
    const mine = strokes.filter((s) => s.phase === i);
    if (mine.length > 0) out.push([mine[0]!.catchMs, mine[mine.length - 1]!.endMs]);
  });
  return out;
}

/** N × (work / rest) after a warm-up, with a cool-down. */
export function hiit(o: { restW: number; workW: number; restRate?: number; workRate?: number; reps?: number; workS?: number; restS?: number; warmupS?: number }): Phase[] {
  const easy = { powerW: o.restW, rate: o.restRate ?? 20 };
  const hard = { powerW: o.workW, rate: o.workRate ?? 38 };
  const phases: Phase[] = [];
  if ((o.warmupS ?? 300) > 0) phases.push({ durS: o.warmupS ?? 300, ...easy });
  for (let r = 0; r < (o.reps ?? 6); r++) {
    phases.push({ durS: o.workS ?? 30, ...hard, powerW: o.workW * (1 - 0.03 * r) });
    phases.push({ durS: r === (o.reps ?? 6) - 1 ? 300 : (o.restS ?? 90), ...easy });
  }
  return phases;
}
