/**
 * `ergsprint <cmd> --help` for every command, as the user runs it (node dist/bin.js): each lists
 * its options, and the CLI starts fast: `--help` and `decode` load no command implementation
 * (src/commands/*), no fastify, noble or rxjs — those are imported only when their command runs.
 * What a process loaded is read in source files (module-sources.ts maps the bundle's chunks back).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { DECODE_CHARS } from '../../src/cli/decode.js';
import { DECODERS } from '../../src/ftms/decode-by-char.js';
import { assertBuilt, killChildren, root, runCli } from './cli-process.js';
import { sourcesOf } from './module-sources.js';

beforeAll(assertBuilt);
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
  /** the sources a run of the CLI loaded (src/…ts, node_modules/…) */
  const loaded = async (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; sources: string[] }> => {
    const log = join(mkdtempSync(join(tmpdir(), 'ergsprint-modules-')), 'modules.txt');
    const run = await runCli(args, { env: { NODE_OPTIONS: `--import ${join(import.meta.dirname, 'module-log.mjs')}`, MODULE_LOG: log, ...env } });
    return { code: run.code, sources: sourcesOf(readFileSync(log, 'utf8').trim().split('\n')) };
  };
  const heavy = (sources: string[]): string[] => sources.filter((f) => /^src\/commands\/(?!exit-after-flush\.ts|exit-codes\.ts)|^node_modules\/(fastify|@fastify|@abandonware|rxjs|ws|pino|zod|better-sqlite3|mqtt)\//.test(f));

  it('--help loads no command implementation', async () => {
    const { code, sources } = await loaded(['--help']);
    expect(code).toBe(0);
    expect(sources).toContain('src/cli.ts');
    expect(heavy(sources)).toEqual([]);
  });

  it('decode loads its own implementation and none of the others', async () => {
    const { code, sources } = await loaded(['decode', '2c0b000000000000ffff00000000000000580000']);
    expect(code).toBe(0);
    expect(sources).toContain('src/commands/decode.ts');
    expect(heavy(sources).filter((f) => !/^src\/commands\/(decode|decode-format|text-table)\.ts$/.test(f))).toEqual([]);
  });

  it('the executable answers --version loading no other file of ours', async () => {
    const { code, sources } = await loaded(['--version']);
    const run = await runCli(['--version']);
    expect(code).toBe(0);
    expect(run.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
    expect(sources.filter((f) => !f.startsWith('test/'))).toEqual(['src/bin.ts', 'src/version.ts']);
  });

  it('the bundled executable answers exactly as the unbundled build (dist/cli.js from tsc)', async () => {
    const unbundled = (args: string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ergsprint-data-')) } });
    for (const args of [['decode', '2c0b000000000000ffff00000000000000580000'], ['analyze', '--json', join(root, 'fixtures', 'hiit-allout.ndjson')], ['analyze']]) {
      const bundled = await runCli(args);
      const plain = unbundled(args);
      expect(bundled.code, args.join(' ')).toBe(plain.status);
      expect(bundled.stdout, args.join(' ')).toBe(plain.stdout);
    }
  });

  it('live without --broker loads no MQTT code (it stops at the missing adapter here)', async () => {
    const { code, sources } = await loaded(['live', '--port', '0', '--timeout', '1'], { NOBLE_WEBSOCKET: '', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ergsprint-data-')) });
    expect(code).not.toBe(0);
    expect(sources).toContain('src/commands/live.ts');
    expect(sources.filter((f) => /^node_modules\/mqtt\/|^src\/(bridge|sources\/mqtt)\/|live-broker\.ts$/.test(f))).toEqual([]);
  });
});
