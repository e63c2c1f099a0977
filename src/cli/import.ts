/**
 * `ergsprint import FILE…`: other apps' session files → ergsprint recordings, then their analysis.
 * Name, description and options only: the implementation (src/commands/import.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { ImportFlags } from '../commands/import.js';

/** The --format names (kept here, not imported, so --help loads no parser). */
const FORMATS = 'auto|fit|tcx|c2-csv|pm-csv|ergdata-csv|rp3-csv|painsled-csv|rowpro-csv|boatcoach-csv|smartrow-csv|rowingdata-csv';

export function register(program: Command): void {
  program
    .command('import')
    .description("import sessions from other apps' files (FIT, TCX, Concept2, ErgData, RP3, Painsled, RowPro, BoatCoach, SmartRow, rowingdata CSV)")
    .argument('<files...>', 'files to import')
    .option('--format <name>', `file format: ${FORMATS}`, 'auto')
    .option('--athlete <name>', 'who rowed (recorded as an athlete event)')
    .option('--out <file>', 'recording to write (one input file only; default: <data dir>/imports/<sha256>.ndjson)')
    .option('--db <path>', 'history database the import joins (default <data dir>/history.db)')
    .addHelpText(
      'after',
      `
The same file imported twice gives one recording: the second time says "already imported as …".

Examples:
  $ ergsprint import painsled.strokes.csv
  $ ergsprint import activity.fit --athlete Ann
  $ ergsprint import smartrow.csv --format smartrow-csv --out s.ndjson`,
    )
    .action(async (files: string[], flags: ImportFlags) => (await import('../commands/import.js')).importCommand(files, flags));
}
