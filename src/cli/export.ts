/**
 * `ergsprint export SESSION --format fit|tcx|csv`: a judged session as a file for Strava, Garmin
 * Connect, intervals.icu or rowsandall. Name, description and options only: the implementation
 * (src/commands/export.ts) is imported when the command runs.
 */
import type { Command } from 'commander';
import type { ExportFlags } from '../commands/export.js';
import { referenceOptions } from './reference-options.js';

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('write a judged session as FIT, TCX or rowingdata CSV (one lap per warm-up, rep, rest, cool-down)')
    .argument('<session>', 'recording (NDJSON)')
    .requiredOption('--format <format>', 'fit, tcx or csv (rowingdata strokes)')
    .option('--out <path>', 'output file (default: beside the recording, <name>.<rower>.<format> when it holds several rowers)')
    .option('--rower <id>', 'export only this rower (needed with --out when the recording holds several)')
    .option('--description', 'also print a one-paragraph summary of the verdicts for the upload description')
    .option('--plan <name|file>', 'workout plan: hiit-30-60, hiit-30-90, or a .json plan file');
  referenceOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  $ ergsprint export fixtures/hiit-allout.ndjson --format fit --out hiit.fit
  $ ergsprint export session.ndjson --format tcx --description
  $ ergsprint export two-rowers.ndjson --format csv --rower sim-2`,
    )
    .action(async (session: string, flags: ExportFlags) => (await import('../commands/export.js')).exportCommand(session, flags));
}
