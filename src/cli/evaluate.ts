/**
 * `ergsprint evaluate DIR`: score the analysis against every labelled recording in DIR.
 * Name, description and options only: the implementation (src/commands/evaluate.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('evaluate')
    .description('score the analysis against ground-truth labels for every labelled recording in a folder')
    .argument('<dir>', 'folder with *.ndjson recordings and their *.labels.json')
    .option('--json', 'print the scores as JSON')
    .addHelpText('after', '\nExample:\n  $ ergsprint evaluate fixtures')
    .action(async (dir: string, flags: { json?: boolean }) => (await import('../commands/evaluate.js')).evaluateCommand(dir, flags));
}
