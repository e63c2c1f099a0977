/**
 * `ergsprint start`: live rowers over Bluetooth, or a looping demo replay when no adapter is usable.
 * Name, description and options only: the implementation (src/commands/start.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../config.js';
import { serverOptions } from './server-options.js';
import { referenceOptions } from './reference-options.js';
import type { StartFlags as Flags } from '../commands/start.js';

export function register(program: Command): void {
  const liveWith = async (args: string[]): Promise<unknown> => program.commands.find((c) => c.name() === 'live')?.parseAsync(args, { from: 'user' });
  const cmd = program
    .command('start')
    .description('live rowers over Bluetooth, or a looping demo replay when no adapter is usable; serves the display');
  serverOptions(cmd)
    .option('--plan <name|file>', 'workout plan for live rowers (built-in name or .json file)')
    .option('--demo', 'skip Bluetooth and run the demo replay')
    .option('--idle-end <duration>', "end a rower's session after this much time without a stroke, e.g. 5m, 90s (30s–24h)", `${DEFAULTS.idleEndS / 60}m`)
    .option('--athlete <name=rower>', 'bind an athlete to a live rower, e.g. Ada=PM5 (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--speed <n>', 'demo replay speed, × real time (0.01–1000)', String(DEFAULTS.replay.demoSpeed));
  referenceOptions(cmd)
    .action(async (flags: Flags) => (await import('../commands/start.js')).startCommand(flags, liveWith));
}
