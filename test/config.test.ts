/** DEFAULTS is the one source of the daemon's defaults: the modules with a built-in default take it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { DEFAULTS } from '../src/config.js';
import { SERVER_LIMITS } from '../src/server/server-limits.js';
import { HUB_DEFAULTS } from '../src/server/ws-hub.js';
import { DEFAULT_TIMEOUTS } from '../src/sources/ble/ble-source.js';

const optionDefault = (command: string, flag: string): unknown =>
  buildProgram()
    .commands.find((c) => c.name() === command)
    ?.options.find((o) => o.long === flag)?.defaultValue;

describe('DEFAULTS (src/config.ts)', () => {
  it('imports nothing and cannot be changed', () => {
    expect(readFileSync(join(import.meta.dirname, '..', 'src', 'config.ts'), 'utf8')).not.toMatch(/^\s*import\b/m);
    expect(Object.isFrozen(DEFAULTS)).toBe(true);
    for (const part of Object.values(DEFAULTS)) if (typeof part === 'object') expect(Object.isFrozen(part)).toBe(true);
  });

  it('the CLI flag defaults are derived from it', () => {
    for (const cmd of ['live', 'replay', 'start']) expect(optionDefault(cmd, '--port')).toBe(String(DEFAULTS.server.port));
    expect(optionDefault('live', '--timeout')).toBe(String(DEFAULTS.ble.findTimeoutS));
    expect(optionDefault('scan', '--timeout')).toBe(String(DEFAULTS.ble.scanS));
    expect(optionDefault('replay', '--speed')).toBe(String(DEFAULTS.replay.speed));
    expect(optionDefault('start', '--speed')).toBe(String(DEFAULTS.replay.demoSpeed));
  });

  it('the modules that keep a built-in default hold exactly its values', () => {
    expect(SERVER_LIMITS).toEqual(DEFAULTS.limits);
    expect(HUB_DEFAULTS).toEqual(DEFAULTS.hub);
    const { adapterMs, connectMs, callMs, findTimeoutS } = DEFAULTS.ble;
    expect(DEFAULT_TIMEOUTS).toEqual({ adapterMs, connectMs, callMs, findMs: findTimeoutS * 1000 });
  });
});
