/**
 * Heart rate that lags effort (docs/science.md §6): a steady-state target from the applied power,
 * a first-order response with a faster rise (τ 20–40 s) than recovery, and a short second stage
 * so the peak of a 30 s sprint lands just after it ends. A small drift accumulates with work done.
 */
import type { Athlete } from './athlete.js';
import type { Random } from './random.js';
import type { AppliedStroke } from './strokes.js';

const SECOND_STAGE_TAU_S = 6;
/** bpm of drift per second of sprinting, capped */
const DRIFT_PER_WORK_S = 0.08;
const DRIFT_CAP_BPM = 20;
/** a sprint drives the heart toward a target above its maximum (output is capped at max) */
const MAX_INTENSITY = 1.15;

/** Heart rate, bpm (integers), at each whole second 0..endS from the athlete's strokes. */
export function heartRateTrace(strokes: readonly AppliedStroke[], athlete: Athlete, endS: number, rng: Random): number[] {
  const out: number[] = [];
  const span = athlete.hrMaxBpm - athlete.hrRestBpm;
  let stage1 = athlete.hrRestBpm + 0.1 * span; // a little above rest: standing at the machine
  let stage2 = stage1;
  let workS = 0;
  let wander = 0;
  let si = 0;
  for (let t = 0; t <= Math.ceil(endS); t++) {
    while (si < strokes.length && strokes[si]!.catchS + strokes[si]!.durationS <= t) si++;
    const s = strokes[si];
    const rowing = s !== undefined && s.catchS <= t;
    const powerW = rowing ? s.powerW : 0;
    if (rowing && s.kind === 'work') workS++;
    const intensity = Math.min(MAX_INTENSITY, 0.12 + 0.62 * (powerW / athlete.p2kW));
    const target = athlete.hrRestBpm + span * intensity + Math.min(DRIFT_CAP_BPM, DRIFT_PER_WORK_S * workS);
    const tau = target > stage1 ? athlete.hrRiseTauS : athlete.hrFallTauS;
    stage1 += (target - stage1) * (1 - Math.exp(-1 / tau));
    stage2 += (stage1 - stage2) * (1 - Math.exp(-1 / SECOND_STAGE_TAU_S));
    wander = 0.9 * wander + rng.normal(0, 0.5);
    out.push(Math.round(Math.min(athlete.hrMaxBpm, Math.max(35, stage2 + wander))));
  }
  return out;
}
