/**
 * Fit-to-box for big numbers and one-line rows: a `.fit` box (its size set by the layout grid,
 * never by its content) holds one `.fit-in` line; the line's font size is chosen so that it
 * fills the box without overflowing it: measured at a reference size, then scaled by the
 * smaller of width and height ratios, capped by `data-max` (px) when given. Digits are measured
 * as zeros (tabular numbers), so a changing power value does not re-measure every sample.
 */
const REF_PX = 100;
/** share of the box the text may fill (room for rounding and glyph overhang) */
const FILL = 0.94;
/** height is the line box (line-height 1.15 holds the glyphs), so it may fill more */
const FILL_H = 0.98;

const cache = new WeakMap<HTMLElement, string>();

/** Fits one `.fit` box's line to the box. */
export function fitBox(box: HTMLElement): void {
  const line = box.firstElementChild as HTMLElement | null;
  if (line === null) return;
  const cs = getComputedStyle(box);
  const w = box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  const h = box.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
  if (w <= 0 || h <= 0) return;
  const key = `${w}x${h}:${(line.textContent ?? '').replace(/\d/g, '0')}:${line.className}`;
  if (cache.get(box) === key) return;
  cache.set(box, key);
  const max = Number(box.dataset.max ?? Number.POSITIVE_INFINITY);
  let px = REF_PX;
  // scale from the reference size; a second pass corrects for parts with a floor (units ≥ 12 px)
  for (let pass = 0; pass < 3; pass++) {
    line.style.fontSize = `${px}px`;
    const r = line.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const scale = Math.min((w * FILL) / r.width, (h * FILL_H) / r.height);
    if (pass > 0 && scale >= 1) break;
    px = Math.min(max, px * scale);
  }
  line.style.fontSize = `${Math.max(1, Math.floor(px * 2) / 2)}px`;
}

/** Fits every visible `.fit` box under `root`. */
export function fitAll(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>('.fit')) {
    if (box.offsetParent !== null) fitBox(box);
  }
  for (const box of root.querySelectorAll<HTMLElement>('.fit-wrap')) {
    if (box.offsetParent !== null) fitWrap(box);
  }
}

/** `<div class="fit {cls}"><span class="fit-in">{inner}</span></div>` (inner is HTML). */
export function fitHtml(cls: string, inner: string, maxPx?: number): string {
  return `<div class="fit ${cls}"${maxPx !== undefined ? ` data-max="${maxPx}"` : ''}><span class="fit-in">${inner}</span></div>`;
}

/**
 * Fits wrapping text (a sentence) into its box: the largest font size, between `minPx` and the
 * box's `data-max` (default 44 px), at which the text does not overflow the box's height.
 */
export function fitWrap(box: HTMLElement, minPx = 12): void {
  const w = box.clientWidth;
  const h = box.clientHeight;
  if (w === 0 || h === 0) return;
  const key = `${w}x${h}:${box.textContent ?? ''}`;
  if (cache.get(box) === key) return;
  cache.set(box, key);
  let lo = minPx;
  let hi = Number(box.dataset.max ?? 44);
  box.style.fontSize = `${hi}px`;
  if (box.scrollHeight <= h && box.scrollWidth <= w) return;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    box.style.fontSize = `${mid}px`;
    if (box.scrollHeight <= h && box.scrollWidth <= w) lo = mid;
    else hi = mid;
  }
  box.style.fontSize = `${Math.floor(lo)}px`;
}
