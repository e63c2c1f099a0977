/**
 * The synthetic athlete: how strong, how they rate, how noisy, how their heart responds.
 * Numbers follow docs/science.md (§1.3, §3.1, §4, §6, §8.2).
 */

import { POWER_PACE_K } from '../../rowing/power.js';

export { POWER_PACE_K };

export interface Athlete {
  /** 2000 m mean power, W (a 7:05 2k ≈ 292 W) */
  p2kW: number;
  /**
   * Fresh 30 s all-out mean power as the MONITOR reports it ÷ P2k (docs/science.md §1.3: 1.62,
   * band 1.45–1.80). The applied power is set higher so that, after the flywheel lag, the
   * reported mean of rep 1 lands here.
   */
  sprintRatio: number;
  /**
   * within-rep fade of an all-out rep: fraction of the first stroke's APPLIED power lost by 30 s
   * (0.10–0.20). The monitor hides the early part (lag), so the reported fade, best 3 strokes →
   * last 3, comes out at ~5–15 % (within docs/science.md §3.1's ~5–25 %).
   */
  fade: number;
  /** easy (warm-up / rest) row power ÷ P2k */
  easyRatio: number;
  /** easy stroke rate, spm (18–22) */
  easyRateSpm: number;
  /** all-out sprint stroke rate, spm (34–48) */
  sprintRateSpm: number;
  /** stroke-to-stroke power CV (docs/science.md §8.2: 4.7 % overall, 3.0 % past the first strokes) */
  powerCv: number;
  /** stroke-to-stroke rate SD, spm */
  rateSdSpm: number;
  /** rep-to-rep SD of an all-out rep's level, fraction (test–retest ~3 %) */
  repCv: number;
  /** resting heart rate, bpm */
  hrRestBpm: number;
  /** maximum heart rate, bpm */
  hrMaxBpm: number;
  /** heart-rate rise time constant, s (20–40) */
  hrRiseTauS: number;
  /** heart-rate recovery time constant, s (slower than the rise) */
  hrFallTauS: number;
  /** Concept2 drag factor (100–140) — sets the flywheel time constant */
  dragFactor: number;
}

/** The default athlete: a fit recreational man, 2k 7:05 (P2k ≈ 292 W), drag factor 120. */
export const defaultAthlete: Readonly<Athlete> = Object.freeze({
  p2kW: p2kFromTimeS(425),
  sprintRatio: 1.62,
  fade: 0.15,
  easyRatio: 0.4,
  easyRateSpm: 20,
  sprintRateSpm: 38,
  powerCv: 0.035,
  rateSdSpm: 0.8,
  repCv: 0.02,
  hrRestBpm: 60,
  hrMaxBpm: 190,
  hrRiseTauS: 25,
  hrFallTauS: 60,
  dragFactor: 120,
});

/** Named athletes for fixtures: weak (P2k 150 W) and strong (P2k 450 W) besides the default. */
export const athletePresets: Readonly<Record<string, Partial<Athlete>>> = Object.freeze({
  default: {},
  weak: { p2kW: 150, sprintRatio: 1.55, fade: 0.19, easyRatio: 0.5, easyRateSpm: 22, sprintRateSpm: 34, hrRestBpm: 68, hrMaxBpm: 182, dragFactor: 115 },
  strong: { p2kW: 450, sprintRatio: 1.68, fade: 0.12, easyRatio: 0.35, easyRateSpm: 19, sprintRateSpm: 44, hrRestBpm: 48, hrMaxBpm: 194, dragFactor: 135 },
});

/** The default athlete with `overrides` applied (undefined fields keep their default). */
export function makeAthlete(overrides: Partial<Athlete> = {}): Athlete {
  const out: Athlete = { ...defaultAthlete };
  for (const [key, value] of Object.entries(overrides) as [keyof Athlete, number | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** 2k mean power, W, from a 2000 m time in seconds: P2k = 2.80 / (T/2000)³. */
export function p2kFromTimeS(timeS: number): number {
  return POWER_PACE_K / (timeS / 2000) ** 3;
}

/** Pace, s/500 m, for a power in W (inverse of the cube law). */
export function paceS500FromPowerW(powerW: number): number {
  return 500 * (POWER_PACE_K / powerW) ** (1 / 3);
}
