/**
 * The per-stroke tests of the online segmenter (docs/science.md §9.1–9.2), as pure functions
 * of normalised scores. s = (x − L_rest) / span: 0 at the rest level, 1 at the work level, so the
 * same rules hold for a 150 W and a 700 W athlete. No fixed watt thresholds anywhere.
 */

/** Normalised scores of one stroke; undefined = no information for that feature. */
export interface Scores {
  sP: number | undefined;
  sR: number | undefined;
  rateTrusted: boolean;
}

export interface Levels {
  /** rest power level, W */
  restP: number;
  /** rest rate level, spm (undefined when no trusted rate yet) */
  restR: number | undefined;
  /** work power level from the last accepted interval, W */
  workP: number | undefined;
  /** work rate level, spm */
  workR: number | undefined;
}

/** The numbers of the per-stroke rules, with where they come from. */
export const RULE_PARAMS = Object.freeze({
  /** bootstrap span (no interval accepted yet): assumes sprint ≈ 1.8 × rest [docs/science.md §9.1] */
  bootstrapSpan: 0.8,
  /** span floor relative to the rest level, so noise never clears the threshold [docs/science.md §9.2] */
  spanFloor: 0.6,
  /** rate span floor, spm: a sprint is at least ~8 spm above a slow row [docs/science.md §4] */
  rateSpanFloor: 8,
});
const { bootstrapSpan: BOOTSTRAP_SPAN, spanFloor: SPAN_FLOOR, rateSpanFloor: RATE_SPAN_FLOOR } = RULE_PARAMS;

/** Normalise a stroke's power (W) and rate (spm) against the levels. */
export function score(levels: Levels, powerW: number | undefined, rate: number | undefined, rateTrusted: boolean): Scores {
  const { restP, restR, workP, workR } = levels;
  const spanP = workP !== undefined ? Math.max(workP - restP, SPAN_FLOOR * restP) : BOOTSTRAP_SPAN * restP;
  const sP = powerW === undefined || spanP <= 0 ? undefined : (powerW - restP) / spanP;
  const spanR = Math.max(workR !== undefined && restR !== undefined ? workR - restR : 0, RATE_SPAN_FLOOR);
  const sR = !rateTrusted || rate === undefined || restR === undefined ? undefined : (rate - restR) / spanR;
  return { sP, sR, rateTrusted: rateTrusted && sR !== undefined };
}

/** Does this stroke look like work? `bootstrap` = no reference yet (stricter, docs/science.md §9.1). */
export function opens(s: Scores, bootstrap: boolean): boolean {
  const { sP, sR } = s;
  if (bootstrap) {
    if (sR === undefined) return sP !== undefined && sP >= 0.6;
    return (sP !== undefined && sP >= 0.6 && sR >= 0.3) || (sR >= 0.8 && (sP === undefined || sP >= 0.15));
  }
  if (sP !== undefined && sP >= 0.4) return sR === undefined || sR >= -0.2;
  // a rate-only effort (high rate, light pressure) is still work, so its verdict can call it out
  return sR !== undefined && sR >= 0.4 && (sP === undefined || sP >= 0);
}

/** One stroke is enough when it is unmistakable. */
export function unmistakable(s: Scores, bootstrap: boolean): boolean {
  const { sP, sR } = s;
  const pMin = bootstrap ? 0.6 : 0.4;
  if (sR === undefined) return sP !== undefined && sP >= (bootstrap ? 1.0 : 0.8);
  return (sR >= 0.8 && sP !== undefined && sP >= Math.max(0.15, pMin - 0.25)) || (sP !== undefined && sP >= pMin && sR >= 0.6);
}

/** Does this stroke say the effort is over? Rate and power must agree (docs/science.md §9.1). */
export function closes(s: Scores): boolean {
  const { sP, sR } = s;
  if (sP === undefined) return sR !== undefined && sR <= 0.3;
  if (sR === undefined) return sP <= 0.7;
  return (sR <= 0.3 && sP <= 0.7) || (sP <= 0.25 && sR <= 0.6);
}
