/**
 * Expected fatigue across repeated 30-s sprints (docs/science.md §5.4): the fraction of the
 * fresh rep-1 power a genuine all-out rep n should still reach.
 */

/** Lowest expected fraction, whatever the rep number. */
export const FATIGUE_FLOOR = 0.65;

/** Rest lengths docs/science.md §5.4 gives numbers for; shorter or longer rests are clamped to them. */
const SHORT_REST_S = 60;
const LONG_REST_S = 90;

/** Linear weight of `restS` between the 60-s and 90-s rows (0 = 60 s or less, 1 = 90 s or more). */
function longRestWeight(restS: number): number {
  return Math.min(1, Math.max(0, (restS - SHORT_REST_S) / (LONG_REST_S - SHORT_REST_S)));
}

/** Extra expected loss per rep once the rests are rowed hard (docs/science.md §5.4, a heuristic). */
export const HARD_REST_DROP = 0.02;
/** A rest is "hard" when its mean power exceeds this share of sprint 1's (docs/science.md §5.4, after Yamagishi 2016). */
export const HARD_REST_SHARE = 0.5;

/**
 * f(n, rest): 1 for rep 1; 0.90 (60 s rests) to 0.93 (90 s) for rep 2; then −3.5 %/rep (60 s)
 * to −2.5 %/rep (90 s); never below 0.65. Rests between 60 and 90 s interpolate linearly;
 * outside that range the nearest row applies (docs/science.md §5.4 gives no numbers beyond it). From
 * `hardRestFromRep` on (rests rowed hard), f drops a further 2 % per rep.
 */
export function expectedFatigue(rep: number, restS: number, hardRestFromRep?: number): number {
  if (!Number.isFinite(rep) || rep <= 1) return 1;
  const w = longRestWeight(restS);
  const second = 0.9 + 0.03 * w;
  const perRep = 0.035 - 0.01 * w;
  const hard = hardRestFromRep !== undefined && rep >= hardRestFromRep ? HARD_REST_DROP * (Math.floor(rep) - hardRestFromRep + 1) : 0;
  return Math.max(FATIGUE_FLOOR, second - perRep * (Math.floor(rep) - 2) - hard);
}

/**
 * Expected mean power of rep n, W: E_n = Ref₁ × f(n, rest); `hardRestFromRep` = the first rep
 * preceded by a rest rowed harder than half of sprint 1 (f drops a further 2 %/rep from there).
 */
export function expectedPowerW(ref1PowerW: number, rep: number, restS: number, hardRestFromRep?: number): number {
  return ref1PowerW * expectedFatigue(rep, restS, hardRestFromRep);
}

/**
 * f(n) for all-out 45–90-s reps (docs/science.md §5.4, 6 × 1:00/1:00 default [J]):
 * 1, 0.88, 0.82, then −3 %/rep, floor 0.70. §5.4 gives one rest length; it is used for all.
 */
export const SHORT_REP_FATIGUE = Object.freeze({ second: 0.88, third: 0.82, perRep: 0.03, floor: 0.7 });

/** f(n) for band B reps. */
export function shortRepFatigue(rep: number): number {
  const f = SHORT_REP_FATIGUE;
  if (!Number.isFinite(rep) || rep <= 1) return 1;
  if (rep < 3) return f.second;
  return Math.max(f.floor, f.third - f.perRep * (Math.floor(rep) - 3));
}
