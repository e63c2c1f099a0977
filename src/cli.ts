#!/usr/bin/env node
/**
 * The `ergsprint` command: wiring only. src/cli/<command>.ts declares each command's name,
 * description and options; its implementation in src/commands/ is imported only when it runs.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Commander from 'commander';
import { CliError } from './cli-error.js';
import { VERSION } from './version.js';
import { EXIT } from './commands/exit-codes.js';
import * as analyze from './cli/analyze.js';
import * as athlete from './cli/athlete.js';
import * as decode from './cli/decode.js';
import * as evaluate from './cli/evaluate.js';
import * as hub from './cli/hub.js';
import * as exportCmd from './cli/export.js';
import * as importCmd from './cli/import.js';
import * as history from './cli/history.js';
import * as inspect from './cli/inspect.js';
import * as live from './cli/live.js';
import * as replay from './cli/replay.js';
import * as scan from './cli/scan.js';
import * as simulate from './cli/simulate.js';
import * as start from './cli/start.js';
import { exitAfterFlush, exitQuietlyOnEpipe } from './commands/exit-after-flush.js';

// commander is CommonJS: `require` loads it in one step, where an ES `import` first runs Node's
// CommonJS export scanner over it (≈ 10 ms of every command's start-up)
const { Command, CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;

export function buildProgram(): Commander.Command {
  const program = new Command('ergsprint')
    .description('Companion for Bluetooth FTMS rowing machines: live numbers, intervals and all-out sprint verdicts.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const cmd of [start, live, hub, scan, replay, analyze, history, athlete, evaluate, importCmd, exportCmd, inspect, simulate, decode]) cmd.register(program);
  program.addHelpText(
    'after',
    `
Examples:
  $ ergsprint start                                  live rowers, or a demo replay when there is no Bluetooth
  $ ergsprint scan                                   list FTMS rowers and heart-rate straps in range
  $ ergsprint live --rower PM5 --hr Polar=PM5        row with a PM5 and a Polar strap, display on :8080
  $ ergsprint hub --broker mqtt://gym:1883 --id hub-1 a Bluetooth hub publishing to the central's broker
  $ ergsprint live --broker mqtt://gym:1883          the central: rowers from every hub on one wall
  $ ergsprint replay fixtures/hiit-allout.ndjson --speed 10
  $ ergsprint analyze fixtures/hiit-allout.ndjson --ref-2k 7:05
  $ ergsprint history                                past sessions, newest first (history show ID, history bests)
  $ ergsprint athlete add Ann --2k 7:05 --hrmax 192
  $ ergsprint evaluate fixtures
  $ ergsprint import painsled.strokes.csv activity.fit   other apps' sessions → recordings + analysis
  $ ergsprint export session.ndjson --format fit --description
  $ ergsprint inspect session.ndjson
  $ ergsprint simulate --out s.ndjson --seed 7 --held 3,6 --labels
  $ ergsprint decode --json 2c0b000000000000ffff00000000000000580000`,
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (err instanceof CliError) {
      process.stderr.write(`ergsprint: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** Run the CLI as the process: exit code from the command, output flushed first (also src/bin.ts). */
export function run(argv: string[]): void {
  exitQuietlyOnEpipe(process.stdout, () => (typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok));
  main(argv).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
      process.stderr.write(`ergsprint: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      return exitAfterFlush(EXIT.failed);
    },
  );
}

if (invokedDirectly()) run(process.argv);
