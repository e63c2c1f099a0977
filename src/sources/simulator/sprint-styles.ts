/**
 * How each sprint style distributes applied power and stroke rate over a rep
 * (docs/science.md §3.1, §3.4):
 * - all-out: front-loaded, the first stroke strongest, fading by `fade` over the rep, most of it
 *   early (exponential, time constant FADE_TAU_S) and the rest as a late slump;
 * - held: paced flat at 75–85 % of what the athlete could do, then an END SPURT in the last ~6 s
 *   (power +30 %, rate +5) — the signature of a reserve;
 * - rate-only: stroke rate above the usual sprint rate but only ~70 % of the power, nearly flat.
 */
import { POWER_PACE_K } from '../../rowing/power.js';
import type { Athlete } from './athlete.js';
import type { SprintStyle } from './session-plan.js';

/** Per-rep constants drawn once before the rep's first stroke. */
/** time constant of the within-rep fade of an all-out rep, s (front-loaded: ~45 % of it by 7.5 s) */
const FADE_TAU_S = 15;
/** share of the all-out fade that follows the early exponential; the rest comes late (∝ x²) */
const EARLY_SHARE = 0.7;

export interface RepIntent {
  style: SprintStyle;
  /** the applied mean power an all-out rep would have at this rep (fatigue included), W */
  capacityW: number;
  /** fraction of capacity a held-back rep paces at */
  heldLevel: number;
  /** last seconds of the rep rowed as an end spurt (held style) */
  spurtS: number;
  /** this rep's fade (all-out), fraction */
  fade: number;
  /** this rep's sprint rate, spm */
  rateSpm: number;
}

export interface SprintStrokeTarget {
  powerW: number;
  rateSpm: number;
}

/** Applied power (W) and stroke rate (spm) the athlete aims for at `elapsedS` into a rep of `workS`. */
export function sprintStrokeTarget(intent: RepIntent, elapsedS: number, workS: number): SprintStrokeTarget {
  const x = Math.min(1, Math.max(0, elapsedS / workS));
  switch (intent.style) {
    case 'all-out': {
      // 0 → 1 over the rep: mostly an early exponential fade, plus a late slump (the last seconds
      // are usually the lowest: a fade to the last strokes and no end spurt, docs/science.md §3.1)
      const span = 1 - Math.exp(-workS / FADE_TAU_S);
      const early = (1 - Math.exp(-(x * workS) / FADE_TAU_S)) / span;
      const shape = EARLY_SHARE * early + (1 - EARLY_SHARE) * x * x;
      const meanShape = EARLY_SHARE * ((1 - (FADE_TAU_S / workS) * span) / span) + (1 - EARLY_SHARE) / 3;
      const peakW = intent.capacityW / (1 - intent.fade * meanShape);
      return { powerW: peakW * (1 - intent.fade * shape), rateSpm: intent.rateSpm + 1.5 - 3 * x };
    }
    case 'held': {
      const levelW = intent.capacityW * intent.heldLevel;
      const spurt = elapsedS >= workS - intent.spurtS;
      return spurt
        ? { powerW: levelW * 1.3, rateSpm: intent.rateSpm - 1 }
        : { powerW: levelW, rateSpm: intent.rateSpm - 6 };
    }
    case 'rate-only':
      return { powerW: intent.capacityW * 0.7 * (1 - 0.02 * x), rateSpm: intent.rateSpm + 2 };
  }
}

/** A rep's sprint rate for an athlete: usual sprint rate, a touch lower as reps accumulate. */
export function repRateSpm(athlete: Athlete, rep: number): number {
  return athlete.sprintRateSpm - 0.3 * (rep - 1);
}

/**
 * Mean power of an all-out rep of `workS` relative to a 30 s one: 1 up to 30 s; beyond, the
 * power–duration curve interpolated log-linearly between the 30 s all-out (sprintRatio × P2k)
 * and the 2k (P2k over the athlete's 2k time) — a 100 s rep ≈ 1.3 × P2k, a 4 min rep ≈ 1.1 × P2k
 * (Front Physiol 2022: W20/W60/W2000 = 1.68/1.52/1, docs/science.md §1.3).
 */
export function longRepFactor(athlete: Athlete, workS: number): number {
  return athlete.sprintRatio ** -longRepShare(athlete, workS);
}

/** How much lower (spm) an all-out rep of `workS` is rated than a 30 s one: 0 up to 30 s, 7 spm at the 2k time (race pace). */
export function longRepRateDropSpm(athlete: Athlete, workS: number): number {
  return 7 * longRepShare(athlete, workS);
}

/** 0 at 30 s → 1 at the athlete's 2k time, log-linear in duration. */
function longRepShare(athlete: Athlete, workS: number): number {
  if (workS <= 30) return 0;
  const t2kS = 2000 / (athlete.p2kW / POWER_PACE_K) ** (1 / 3);
  return Math.min(1, Math.log(workS / 30) / Math.log(t2kS / 30));
}
