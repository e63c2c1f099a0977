/// <reference lib="dom" />
/**
 * The /history page in real Chromium against a real server (fastify on port 0) with an in-memory
 * history of four sessions over three weeks: the list, the calendar, the trend plot, a session's
 * page (summary, power–duration plot against the 42-day envelope), deleting, and the link from the
 * single view — at 1080p and on a phone (390 × 844) without anything running off the screen.
 * Screenshots go to test-artifacts/ (not committed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { buildApp, type DisplayApp } from '../../src/server/build-app.js';
import { MemoryHistory, simulatedRow } from '../server/memory-history.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

const ART = 'test-artifacts';
const SIZES = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Elements of the page whose right edge runs past the viewport, and whether the page scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth > innerWidth,
    clipped: [...document.querySelectorAll('#history *')]
      .filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().right > innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5),
  }));

/** Size of the uPlot canvases inside `sel`. */
const canvases = (page: Page, sel: string) => page.$$eval(`${sel} canvas`, (els) => els.map((c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height })));

describe.runIf(RUN_BROWSER_TESTS)('history page in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let app: DisplayApp;
  let url: string;
  let history: MemoryHistory;
  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    history = new MemoryHistory([
      simulatedRow('s1', '2026-11-02T18:00:00.000Z', { seed: 1, athlete: 'Ann', level: 0.95 }),
      simulatedRow('s2', '2026-11-09T18:00:00.000Z', { seed: 2, held: [3, 6], athlete: 'Ann', level: 1 }),
      simulatedRow('s3', '2026-11-12T07:15:00.000Z', { seed: 3, athlete: 'Ann', level: 1.02 }),
      simulatedRow('s4', '2026-11-19T18:00:00.000Z', { seed: 4, athlete: 'Ann', level: 0.9 }),
    ]);
    app = await buildApp({ history, options: { requireToken: false, maxClients: 4 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(SIZES)('list, calendar and trend plot at $name', async ({ name, width, height }) => {
    const page = await browser.ctx.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${url}/history`);
    await page.waitForSelector('.session-row');
    expect(await page.$$eval('.session-row', (els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(['s4', 's3', 's2', 's1']);
    expect(await page.textContent('.session-row[data-id="s1"] .s-date')).toBe('Mon 2 Nov 2026, 18:00 UTC');
    expect(await page.textContent('.session-row[data-id="s1"] .s-line')).toMatch(/^\d of 8 sprints all-out · decrement \d+\.\d %$/);
    // calendar: November 2026 with the four session days marked
    const days = await page.$$eval('.calendar[data-month="2026-11"] td.has-session', (els) => els.map((e) => e.textContent));
    expect(days).toEqual(['2', '9', '12', '19']);
    expect(await page.$$eval('.calendar', (els) => els.length)).toBe(3);
    const trend = await canvases(page, '#trend');
    expect(trend.length).toBeGreaterThan(0);
    expect(trend[0]!.w).toBeGreaterThan(150);
    expect(trend[0]!.h).toBeGreaterThan(100);
    expect(await overflow(page)).toEqual({ sideways: false, clipped: [] });
    await page.screenshot({ path: `${ART}/history-list-${name}.png`, fullPage: true });
    await page.close();
  });

  it.each(SIZES)('a session page: its summary and the power–duration plot against the 42-day envelope at $name', async ({ name, width, height }) => {
    const page = await browser.ctx.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${url}/history`);
    await page.click('.session-row[data-id="s4"] a');
    await page.waitForURL(`${url}/history/s4`);
    await page.waitForSelector('.h-summary .summary');
    const s4 = history.get('s4')!;
    expect(await page.textContent('h1')).toBe('Thu 19 Nov 2026, 18:00 UTC');
    expect(await page.textContent('.h-summary .s-head .s-count .num')).toBe(`${s4.summary!.allOut}/8`);
    expect(await page.$$eval('.h-summary .badge', (els) => els.length)).toBe(8);
    const curve = await canvases(page, '#curve');
    expect(curve[0]!.w).toBeGreaterThan(150);
    expect(curve[0]!.h).toBeGreaterThan(100);
    // both series are drawn: this session and the envelope of s2 and s3 (s1 is 17 days before: inside 42 days too)
    expect(await page.$$eval('#curve .u-legend .u-label', (els) => els.map((e) => e.textContent))).toEqual(['window', 'this session', 'best of 42 days before']);
    expect(await overflow(page)).toEqual({ sideways: false, clipped: [] });
    await page.screenshot({ path: `${ART}/history-session-${name}.png`, fullPage: true });
    await page.close();
  });

  it('an unknown session says so', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${url}/history/nope`);
    await expect.poll(() => page.textContent('.error')).toBe('no session nope in history');
    await page.close();
  });

  it('the single view links to /history; deleting a session from its page removes it from the list', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${url}/`);
    await page.waitForSelector('#history-link:not([hidden])');
    await page.click('#history-link');
    await page.waitForURL(`${url}/history`);
    await page.click('.session-row[data-id="s3"] a');
    await page.waitForSelector('#delete');
    page.on('dialog', (d) => void d.accept());
    await page.click('#delete');
    await page.waitForURL(`${url}/history`);
    await page.waitForSelector('.session-row');
    expect(await page.$$eval('.session-row', (els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(['s4', 's2', 's1']);
    expect(history.sessions.has('s3')).toBe(false);
    await page.close();
  });
});
