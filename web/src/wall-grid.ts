/** The wall's grid for a screen: how many tiles a page holds and how they are laid out. */

/** tiles look best about this much wider than tall (the wide tile layout; tall ones have their own) */
const IDEAL_ASPECT = 1.8;
/** the smallest tile that still holds every line at ≥ 12 px, px */
const MIN_TILE_W = 200;
const MIN_TILE_H = 130;
/** most tiles on one page: 16 keeps every number ≥ 40 px on a 1080p wall (README "Sizes") */
export const MAX_PER_PAGE = 16;

/** Columns × rows for n tiles in a w × h box: the grid whose tiles come closest to the ideal aspect, filling most cells. */
export function gridFor(n: number, w = 1920, h = 1080): [number, number] {
  if (n <= 1) return [1, 1];
  let best: [number, number] = [n, 1];
  let bestScore = -1;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    if ((rows - 1) * cols >= n) continue; // an empty last row
    const aspect = w / cols / (h / rows);
    // tiles smaller than the minimum lose to any grid that keeps them at it
    const big = w / cols >= MIN_TILE_W && h / rows >= MIN_TILE_H ? 1 : 0.01;
    const score = big * Math.min(aspect / IDEAL_ASPECT, IDEAL_ASPECT / aspect) * (n / (cols * rows)) ** 0.5;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = [cols, rows];
    }
  }
  return best;
}

/** Tiles one page holds on a w × h screen (1…16). */
export function perPage(w: number, h: number): number {
  const fit = Math.max(1, Math.floor(w / MIN_TILE_W)) * Math.max(1, Math.floor(h / MIN_TILE_H));
  return Math.max(1, Math.min(MAX_PER_PAGE, fit));
}

/** The ids on page `page` (1-based, clamped) of `ids`, with the page count. */
export function pageOf<T>(items: readonly T[], size: number, page: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(pages, Math.max(1, page));
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}
