/**
 * `ergsprint replay FILE`: serve the live display fed by a recording, at N× speed, optionally looping.
 * Name, description and options only: the implementation (src/commands/replay.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../config.js';
import { serverOptions } from './server-options.js';
import { referenceOptions } from './reference-options.js';
import type { ReplayFlags as Flags } from '../commands/replay.js';

export function register(program: Command): void {
  const cmd = program
    .command('replay')
    .argument('<file>', 'a recording (.ndjson)')
    .description('serve the live display fed by a recording, as if it were happening now')
    .option('--speed <n>', 'replay speed, × real time (0.01–1000)', String(DEFAULTS.replay.speed))
    .option('--loop', 'start over at the end (each pass is a new session)')
    .option('--idle-end <duration>', "end a rower's session after this much data time without a stroke, e.g. 5m, 90s (30s–24h)", `${DEFAULTS.idleEndS / 60}m`);
  serverOptions(cmd)
    .option('--plan <name|file>', 'workout plan: a built-in name (hiit-30-60, hiit-30-90) or a .json plan file');
  referenceOptions(cmd)
    .action(async (file: string, flags: Flags) => (await import('../commands/replay.js')).replayCommand(file, flags));
}
