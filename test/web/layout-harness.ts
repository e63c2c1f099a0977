/// <reference lib="dom" />
/**
 * The layout tests' harness: one real server (fastify on port 0, states fed into its events$), one
 * Chromium page reused for every view, each view measured at every size (layout-checks.ts).
 * Screenshots go to test-artifacts/layout/.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { launch } from './browser.js';
import { measureLayout } from './layout-checks.js';

const ART = 'test-artifacts/layout';
export const SIZES = [
  [360, 640],
  [390, 844],
  [844, 390],
  [768, 1024],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;
/** no text anywhere below this, px */
export const MIN_PX = 12;

export interface LayoutHarness {
  page: Page;
  /** Loads `path` with `events` as the session, waits for `ready`, measures at every size; returns the failures. */
  check(label: string, path: string, events: ServerInput[], ready: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function openLayoutHarness(): Promise<LayoutHarness> {
  mkdirSync(ART, { recursive: true });
  const events$ = new Subject<ServerInput>();
  const app: DisplayApp = await buildApp({ events$, options: { requireToken: false, maxClients: 10 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launch();
  const page = await browser.ctx.newPage();
  const check: LayoutHarness['check'] = async (label, path, events, ready) => {
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
      // README "Sizes": with ≤ 16 tiles on a 1080p (or larger) wall, numbers ≥ 40 px and badges ≥ 28 px
      if (width >= 1920 && tiles > 0 && tiles <= 16) {
        if (m.minTileNumberPx !== undefined && m.minTileNumberPx < 40) failures.push(`${at}: tile numbers ${m.minTileNumberPx} px < 40 px`);
        if (m.minBadgePx !== undefined && m.minBadgePx < 28) failures.push(`${at}: badges ${m.minBadgePx} px < 28 px`);
      }
      await page.screenshot({ path: `${ART}/${label}-${width}x${height}.jpg`, type: 'jpeg', quality: 40 });
    }
    return failures;
  };
  return {
    page,
    check,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}
