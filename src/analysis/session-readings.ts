/**
 * Session-level readings of a main set, scaled by band and mode (docs/science.md
 * §5.5, §7.5–7.6): percentage decrement, rising reps, the last rep, rep 1, and
 * for paced sets the share of W′ used by the end.
 */
import type { BandParams, ExecutionMode } from './bands.js';

/** Percentage decrement score, %: [1 − ΣMP / (n × max MP)] × 100 (Fitzsimons/Glaister). */
export function decrementScorePct(meanPowersW: readonly number[]): number | undefined {
  if (meanPowersW.length < 2) return undefined;
  const best = Math.max(...meanPowersW);
  if (!(best > 0)) return undefined;
  const sum = meanPowersW.reduce((a, b) => a + b, 0);
  return (1 - sum / (meanPowersW.length * best)) * 100;
}

/** What an Sdec means for 8–10 × 30 s (docs/science.md §5.5: normal 10–25 %, < 6 % paced, > 35 % fly-and-die). */
export function readDecrement(sdecPct: number, sprints: number): string {
  const v = Math.round(sdecPct);
  if (sdecPct < 6 && sprints >= 6) return `Power dropped only ${v} % across the set — suspiciously even. You likely paced across the session; next time treat each rep as the only one.`;
  if (sdecPct < 10) return `Power dropped ${v} % across the set — flatter than the usual 10–25 %.`;
  if (sdecPct <= 25) return `Power dropped ${v} % across the set — right in the normal 10–25 % for repeated 30-s sprints.`;
  if (sdecPct <= 35) return `Power dropped ${v} % across the set — steeper than the usual 10–25 %; keep the rests easy.`;
  return `Power dropped ${v} % across the set — a big fade: a fly-and-die start or rests rowed too hard.`;
}

/** The decrement reading for any band: band A keeps the 30-s wording; paced sets expect an even set. */
export function readDecrementFor(sdecPct: number, reps: number, band: Readonly<BandParams>, mode: ExecutionMode, what: string): string {
  if (band.id === 'A') return readDecrement(sdecPct, reps);
  const v = Math.round(sdecPct);
  const [lo, hi] = band.sdecNormal;
  if (mode === 'set-paced' || mode === 'mixed') {
    if (sdecPct <= hi) return `Power varied ${v} % across the set — even, as a maximal set of ${what}s should be (${lo}–${hi} % is normal).`;
    return `Power dropped ${v} % across the set — more than the ${lo}–${hi} % of an evenly paced set: an early rep cost you later.`;
  }
  if (sdecPct < lo) return `Power dropped only ${v} % across the set — flatter than the ${lo}–${hi} % of all-out ${what}s.`;
  if (sdecPct <= hi) return `Power dropped ${v} % across the set — normal (${lo}–${hi} %) for all-out ${what}s.`;
  return `Power dropped ${v} % across the set — steeper than the usual ${lo}–${hi} %; keep the rests easy.`;
}

/** Rep-to-rep rise that counts (> 5 %, docs/science.md §5.5); the last rep of a paced set needs ≥ 8 % [J]. */
const RISE = 1.05;
const PACED_LAST_REP = 1.08;

export interface Patterns {
  risingReps: number[];
  lastRepSpurt: boolean;
  notes: string[];
}

/** Session patterns on the reps' mean powers (1-based rep numbers in the results). */
export function sessionPatterns(meanPowersW: readonly number[], band?: Readonly<BandParams>, mode: ExecutionMode = 'rep-max'): Patterns {
  const word = band && band.id !== 'A' ? 'Rep' : 'Sprint';
  const lower = word.toLowerCase();
  const paced = mode === 'set-paced' || mode === 'mixed';
  const notes: string[] = [];
  const risingReps: number[] = [];
  const n = meanPowersW.length;
  // a paced set's last rep is read on its own (below); an all-out set's rises mean the earlier rep had more
  for (let i = 1; i + 1 < n - (paced ? 1 : 0); i++) {
    const here = meanPowersW[i]!;
    const after = meanPowersW[i + 1]!;
    if (here > 0 && after > RISE * here) {
      risingReps.push(i + 1);
      notes.push(`${word} ${i + 2} was ${Math.round((after / here - 1) * 100)} % stronger than ${lower} ${i + 1} — did ${lower} ${i + 1} have more in it?`);
    }
  }
  let lastRepSpurt = false;
  if (n >= 3) {
    const others = paced ? meanPowersW.slice(0, -1) : meanPowersW.slice(n - 3, n - 1);
    const before = others.reduce((a, b) => a + b, 0) / others.length;
    lastRepSpurt = before > 0 && meanPowersW[n - 1]! > (paced ? PACED_LAST_REP : RISE) * before;
    const by = Math.round((meanPowersW[n - 1]! / before - 1) * 100);
    if (lastRepSpurt) {
      notes.push(
        paced
          ? `The last rep was ${by} % above the mean of the others — you saved it for the last one.`
          : `The last ${lower} was ${by} % above the two before it — the ones before may have had a little more.`,
      );
    }
  }
  const first = meanPowersW[0];
  const laterBest = Math.max(...meanPowersW.slice(1, 3));
  const limit = band ? band.rep1Below : 0.05;
  if (limit !== null && first !== undefined && first > 0 && laterBest > first * (1 + limit)) {
    const below = Math.round((1 - first / laterBest) * 100);
    notes.push(
      band?.rep1MessageOnly
        ? `Rep 1 was ${below} % below your best of reps 2–3 — a conservative start, normal when pacing a set.`
        : `${word} 1 was ${below} % below your best of ${lower}s 2–3 — ${lower} 1 was probably held back.`,
    );
  }
  return { risingReps, lastRepSpurt, notes };
}

/** §7.6 session verdict of a paced set from the share of W′ used by the end of the last rep [J cut-offs]. */
export function readWPrimeUsed(usedShare: number): string {
  const v = Math.round(usedShare * 100);
  if (usedShare >= 0.85) return `You used ${v} % of your W′ by the end — a maximal set.`;
  if (usedShare >= 0.6) return `You used ${v} % of your W′ by the end — solid, a little left.`;
  return `You used ${v} % of your W′ by the end — well within yourself.`;
}
