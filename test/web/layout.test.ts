/// <reference lib="dom" />
/**
 * The one layout system at every size (layout-harness.ts SIZES: 360×640, 390×844 and its
 * landscape, 768×1024, 1366×768, 1920×1080, 3840×2160), in Chromium through the real server: the
 * single view (warm-up, sprint with target, rest, cool-down, summary) and /control. Fails on any
 * text overflowing its box, overlapping boxes or text below 12 px. The wall: layout-wall.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_BROWSER_TESTS } from './browser.js';
import { openLayoutHarness, type LayoutHarness } from './layout-harness.js';
import { singleState, wallState, type SingleState } from './layout-states.js';

describe.runIf(RUN_BROWSER_TESTS)('layout at every size (Chromium): single view and /control', () => {
  let h: LayoutHarness;
  beforeAll(async () => {
    h = await openLayoutHarness();
  }, 60_000);
  afterAll(async () => h?.close());

  it.each<SingleState>(['warmup', 'sprint', 'rest', 'cooldown', 'summary'])('single view, %s', async (state) => {
    const ready = state === 'summary' ? '.summary table.intervals' : state === 'sprint' ? '.single .target:not([hidden])' : `body[data-phase="${state === 'cooldown' ? 'done' : state}"]`;
    expect(await h.check(`single-${state}`, '/', singleState(state), ready)).toEqual([]);
  }, 60_000);

  it('control page', async () => {
    expect(await h.check('control', '/control', wallState(3), '.control .rower-row')).toEqual([]);
  }, 60_000);
});
