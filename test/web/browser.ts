/** Debian's Chromium driven by playwright-core, with a fresh profile per launch. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Browser tests run when Chromium is installed, and always under CI (where a missing one fails them). */
export const RUN_BROWSER_TESTS = existsSync(CHROMIUM) || process.env.CI !== undefined;

/** Launches Chromium; `extraArgs` are added to the command line (e.g. --host-resolver-rules). */
export async function launch(extraArgs: readonly string[] = []): Promise<{ ctx: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ergsprint-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
    viewport: { width: 1920, height: 1080 },
  });
  return {
    ctx,
    close: async () => {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
