/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** What the layout test measures in the page: overflowing text, overlapping boxes, font sizes (runs in the browser). */

export interface LayoutReport {
  overflow: string[];
  overlap: string[];
  small: string[];
  /** smallest font of the wall's numbers and badges, px (undefined when none is shown) */
  minTileNumberPx?: number;
  minBadgePx?: number;
}

/** Runs in the page: every visible element whose content overflows its box (scroll containers excepted), every pair of overlapping siblings, every text below `minPx`. */
export function measureLayout(minPx: number): LayoutReport {
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}${el.textContent ? ` "${el.textContent.trim().slice(0, 30)}"` : ''}`;
  const visible = (el: Element): el is HTMLElement => {
    if (!(el instanceof HTMLElement)) return false;
    if (el.closest('.uplot')) return false; // the chart library's own boxes
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const all = [...document.querySelectorAll('body *')].filter(visible);
  const overflow: string[] = [];
  const overlap: string[] = [];
  const small: string[] = [];
  for (const el of [document.body, ...all]) {
    const cs = getComputedStyle(el);
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    if (cs.display === 'inline' || el.clientWidth === 0) continue;
    if (!scrolls(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) overflow.push(`${name(el)} width ${el.scrollWidth} > ${el.clientWidth}`);
    if (!scrolls(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) overflow.push(`${name(el)} height ${el.scrollHeight} > ${el.clientHeight}`);
  }
  for (const el of [document.body, ...all]) {
    const kids = [...el.children].filter(visible).filter((k) => {
      const cs = getComputedStyle(k);
      return cs.position !== 'absolute' && cs.position !== 'fixed' && cs.display !== 'inline';
    });
    const rects = kids.map((k) => k.getBoundingClientRect());
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlap.push(`${name(kids[i]!)} × ${name(kids[j]!)}`);
      }
    }
  }
  for (const el of all) {
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!hasText) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < minPx - 0.01) small.push(`${name(el)} ${px} px`);
  }
  const sizes = (sel: string) => [...document.querySelectorAll(sel)].filter(visible).map((e) => parseFloat(getComputedStyle(e).fontSize));
  const nums = sizes('.tile .x-power, .tile .x-rate, .tile .x-rep, .tile .t-clock, .tile .t-phase');
  const badges = sizes('.tile .badge');
  return {
    overflow,
    overlap,
    small,
    ...(nums.length > 0 ? { minTileNumberPx: Math.min(...nums) } : {}),
    ...(badges.length > 0 ? { minBadgePx: Math.min(...badges) } : {}),
  };
}
