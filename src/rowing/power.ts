/**
 * Rowing physics: power ↔ pace on an ergometer. Concept2's relation (docs/science.md §1.4, Concept2's
 * pace calculator): P = 2.80 / (pace / 500)³ with pace in s/500 m, i.e. P = 2.80 · v³ with v in m/s.
 * A leaf: imports nothing of ours.
 */

/** Concept2's power–pace constant, W·s³/m³. */
export const POWER_PACE_K = 2.8;

/** Watts at a pace in s/500 m (unrounded). */
export function powerFromPace(paceS500: number): number {
  return POWER_PACE_K / (paceS500 / 500) ** 3;
}

/** Pace in s/500 m at a power in W (the inverse of `powerFromPace`). */
export function paceFromPower(powerW: number): number {
  return 500 * Math.cbrt(POWER_PACE_K / powerW);
}

/** Mean power of a piece of `distanceM` metres rowed in `timeS` seconds, W. */
export function powerOfPiece(timeS: number, distanceM: number): number {
  return powerFromPace((timeS / distanceM) * 500);
}
