/// <reference lib="dom" />
/**
 * The session lifecycle on the real display in Chromium: a recording of two classes 10 idle
 * minutes apart, fed item by item through runSession to the real server. After the first class
 * the single view shows its summary — through the idle minutes and the next class's first items —
 * until the next stroke; then the live screen of a new session (no sprints yet); at the end the
 * second class's summary.
 */
import { Subject, from } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SourceItem } from '../../src/ftms/frame.js';
import { session$ } from '../../src/pipeline/session.js';
import { runSession } from '../../src/commands/run-session.js';
import { twoClasses } from '../pipeline/two-classes.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

/** What the single view shows: the summary (its headline) or the live screen (its sprints title). */
const shown = (page: Page) =>
  page.evaluate(() => {
    const sum = document.querySelector('section.summary');
    const summaryUp = sum !== null && !(sum.closest('.view-root') as HTMLElement | null)?.hidden;
    return summaryUp ? `summary: ${sum.querySelector('.s-count .num')?.textContent ?? ''}` : `live: ${document.querySelector('.single [data-f="sprints-title"]')?.textContent ?? ''}`;
  });

describe.runIf(RUN_BROWSER_TESTS)('session lifecycle in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('the first summary stays up until the next stroke, then the new session; then the second summary', async () => {
    const c = twoClasses('hiit-held');
    // where the first stroke of a class is (the pipeline decides it; the test feeds up to just before)
    let firstStroke = 0;
    from(c.single)
      .pipe(session$({ lifecycle: { idleEndMs: 300_000 } }))
      .subscribe((e) => {
        if (e.type === 'session' && e.state === 'started' && firstStroke === 0) firstStroke = e.t;
      });
    expect(firstStroke).toBeGreaterThan(0);
    const src = new Subject<SourceItem>();
    const running = await runSession({ source$: src, startedAt: c.header.startedAt, kind: 'replay', names: { 'sim-1': 'SIM Rower 1Hz' }, serve: { port: 0 }, log: () => undefined });
    try {
      const page = await browser.ctx.newPage();
      await page.goto(running.server.url);
      await page.waitForFunction(() => document.body.classList.contains('online'), undefined, { timeout: 10_000 }); // the feed is up
      let fed = 0;
      const feedTo = (until: number): void => {
        // heartbeats every second of data time, as the live source sends them
        for (const x of c.items) {
          if (x.t < fed || x.t >= until) continue;
          for (let b = Math.floor(fed / 1000) * 1000 + 1000; b <= x.t; b += 1000) src.next({ kind: 'heartbeat', t: b });
          src.next(x);
          fed = x.t + 1;
        }
        for (let b = Math.floor(fed / 1000) * 1000 + 1000; b < until; b += 1000) src.next({ kind: 'heartbeat', t: b });
        fed = Math.max(fed, until);
      };

      // class 1, then 6 idle minutes: the session ended (5 min without a stroke); its summary is up
      feedTo(c.single[c.single.length - 1]!.t + 6 * 60_000);
      await expect.poll(() => shown(page), { timeout: 10_000 }).toMatch(/^summary: \d\/8$/);
      const first = await shown(page);
      // the rest of the gap and the next class's items before its first stroke: still the summary
      feedTo(c.secondStartMs + firstStroke);
      await new Promise((r) => setTimeout(r, 500)); // several renders (rAF + the 200 ms tick)
      expect(await shown(page)).toBe(first);

      // the next stroke: a new session, the live screen with none of the first class's sprints
      feedTo(c.secondStartMs + firstStroke + 1);
      await expect.poll(() => shown(page), { timeout: 10_000 }).toBe('live: Sprints — none yet');

      // the whole second class and the end of the data (Ctrl-C): its own summary
      feedTo(c.items[c.items.length - 1]!.t + 1);
      src.complete();
      await expect.poll(() => shown(page), { timeout: 10_000 }).toMatch(/^summary: \d\/8$/);
      expect(await page.$$eval('.summary tr.k-work', (rows) => rows.length)).toBe(8);
      await page.close();
    } finally {
      running.stop();
      await running.server.close();
    }
  }, 60_000);
});
