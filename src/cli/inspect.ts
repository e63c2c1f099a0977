/**
 * `ergsprint inspect FILE`: header, decoded samples (or raw frames) and a summary of a recording.
 * Name, description and options only: the implementation (src/commands/inspect.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { InspectOptions } from '../commands/inspect-report.js';

export function register(program: Command): void {
  program
    .command('inspect')
    .description('Show a recording: header, decoded samples as a table, and a summary')
    .argument('<file>', 'recording (.ndjson)')
    .option('--rower <id>', 'only this rower')
    .option('--limit <n>', 'print at most N table rows', parseLimit)
    .option('--raw', 'print the raw frames (t, rower, characteristic, hex) instead of decoded samples')
    .action(async (file: string, opts: InspectOptions) => (await import('../commands/inspect.js')).inspectCommand(file, opts));
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--limit must be a non-negative integer, got "${value}"`);
  return n;
}
