/**
 * `ergsprint analyze FILE`: intervals, stats and all-out verdicts of a recording (table or --json).
 * Name, description and options only: the implementation (src/commands/analyze.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { AnalyzeFlags } from '../commands/analyze.js';

export function register(program: Command): void {
  program
    .command('analyze')
    .description('find the work/rest intervals of a recording and judge every sprint')
    .argument('<file>', 'recording (NDJSON)')
    .option('--json', 'print the analysis as JSON (the documented contract) on stdout')
    .option('--plan <name|file>', 'workout plan: hiit-30-60, hiit-30-90, or a .json plan file')
    .option('--ref-2k <m:ss>', 'your 2k time, as the reference for sprint 1 (e.g. 7:05)')
    .option('--ref-500m <m:ss.s>', 'your 500 m time, as the reference for sprint 1 (e.g. 1:32.5)')
    .addHelpText(
      'after',
      `
Examples:
  $ ergsprint analyze fixtures/hiit-allout.ndjson
  $ ergsprint analyze session.ndjson --plan hiit-30-90 --ref-2k 7:05 --json`,
    )
    .action(async (file: string, flags: AnalyzeFlags) => (await import('../commands/analyze.js')).analyzeCommand(file, flags));
}
