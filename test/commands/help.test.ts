/**
 * `ergsprint <cmd> --help` for every command, as the user runs it (node dist/cli.js): each lists
 * its options, and the CLI starts fast: `--help` and `decode` load no command implementation
 * (src/commands/*), no fastify, noble or rxjs — those are imported only when their command runs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { DECODE_CHARS } from '../../src/cli/decode.js';
import { DECODERS } from '../../src/ftms/decode-by-char.js';
import { buildCli, killChildren, runCli } from './cli-process.js';

beforeAll(buildCli, 180_000);
afterEach(killChildren);

/** Every command and the options its help must list. */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  start: ['--port', '--host', '--token', '--allow-origin', '--plan', '--demo', '--speed', '--ref-2k', '--ref-500m', '--hr-max'],
  live: ['--rower', '--hr', '--record', '--port', '--host', '--token', '--allow-origin', '--timeout', '--plan', '--profiles', '--ref-2k', '--ref-500m', '--hr-max', '--broker', '--ble', '--username', '--password-file', '--client-id'],
  hub: ['--broker', '--id', '--rower', '--hr', '--record', '--username', '--password-file', '--timeout', '--profiles'],
  scan: ['--timeout', '--json', '--all', '--profiles'],
  replay: ['--speed', '--loop', '--port', '--host', '--token', '--allow-origin', '--plan', '--ref-2k', '--ref-500m', '--hr-max'],
  analyze: ['--json', '--plan', '--ref-2k', '--ref-500m', '--hr-max'],
  history: ['--athlete', '--json', '--db'],
  athlete: [],
  evaluate: ['--json'],
  import: ['--format', '--athlete', '--out', '--db'],
  export: ['--format', '--out', '--rower', '--description', '--plan', '--ref-2k', '--ref-500m'],
  inspect: ['--rower', '--limit', '--raw'],
  simulate: ['--out', '--seed', '--profile', '--hr', '--reps', '--work', '--rest', '--held', '--rate-only', '--warmup', '--cooldown', '--surges', '--steady', '--ladder', '--piece', '--counter-offset', '--reset-at', '--stop-in-rest', '--rowers', '--athlete', '--p2k', '--gap', '--started-at', '--labels', '--force', '--ble', '--drop', '--duration'],
  decode: ['--char', '--json'],
};

describe('ergsprint <command> --help', () => {
  it('the table above names every command', () => {
    expect(buildProgram().commands.map((c) => c.name()).sort()).toEqual(Object.keys(OPTIONS).sort());
  });

  it.each(Object.entries(OPTIONS))('%s --help lists its description and options', async (cmd, options) => {
    const run = await runCli([cmd, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: ergsprint ${cmd} `));
    const description = buildProgram().commands.find((c) => c.name() === cmd)?.description();
    expect(description).toBeTruthy();
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(description); // help wraps long lines
    for (const opt of [...options, '--help']) expect(run.stdout).toMatch(new RegExp(`^\\s+(?:-\\w, )?${opt}\\b`, 'm'));
  });

  it('decode --help offers exactly the characteristics decode knows', async () => {
    expect([...DECODE_CHARS].sort()).toEqual(Object.keys(DECODERS).sort());
    expect((await runCli(['decode', '--help'])).stdout).toContain(`characteristic: ${DECODE_CHARS.join(' | ')}`);
  });
});

describe('a CLI that starts fast', () => {
  const loaded = async (args: string[]): Promise<string[]> => {
    const log = join(mkdtempSync(join(tmpdir(), 'ergsprint-modules-')), 'modules.txt');
    const run = await runCli(args, { env: { NODE_OPTIONS: `--import ${join(import.meta.dirname, 'module-log.mjs')}`, MODULE_LOG: log } });
    expect(run.code).toBe(0);
    return readFileSync(log, 'utf8').trim().split('\n');
  };
  const heavy = (urls: string[]): string[] => urls.filter((u) => /\/dist\/commands\/(?!exit-after-flush\.js|exit-codes\.js)|node_modules\/(fastify|@fastify|@abandonware|rxjs|ws|pino|zod|better-sqlite3|mqtt)\//.test(u));

  it('--help loads no command implementation', async () => {
    const urls = await loaded(['--help']);
    expect(urls.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
    expect(heavy(urls)).toEqual([]);
  });

  it('decode loads its own implementation and none of the others', async () => {
    const urls = await loaded(['decode', '2c0b000000000000ffff00000000000000580000']);
    expect(urls.some((u) => u.endsWith('/dist/commands/decode.js'))).toBe(true);
    expect(heavy(urls).filter((u) => !/\/dist\/commands\/(decode|decode-format|text-table)\.js$/.test(u))).toEqual([]);
  });

  it('live without --broker loads no MQTT code (it stops at the missing adapter here)', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'ergsprint-modules-')), 'modules.txt');
    const env: Record<string, string> = { NODE_OPTIONS: `--import ${join(import.meta.dirname, 'module-log.mjs')}`, MODULE_LOG: log, NOBLE_WEBSOCKET: '', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ergsprint-data-')) };
    const run = await runCli(['live', '--port', '0', '--timeout', '1'], { env });
    expect(run.code).not.toBe(0);
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    expect(urls.some((u) => u.endsWith('/dist/commands/live.js'))).toBe(true);
    expect(urls.filter((u) => /node_modules\/mqtt\/|\/dist\/(bridge|sources\/mqtt)\/|live-broker\.js$/.test(u))).toEqual([]);
  });
});
