/// <reference lib="dom" />
/**
 * The wall at every size (layout-harness.ts SIZES), in Chromium through the real server: 1, 2, 4
 * (one link lost), 9, 16 and 20 rowers mid-sprint with targets, and the class summary. Fails on
 * overflowing text, overlapping boxes, text below 12 px, and — with ≤ 16 tiles at 1080p or 4K —
 * tile numbers below 40 px or badges below 28 px. More rowers than a page holds are paged, shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS } from './browser.js';
import { openLayoutHarness, type LayoutHarness } from './layout-harness.js';
import { wallState } from './layout-states.js';

describe.runIf(RUN_BROWSER_TESTS)('layout at every size (Chromium): the wall', () => {
  let h: LayoutHarness;
  beforeAll(async () => {
    h = await openLayoutHarness();
  }, 60_000);
  afterAll(async () => h?.close());

  it.each([1, 2, 4, 9, 16, 20])('wall with %i rowers', async (n) => {
    expect(await h.check(`wall-${n}`, '/wall?page=1', wallState(n), `.tile:nth-child(${Math.min(n, 1)})`)).toEqual([]);
    if (n > 16) {
      // at 3840×2160 (the last size) a page holds 16: 20 rowers are two pages, and it says so
      expect(await h.page.textContent('.room .r-page')).toBe('page 1/2');
      expect(await h.page.$$eval('.tile', (els) => els.length)).toBe(16);
    }
  }, 60_000);

  it('wall class summary', async () => {
    expect(await h.check('wall-summary', '/wall', wallState(6, true), '.room.has-summary')).toEqual([]);
  }, 60_000);
});
