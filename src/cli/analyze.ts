/**
 * `ergsprint analyze FILE`: intervals, stats and all-out verdicts of a recording (table or --json).
 * Name, description and options only: the implementation (src/commands/analyze.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { AnalyzeFlags } from '../commands/analyze.js';
import { referenceOptions } from './reference-options.js';

export function register(program: Command): void {
  const cmd = program
    .command('analyze')
    .description('find the work/rest intervals of a recording and judge every rep')
    .argument('<file>', 'recording (NDJSON)')
    .option('--json', 'print the analysis as JSON (the documented contract) on stdout')
    .option('--plan <name|file>', 'workout plan: hiit-30-60, hiit-30-90, or a .json plan file');
  referenceOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ ergsprint analyze fixtures/hiit-allout.ndjson
  $ ergsprint analyze session.ndjson --plan hiit-30-90 --ref-2k 7:05 --json`,
    )
    .action(async (file: string, flags: AnalyzeFlags) => (await import('../commands/analyze.js')).analyzeCommand(file, flags));
}
