/// <reference lib="dom" />
/**
 * States that read at 5 m (issue 12 item 5), in Chromium through the real server: the server gone
 * dims the whole screen under "Reconnecting…"; a rower's lost link greys its tile with a counting
 * "Signal lost m:ss"; "below" is drawn ↓, not ✗ like held back; the sound button is a state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { Subject } from 'rxjs';
import { buildApp } from '../../src/server/build-app.js';
import type { ServerInput } from '../../src/server/protocol.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';
import { wallState } from './layout-states.js';

describe.runIf(RUN_BROWSER_TESTS)('honest states in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('lost link → grey tile counting "Signal lost"; below ↓ vs held back ✗; sound state; server gone → the screen dims under "Reconnecting…"', async () => {
    const events$ = new Subject<ServerInput>();
    const app = await buildApp({ events$, options: { requireToken: false, maxClients: 4 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    for (const ev of wallState(2)) events$.next(ev);
    const page = await browser.ctx.newPage();
    await page.goto(`${url}/wall`);
    await page.waitForSelector('.tile[data-rower="r2"]');
    expect(await page.isVisible('#offline')).toBe(false);
    // rep 2 held back, rep 3 below (allOut null): different marks and colours
    const chips = await page.$$eval('.tile[data-rower="r1"] .badge', (els) => els.map((e) => [e.getAttribute('data-kind'), e.querySelector('.b-mark')?.textContent, [...e.classList].find((c) => c.startsWith('v-'))]));
    expect(chips.slice(0, 3)).toEqual([
      ['all-out', '✓', 'v-good'],
      ['held-back', '✗', 'v-bad'],
      ['below', '↓', 'v-below'],
    ]);
    events$.next({ type: 'rower', rower: 'r2', name: 'Rower 2', connected: false, t: 971_000 });
    await page.waitForSelector('.tile.phase-lost[data-rower="r2"]');
    const first = await page.textContent('.tile[data-rower="r2"] .t-line');
    expect(first).toMatch(/^Signal lost 0:0\d$/);
    await page.waitForFunction((f) => document.querySelector('.tile[data-rower="r2"] .t-line')?.textContent !== f, first, { timeout: 3000 });
    expect(await page.textContent('.tile[data-rower="r2"] .x-power')).toBe('–');
    expect(await page.getAttribute('.tile[data-rower="r1"]', 'class')).toContain('phase-work');
    // sound: a state with an icon, not a verb
    expect([await page.textContent('#sound .txt'), await page.getAttribute('#sound', 'aria-pressed')]).toEqual(['Sound off', 'false']);
    await page.click('#sound');
    expect([await page.textContent('#sound .txt'), await page.getAttribute('#sound', 'aria-pressed')]).toEqual(['Sound on', 'true']);
    // the server goes away
    await app.close();
    await page.waitForSelector('#offline', { state: 'visible', timeout: 5000 });
    expect(await page.textContent('.offline-title')).toBe('Reconnecting…');
    const dim = await page.evaluate(() => {
      const r = document.querySelector('#offline')!.getBoundingClientRect();
      return { w: r.width, h: r.height, filter: getComputedStyle(document.querySelector('main')!).filter, font: parseFloat(getComputedStyle(document.querySelector('.offline-title')!).fontSize) };
    });
    expect([dim.w, dim.h]).toEqual([1920, 1080]);
    expect(dim.filter).toContain('brightness');
    expect(dim.font).toBeGreaterThanOrEqual(100); // 11 vmin: ≈ 119 px at 1080p
    await page.close();
  }, 60_000);
});
