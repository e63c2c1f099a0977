// Writes the README's display screenshots into docs/: the real display in Chromium, fed through the
// real server (fastify on port 0 + scripted session events, the layout test's states).
// Usage: npm run screenshots   (builds the display first)
import { mkdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Subject } from 'rxjs';
import { buildApp } from '../src/server/build-app.js';
import type { ServerInput } from '../src/server/protocol.js';
import { CHROMIUM } from '../test/web/browser.js';
import { singleState, wallState } from '../test/web/layout-states.js';

interface Shot {
  file: string;
  path: string;
  events: ServerInput[];
  ready: string;
  width: number;
  height: number;
  /** device pixels per CSS pixel: 0.5 keeps a 4K layout's PNG small */
  scale: number;
}

const SHOTS: Shot[] = [
  { file: 'display-phone.png', path: '/', events: singleState('sprint'), ready: '.single .target:not([hidden])', width: 390, height: 844, scale: 0.8 },
  { file: 'display-1080p-wall.png', path: '/wall?kiosk', events: wallState(16), ready: '.tile:nth-child(16)', width: 1920, height: 1080, scale: 0.32 },
  { file: 'display-4k-class-summary.png', path: '/wall?kiosk', events: wallState(8, true), ready: '.room.has-summary', width: 3840, height: 2160, scale: 0.18 },
];

const events$ = new Subject<ServerInput>();
// the bundled script runs from node_modules/.cache: name the built display's directory
const app = await buildApp({ events$, options: { requireToken: false, maxClients: 4, webRoot: resolve('dist/web') } });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
mkdirSync('docs', { recursive: true });
try {
  for (const s of SHOTS) {
    for (const ev of s.events) events$.next(ev);
    const ctx = await browser.newContext({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });
    const page = await ctx.newPage();
    await page.goto(`${base}${s.path}`);
    await page.waitForSelector(s.ready, { timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/${s.file}` });
    await ctx.close();
    console.log(`docs/${s.file}  ${s.width}×${s.height}  ${Math.round(statSync(`docs/${s.file}`).size / 1024)} kB`);
  }
} finally {
  await browser.close();
  await app.close();
}
