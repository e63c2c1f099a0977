/**
 * One continuous maximal test piece (a 2k test): how a racing athlete spreads power and stroke
 * rate over the distance (docs/science.md §3.1–3.2: a fast start and a fade in middle-distance events) —
 * a fast start (~1.3 × P2k at ~38 spm for ~10 s, settled by ~40 s), a fading middle
 * (~1.03 → 0.95 × P2k at ~31 spm) and a sprint finish over the last ~12 % (up to ~1.15 × P2k at
 * ~37 spm). The piece mean lands near P2k, so a 2000 m piece lasts about the athlete's 2k time.
 */
import { type Athlete, POWER_PACE_K } from './athlete.js';

/** the start is held this long before it settles, s */
const START_HOLD_S = 10;
/** time constant of the settle after the start, s */
const START_TAU_S = 10;
/** share of the distance rowed as the finishing sprint */
const FINISH_SHARE = 0.12;

/** Applied power (W) and stroke rate (spm) at `elapsedS` into the piece with `doneM` of `pieceM` metres rowed. */
export function pieceStrokeTarget(athlete: Athlete, elapsedS: number, doneM: number, pieceM: number): { powerW: number; rateSpm: number } {
  const x = Math.min(1, Math.max(0, doneM / pieceM));
  const settle = Math.exp(-Math.max(0, elapsedS - START_HOLD_S) / START_TAU_S);
  const middle = 1.03 - 0.08 * Math.min(1, x / (1 - FINISH_SHARE)); // the fading middle
  const finish = x > 1 - FINISH_SHARE ? (x - (1 - FINISH_SHARE)) / FINISH_SHARE : 0; // 0 → 1 over the sprint finish
  const ratio = middle + 0.3 * settle + 0.2 * finish;
  const baseRate = athlete.sprintRateSpm - 7;
  return { powerW: athlete.p2kW * ratio, rateSpm: baseRate + 7 * settle + 6 * finish };
}

/** Metres a stroke of `durationS` at applied power `powerW` moves the boat (steady-state cube law). */
export function strokeDistanceM(powerW: number, durationS: number): number {
  return (powerW / POWER_PACE_K) ** (1 / 3) * durationS;
}

/** The athlete's time for `pieceM` metres at their P2k pace, s (a planning estimate). */
export function pieceEstimateS(athlete: Athlete, pieceM: number): number {
  return pieceM / (athlete.p2kW / POWER_PACE_K) ** (1 / 3);
}
