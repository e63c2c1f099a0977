/// <reference lib="dom" />
/**
 * The one layout system at every size, in Chromium through the real server (fastify on port 0,
 * states fed as session events into its events$): single view (warm-up, sprint with target, rest,
 * cool-down, summary), wall with 1, 2, 4, 9, 16 and 20 rowers, the wall's class summary and
 * /control, each at 360×640, 390×844 and its landscape, 768×1024, 1366×768, 1920×1080 and
 * 3840×2160. Fails on any text overflowing its box, overlapping boxes or text below 12 px; with
 * ≤ 16 tiles on a 1080p (or 4K) wall, numbers ≥ 40 px and badges ≥ 28 px (README "Sizes").
 * Screenshots go to test-artifacts/layout/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';
import { measureLayout } from './layout-checks.js';
import { singleState, wallState, type SingleState } from './layout-states.js';

const ART = 'test-artifacts/layout';
const SIZES = [
  [360, 640],
  [390, 844],
  [844, 390],
  [768, 1024],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;
const MIN_PX = 12;

describe.runIf(RUN_BROWSER_TESTS)('layout at every size (Chromium)', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let app: DisplayApp;
  let page: Page;
  const events$ = new Subject<ServerInput>();
  let base = '';
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'ignore' });
    mkdirSync(ART, { recursive: true });
    app = await buildApp({ events$, options: { requireToken: false, maxClients: 10 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
    page = await browser.ctx.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Loads `path` with `events` as the session, then measures it at every size. */
  async function check(label: string, path: string, events: ServerInput[], ready: string): Promise<void> {
    for (const ev of events) events$.next(ev);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${base}${path}`);
    await page.waitForSelector(ready, { timeout: 10_000 });
    const failures: string[] = [];
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      // a resize re-lays out and re-fits on the next frame
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const m = await page.evaluate(measureLayout, MIN_PX);
      const at = `${label} @${width}×${height}`;
      for (const o of m.overflow) failures.push(`${at}: overflow ${o}`);
      for (const o of m.overlap) failures.push(`${at}: overlap ${o}`);
      for (const s of m.small) failures.push(`${at}: below ${MIN_PX} px: ${s}`);
      const tiles = await page.$$eval('.tile', (els) => els.length);
      if (width >= 1920 && tiles > 0 && tiles <= 16) {
        if (m.minTileNumberPx !== undefined && m.minTileNumberPx < 40) failures.push(`${at}: tile numbers ${m.minTileNumberPx} px < 40 px`);
        if (m.minBadgePx !== undefined && m.minBadgePx < 28) failures.push(`${at}: badges ${m.minBadgePx} px < 28 px`);
      }
      await page.screenshot({ path: `${ART}/${label}-${width}x${height}.jpg`, type: 'jpeg', quality: 40 });
    }
    expect(failures).toEqual([]);
  }

  it.each<SingleState>(['warmup', 'sprint', 'rest', 'cooldown', 'summary'])('single view, %s', async (state) => {
    const ready = state === 'summary' ? '.summary table.intervals' : state === 'sprint' ? '.single .target:not([hidden])' : `body[data-phase="${state === 'cooldown' ? 'done' : state}"]`;
    await check(`single-${state}`, '/', singleState(state), ready);
  }, 60_000);

  it.each([1, 2, 4, 9, 16, 20])('wall with %i rowers', async (n) => {
    await check(`wall-${n}`, '/wall?page=1', wallState(n), `.tile:nth-child(${Math.min(n, 1)})`);
    if (n > 16) expect(await page.textContent('.room .r-page')).toMatch(/^page 1\/\d$/);
  }, 60_000);

  it('wall class summary', async () => {
    await check('wall-summary', '/wall', wallState(6, true), '.room.has-summary');
  }, 60_000);

  it('control page', async () => {
    await check('control', '/control', wallState(3), '.control .rower-row');
  }, 60_000);
});
