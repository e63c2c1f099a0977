/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Wall layout at 1080p and 4K with 4 and 16 rowers fed through the real server: the grid shape,
 * the stated minimum sizes (power ≥ 100 px with ≤ 4 tiles at 1080p, ≥ 56 px with 16) and no
 * scrollbars. Screenshots go to test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Subject } from 'rxjs';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { intervalEv, phaseEv, rowerEv, sampleEv, workInterval } from '../server/helpers.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

describe.runIf(RUN_BROWSER_TESTS)('wall layout in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let app: DisplayApp;
  const events$ = new Subject<ServerInput>();
  let url = '';
  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    app = await buildApp({ events$, options: { requireToken: false, maxClients: 10, banner: 'Demo' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/wall`;
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function feed(rowers: number): void {
    events$.next({ type: 'reset', startedAt: '2026-01-05T07:00:00.000Z' });
    for (let i = 1; i <= rowers; i++) {
      const id = `r${i}`;
      events$.next(rowerEv(id, `Rower ${i}`));
      for (let k = 1; k <= 3; k++) events$.next(intervalEv(workInterval(id, k, k * 120_000, k !== 2)));
      events$.next(phaseEv(id, i % 3 === 0 ? 'rest' : 'work', 480_000, 4));
      events$.next({ type: 'plan', rower: id, plan: { plan: 'hiit-30-90', rep: 4, reps: 8, phase: 'work', phaseEndsAt: 510_000 } });
      events$.next(sampleEv(id, 490_000, 380 + i * 7));
    }
  }

  it.each([
    [4, 1920, 1080, [2, 2], 100],
    [16, 1920, 1080, [4, 4], 56],
    [16, 3840, 2160, [4, 4], 112],
  ] as const)('%i rowers at %ix%i: %j grid, power ≥ %i px, nothing overflows', async (n, width, height, [cols, rows], minPowerPx) => {
    feed(n);
    const page = await browser.ctx.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(url);
    await page.waitForFunction((k) => document.querySelectorAll('.tile').length === k && document.querySelectorAll('.tile .badge').length === 3 * k, n, { timeout: 10_000 });
    const m = await page.evaluate(() => {
      const tiles = [...document.querySelectorAll<HTMLElement>('.tile')];
      const xs = new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().left)));
      const ys = new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().top)));
      const power = tiles.map((t) => t.querySelector('.x-power') as HTMLElement);
      const overflowing = tiles.filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1).length;
      return {
        cols: xs.size,
        rows: ys.size,
        minPowerPx: Math.min(...power.map((p) => parseFloat(getComputedStyle(p).fontSize))),
        overflowing,
        scroll: document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight,
        powers: power.map((p) => p.textContent),
      };
    });
    expect([m.cols, m.rows]).toEqual([cols, rows]);
    expect(m.minPowerPx).toBeGreaterThanOrEqual(minPowerPx);
    expect(m.overflowing).toBe(0);
    expect(m.scroll).toBe(false);
    expect(m.powers).toEqual(Array.from({ length: n }, (_, i) => String(380 + (i + 1) * 7)));
    await page.screenshot({ path: `test-artifacts/wall-${n}-${height}p.png` });
    await page.close();
  }, 60_000);
});
