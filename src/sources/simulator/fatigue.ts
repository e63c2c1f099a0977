/**
 * Expected fraction of the rep-1 mean power at rep n (background §1.4, §6.2):
 * f(1) = 1; f(2) = 0.93 after 90 s rest, 0.90 after 60 s; then −2.5 %/rep (90 s) to −3.5 %/rep
 * (60 s); floor 0.65. Rests between 60 and 90 s interpolate linearly; outside, they clamp.
 */

const FLOOR = 0.65;

/** f(n) for 1-based rep `n` after rests of `restS` seconds. */
export function fatigueFactor(n: number, restS: number): number {
  if (n <= 1) return 1;
  const w = Math.min(1, Math.max(0, (restS - 60) / 30)); // 0 at 60 s, 1 at 90 s
  const second = 0.9 + w * (0.93 - 0.9);
  const perRep = 0.035 + w * (0.025 - 0.035);
  return Math.max(FLOOR, second - perRep * (n - 2));
}
