/// <reference lib="dom" />
/**
 * /control in Chromium against the real daemon (a committed recording replayed through the real
 * pipeline and workout injector): starting a plan for the room from the page puts the countdown to
 * sprint 1 on the wall. Served beyond loopback (0.0.0.0, page loaded as 127.0.0.2) every action
 * needs the token: without one and with a wrong one the page says so, with the right one it works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveRecording } from '../../src/commands/serve-recording.js';
import { launch, RUN_BROWSER_TESTS } from './browser.js';

const ART = 'test-artifacts';
const TOKEN = 'coach-token-0123456789';

const serve = (host: string, token?: string) =>
  serveRecording({ path: 'fixtures/two-rowers.ndjson', speed: 1, loop: false, port: 0, host, ...(token ? { token } : {}), source: 'demo', log: () => undefined });

async function startFromControl(page: Page): Promise<string> {
  await page.selectOption('#c-plan', 'hiit-30-90');
  await page.selectOption('#c-who', '');
  // an earlier message (e.g. "Token saved") must not be taken for the answer to this start
  await page.evaluate(() => (document.querySelector('#c-msg')!.textContent = ''));
  await page.click('#c-start');
  await page.waitForFunction(() => (document.querySelector('#c-msg')?.textContent ?? '') !== '', undefined, { timeout: 5000 });
  const msg = (await page.textContent('#c-msg')) ?? '';
  await page.evaluate(() => (document.querySelector('#c-msg')!.textContent = ''));
  return msg;
}

/** The wall's room bar once it counts down to sprint 1. */
async function roomCountdown(wall: Page): Promise<string> {
  const h = await wall.waitForFunction(() => {
    const t = document.querySelector('.room:not([hidden]) .r-main')?.textContent ?? '';
    return /Sprint 1 in \d+:\d\d/.test(t) ? t : false;
  }, undefined, { timeout: 10_000, polling: 100 });
  return (await h.jsonValue()) as string;
}

describe.runIf(RUN_BROWSER_TESTS)('/control in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    browser = await launch();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('on this machine: start hiit-30-90 for the room → "Warm-up … Sprint 1 in 10:00" on the wall for every rower', async () => {
    const server = await serve('127.0.0.1');
    try {
      const wall = await browser.ctx.newPage();
      await wall.goto(`${server.url}wall`);
      await wall.waitForFunction(() => document.querySelectorAll('.tile').length === 2, undefined, { timeout: 10_000 });
      const control = await browser.ctx.newPage();
      await control.setViewportSize({ width: 390, height: 844 });
      await control.goto(`${server.url}control`);
      await control.waitForSelector('.rower-row', { timeout: 10_000 });
      expect(await startFromControl(control)).toBe('Started hiit-30-90 for the room.');
      expect(await roomCountdown(wall)).toMatch(/^Warm-up 8 reps Sprint 1 in (10:0\d|9:[45]\d)$/);
      // every tile runs the plan: 0 of 8 reps
      expect(await wall.$$eval('.tile .x-rep', (els) => els.map((e) => e.textContent))).toEqual(['0/8', '0/8']);
      await wall.screenshot({ path: `${ART}/control-wall-countdown.png` });
      await control.screenshot({ path: `${ART}/control-phone.png` });
      await wall.close();
      await control.close();
    } finally {
      await server.close();
    }
  }, 60_000);

  it('beyond loopback: no token and a wrong token each get a clear message; the right one starts the plan', async () => {
    const server = await serve('0.0.0.0', TOKEN);
    try {
      const base = server.url.replace('0.0.0.0', '127.0.0.2');
      const wall = await browser.ctx.newPage();
      await wall.goto(`${base}wall`);
      await wall.waitForFunction(() => document.querySelectorAll('.tile').length === 2, undefined, { timeout: 10_000 });
      const control = await browser.ctx.newPage();
      await control.goto(`${base}control`);
      await control.waitForSelector('.rower-row', { timeout: 10_000 });
      expect(await control.textContent('#c-token-hint')).toMatch(/Needed/);
      expect(await startFromControl(control)).toMatch(/needs its access token/);
      await control.fill('#c-token', 'not-the-token');
      await control.click('#c-token-save');
      expect(await startFromControl(control)).toMatch(/^Wrong access token/);
      expect(await control.getAttribute('#c-msg', 'class')).toContain('err');
      expect(await wall.$$eval('.room:not([hidden]) .r-main', (els) => els.length)).toBe(0); // nothing started
      await control.fill('#c-token', TOKEN);
      await control.click('#c-token-save');
      // kept in the browser: a reload still has it
      await control.reload();
      await control.waitForSelector('.rower-row', { timeout: 10_000 });
      expect(await control.inputValue('#c-token')).toBe(TOKEN);
      expect(await startFromControl(control)).toBe('Started hiit-30-90 for the room.');
      expect(await roomCountdown(wall)).toMatch(/Sprint 1 in/);
      await wall.close();
      await control.close();
    } finally {
      await server.close();
    }
  }, 60_000);
});
