/**
 * A small seeded PRNG (mulberry32) so a simulated session is a pure function of its seed:
 * the same seed gives the same bytes on every machine. Not for cryptography.
 */

/** A deterministic source of random numbers. */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [lo, hi) */
  uniform(lo: number, hi: number): number;
  /** normal with the given mean and standard deviation (Box–Muller) */
  normal(mean: number, sd: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
}

/** mulberry32 over a 32-bit seed; returns a Random whose sequence depends only on `seed`. */
export function createRandom(seed: number): Random {
  let a = hashSeed(seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: (mean, sd) => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/** Derives an independent stream for a sub-part (a rower, the radio) from a parent seed. */
export function deriveSeed(seed: number, stream: number): number {
  return hashSeed(Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(stream + 1, 0x85ebca6b));
}

/** Mixes any finite number into a well-spread 32-bit integer (murmur3 finaliser). */
function hashSeed(seed: number): number {
  let h = Math.trunc(seed) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
