/**
 * The air-braked flywheel and what its monitor computes (docs/science.md §8.1).
 * Energy balance d(½Iω²)/dt = P_applied − kω³, integrated at 10 ms; per stroke the monitor
 * reports P̄ = k·ω̄³ over the stroke cycle (omitting the acceleration term, as the Concept2 PM
 * does). The linearised time constant is τ = I/(3kω) ≈ 1.6–3.3 s, so the first sprint stroke
 * reads ~40–55 % of the applied power, the reported peak lands ~4 strokes later, and the first
 * easy stroke after a sprint still reads high.
 */
import { POWER_PACE_K } from './athlete.js';
import type { AppliedStroke } from './strokes.js';

/** Concept2 flywheel moment of inertia, kg·m² (openrowingmonitor docs). */
export const FLYWHEEL_INERTIA = 0.1001;
const DT_S = 0.01;
/** spacing of the continuous trace, s */
export const TRACE_STEP_S = 0.1;
/** kcal per second at flywheel power P (Concept2: kcal/h = 4 × 0.8604 × P + 300) */
const kcalPerS = (powerW: number): number => (4 * 0.8604 * powerW + 300) / 3600;

/** One stroke as the monitor reports it, at the end of the stroke cycle. */
export interface MonitorStroke {
  /** report time = end of the stroke cycle, s */
  endS: number;
  /** k·ω̄³ over the cycle, W */
  reportedW: number;
  /** 60 / cycle duration, spm */
  rateSpm: number;
  /** 1-based cumulative stroke count */
  count: number;
  applied: AppliedStroke;
}

/** Continuous monitor quantities sampled every TRACE_STEP_S from t = 0. */
export interface MonitorTrace {
  strokes: MonitorStroke[];
  distanceM: Float64Array;
  energyKcal: Float64Array;
  /** time at which the trace ends (flywheel spun down after the last stroke), s */
  endS: number;
}

/** Runs the flywheel through `strokes` (then `tailS` of spin-down) with drag factor `dragFactor`. */
export function runFlywheel(strokes: readonly AppliedStroke[], dragFactor: number, tailS = 60): MonitorTrace {
  const k = dragFactor * 1e-6;
  const speedPerOmega = (k / POWER_PACE_K) ** (1 / 3); // v = (kω³/2.8)^(1/3) = ω·(k/2.8)^(1/3)
  const last = strokes[strokes.length - 1];
  const endS = (last ? last.catchS + last.durationS : 0) + tailS;
  const n = Math.floor(endS / TRACE_STEP_S) + 1;
  const distanceM = new Float64Array(n);
  const energyKcal = new Float64Array(n);
  const out: MonitorStroke[] = [];
  let t = 0;
  let energyJ = 0;
  let dist = 0;
  let kcal = 0;
  let gridIndex = 0;

  /** advances the flywheel to `untilS` with power `powerW` applied; returns mean ω over the span */
  const advance = (untilS: number, powerW: number, rowing: boolean): number => {
    const span = untilS - t;
    if (span <= 0) return Math.sqrt((2 * energyJ) / FLYWHEEL_INERTIA);
    const steps = Math.max(1, Math.ceil(span / DT_S));
    const dt = span / steps;
    let omegaSum = 0;
    for (let i = 0; i < steps; i++) {
      const omega = Math.sqrt((2 * energyJ) / FLYWHEEL_INERTIA);
      const dragW = k * omega ** 3;
      energyJ = Math.max(0, energyJ + (powerW - dragW) * dt);
      omegaSum += omega;
      dist += omega * speedPerOmega * dt;
      if (rowing) kcal += kcalPerS(dragW) * dt;
      t += dt;
      while (gridIndex < n && gridIndex * TRACE_STEP_S <= t + 1e-9) {
        distanceM[gridIndex] = dist;
        energyKcal[gridIndex] = kcal;
        gridIndex++;
      }
    }
    return omegaSum / steps;
  };

  strokes.forEach((s, i) => {
    advance(s.catchS, 0, false); // standstill before this catch, if any
    const meanOmega = advance(s.catchS + s.durationS, s.powerW, true);
    out.push({ endS: s.catchS + s.durationS, reportedW: k * meanOmega ** 3, rateSpm: 60 / s.durationS, count: i + 1, applied: s });
  });
  advance(endS, 0, false);
  for (; gridIndex < n; gridIndex++) {
    distanceM[gridIndex] = dist;
    energyKcal[gridIndex] = kcal;
  }
  return { strokes: out, distanceM, energyKcal, endS };
}

/** Value of a trace array at time `tS` (the last grid point at or before it). */
export function traceAt(arr: Float64Array, tS: number): number {
  const i = Math.min(arr.length - 1, Math.max(0, Math.floor(tS / TRACE_STEP_S + 1e-9)));
  return arr[i] ?? 0;
}
