/// <reference lib="dom" />
/**
 * The live target in Chromium (issue 12 item 2): during a replayed sprint the single view shows
 * "target N W" with an on-track bar, and N is the expected power E_n the sprint's verdict then
 * uses (read from /api/session once the verdict is in; ±1 %: the verdict places C(T) at the rowed
 * length, the target at the planned 30 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interval } from '../../src/analysis/types.js';
import { serveRecording } from '../../src/commands/serve-recording.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

describe.runIf(RUN_BROWSER_TESTS)('live target in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('the target shown during a sprint is the E_n its verdict is judged against', async () => {
    const server = await serveRecording({ path: 'fixtures/hiit-held.ndjson', speed: 30, loop: false, port: 0, source: 'demo', plan: { ...BUILTIN_PLANS['hiit-30-90']! }, verdict: { declared2kS: 400 }, log: () => undefined });
    try {
      const page = await browser.ctx.newPage();
      await page.goto(server.url);
      const during = await page.waitForFunction(
        () => {
          const box = document.querySelector<HTMLElement>('.single .target');
          const rep = /Rep (\d) \/ 8/.exec(document.querySelector('.single [data-f="rep"]')?.textContent ?? '')?.[1];
          const text = box && !box.hidden ? (box.querySelector('.t-text')?.textContent ?? '') : '';
          const w = /^target (\d+)\s*W/.exec(text)?.[1];
          return document.body.dataset.phase === 'work' && rep !== undefined && Number(rep) >= 2 && w !== undefined && { rep: Number(rep), w: Number(w), text, cls: box!.className };
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const shown = (await during.jsonValue()) as { rep: number; w: number; text: string; cls: string };
      expect(shown.cls).toMatch(/on-(good|below|well-below|none)/);
      // the verdict of that sprint, within seconds of its end
      const deadline = Date.now() + 30_000;
      let iv: Interval | undefined;
      while (iv?.verdict === undefined && Date.now() < deadline) {
        const s = (await (await fetch(`${server.url}api/session`)).json()) as { rowers: Array<{ intervals: Interval[] }> };
        iv = s.rowers[0]?.intervals.find((x) => x.kind === 'work' && x.index === shown.rep);
        await new Promise((r) => setTimeout(r, 100));
      }
      const e = iv?.verdict?.expectedPowerW;
      expect(e, 'the verdict has an expected power').toBeDefined();
      expect(Math.abs(shown.w / e! - 1), `shown ${shown.text} vs E_n ${e}`).toBeLessThan(0.01);
      await page.close();
    } finally {
      await server.close();
    }
  }, 90_000);
});
