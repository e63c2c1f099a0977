/// <reference lib="dom" />
/**
 * End to end: a committed recording replayed fast through the real server (replay$ → session$ →
 * display server) into the real display in Chromium. Expected reps and verdicts come from the
 * fixtures' ground-truth labels. Screenshots go to test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveRecording } from '../../src/commands/serve-recording.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { BUILTIN_PLANS } from '../../src/workouts/plan.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

const ART = 'test-artifacts';
interface Label { kind: string; rep?: number; allOut?: boolean; rower?: string }
const labels = (name: string): Label[] => (JSON.parse(readFileSync(`fixtures/${name}.labels.json`, 'utf8')) as { intervals: Label[] }).intervals;
const sprintLabels = (name: string, rower?: string) => labels(name).filter((l) => l.kind === 'work' && (rower === undefined || l.rower === rower));

async function replayed(name: string, speed: number): Promise<RunningServer> {
  return serveRecording({ path: `fixtures/${name}.ndjson`, speed, loop: false, port: 0, source: 'demo', banner: 'Demo', plan: { ...BUILTIN_PLANS['hiit-30-90']! }, log: () => undefined });
}

/** Waits until every rower of the session has its summary (the replay is over). */
async function untilSummaries(server: RunningServer, rowers: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = (await (await fetch(`${server.url}api/session`)).json()) as { rowers: Array<{ summary?: unknown }> };
    if (s.rowers.length === rowers && s.rowers.every((r) => r.summary !== undefined)) return;
    if (Date.now() > deadline) throw new Error('replay did not finish');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const badges = (page: Page, scope: string) =>
  page.$$eval(`${scope} .badge`, (els) => els.map((e) => ({ rep: Number((e as HTMLElement).dataset.rep), cls: e.className })));

describe.runIf(RUN_BROWSER_TESTS)('display in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('single view: phase colours, sprint clock and rep k/8 live; every sprint verdict badge; summary; a late joiner sees it all', async () => {
    const server = await replayed('hiit-held', 60);
    try {
      const page = await browser.ctx.newPage();
      await page.goto(server.url);
      await expect.poll(() => page.textContent('#banner')).toBe('Demo');
      // live: a sprint is on screen — red phase, "Work", rep k of 8, a running sprint clock
      const atWork = await page.waitForFunction(
        () => {
          const f = (sel: string) => document.querySelector(sel)?.textContent ?? '';
          if (document.body.dataset.phase !== 'work' || !/Rep [2-8] \/ 8/.test(f('.single [data-f="rep"]'))) return false;
          return { label: f('.single [data-f="phase"]'), clock: f('.single [data-f="clock-label"]'), power: f('.single [data-f="power"]') };
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      expect(await atWork.jsonValue()).toEqual({ label: 'Work', clock: 'Sprint clock', power: expect.stringMatching(/^\d{3}$/) });
      await page.screenshot({ path: `${ART}/single-work.png` });
      const atRest = await page.waitForFunction(
        () => document.body.dataset.phase === 'rest' && document.querySelectorAll('.single .v-chips .badge').length >= 3 && document.querySelector('.single [data-f="next"]')?.textContent !== '' && { next: document.querySelector('.single [data-f="next"]')?.textContent, rep: document.querySelector('.single [data-f="rep"]')?.textContent },
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      // the rest counts down to the next sprint by number, the one "Rep k / 8" names
      const rest = (await atRest.jsonValue()) as { next: string; rep: string };
      expect(rest.next).toBe(`Sprint ${/Rep (\d) \/ 8/.exec(rest.rep)?.[1]} in`);
      await page.screenshot({ path: `${ART}/single-rest.png` });

      await untilSummaries(server, 1);
      const truth = sprintLabels('hiit-held');
      const expected = truth.map((l) => ({ rep: l.rep, good: l.allOut === true }));
      await page.waitForFunction((n) => document.querySelectorAll('.single .v-chips .badge').length === n, truth.length, { timeout: 10_000 });
      const live = await badges(page, '.single .v-chips');
      expect(live.map((b) => ({ rep: b.rep, good: b.cls.includes('v-good') }))).toEqual(expected);
      // the summary replaces the live screen at the end: interval table with verdicts and a decrement score
      await page.waitForSelector('.summary table.intervals', { timeout: 10_000 });
      expect(await page.$$eval('.summary tr.k-work', (rows) => rows.length)).toBe(truth.length);
      expect(await page.textContent('.summary [data-f="decrement"]')).toMatch(/^\d+\.\d %$/);
      await page.screenshot({ path: `${ART}/single-summary.png` });

      const late = await browser.ctx.newPage();
      await late.goto(server.url);
      await late.waitForSelector('.summary table.intervals', { timeout: 10_000 });
      const fromHello = await badges(late, '.summary');
      expect(fromHello.map((b) => ({ rep: b.rep, good: b.cls.includes('v-good') }))).toEqual(expected);
      await late.close();
      await page.close();
    } finally {
      await server.close();
    }
  }, 120_000);

  it('wall view: a tile per rower with name, power, phase colour, rep k/8 and the row of verdicts; room countdown', async () => {
    const server = await replayed('two-rowers', 60);
    try {
      const page = await browser.ctx.newPage();
      await page.goto(`${server.url}wall`);
      await page.waitForFunction(() => document.querySelectorAll('.tile').length === 2, undefined, { timeout: 20_000 });
      await page.waitForFunction(() => document.querySelectorAll('.tile.phase-work').length >= 1 && document.querySelectorAll('.tile .badge').length >= 4, undefined, { timeout: 60_000, polling: 50 });
      const tile = await page.$$eval('.tile', (els) => els.map((e) => ({ name: e.querySelector('.x-name')?.textContent, rep: e.querySelector('.x-rep')?.textContent, power: e.querySelector('.x-power')?.textContent })));
      expect(tile.map((t) => t.name)).toEqual(['SIM Rower 1Hz 1', 'SIM Rower 1Hz 2']);
      for (const t of tile) {
        expect(t.rep).toMatch(/^[1-8]\/8$/);
        expect(t.power).toMatch(/^\d{2,3}$/);
      }
      await page.screenshot({ path: `${ART}/wall-live.png` });

      await untilSummaries(server, 2);
      for (const [i, rower] of ['sim-1', 'sim-2'].entries()) {
        const truth = sprintLabels('two-rowers', rower);
        await page.waitForFunction(([k, n]) => document.querySelectorAll('.tile')[k]?.querySelectorAll('.badge').length === n, [i, truth.length] as const, { timeout: 10_000 });
        const got = await badges(page, `.tile[data-rower="${rower}"]`);
        expect(got.map((b) => ({ rep: b.rep, good: b.cls.includes('v-good') }))).toEqual(truth.map((l) => ({ rep: l.rep, good: l.allOut === true })));
        // the finished tile is its class summary: sprints all-out k/N, not "DISCONNECTED"
        await page.waitForSelector(`.tile.phase-finished[data-rower="${rower}"]`, { timeout: 10_000 });
        expect(await page.textContent(`.tile[data-rower="${rower}"] .x-power`)).toBe(`${truth.filter((l) => l.allOut === true).length}/${truth.length}`);
      }
      await page.screenshot({ path: `${ART}/wall-end.png` });
      await page.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
