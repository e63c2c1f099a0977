/**
 * `ergsprint history`: past sessions from the history database (list, show, bests, rebuild, rm).
 * Name, description and options only: the implementation (src/commands/history.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it (nor SQLite).
 */
import type { Command } from 'commander';
import type { HistoryFlags } from '../commands/history.js';

const DB_HELP = 'history database (default $XDG_DATA_HOME/ergsprint/history.db)';

const impl = (): Promise<typeof import('../commands/history.js')> => import('../commands/history.js');

/** The flags of this command and its parent (`history --db X show ID` and `history show ID --db X` both work). */
const flagsOf = (cmd: Command): HistoryFlags => cmd.optsWithGlobals<HistoryFlags>();

export function register(program: Command): void {
  const history = program
    .command('history')
    .description('past sessions: list them (newest first), show one, personal bests, rebuild the index from the recordings')
    .option('--athlete <name>', 'only this athlete\'s sessions')
    .option('--json', 'print JSON (the README\'s contract) on stdout')
    .option('--db <path>', DB_HELP)
    .action(async (_flags: HistoryFlags, cmd: Command) => (await impl()).historyListCommand(flagsOf(cmd)));
  history
    .command('show')
    .description('one session: summary and intervals with verdicts')
    .argument('<id>', 'session id (from "ergsprint history")')
    .option('--json', 'print JSON on stdout')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, _flags: HistoryFlags, cmd: Command) => (await impl()).historyShowCommand(id, flagsOf(cmd)));
  history
    .command('bests')
    .description('best reps by duration band, best single pieces (500 m, 1k, 2k, 5k, 30 min), the power–duration curve')
    .option('--athlete <name>', 'only this athlete\'s sessions')
    .option('--json', 'print JSON on stdout')
    .option('--db <path>', DB_HELP)
    .action(async (_flags: HistoryFlags, cmd: Command) => (await impl()).historyBestsCommand(flagsOf(cmd)));
  history
    .command('rebuild')
    .description('re-create the index from every recording in the data folder (sessions/ and imports/), oldest first')
    .option('--db <path>', DB_HELP)
    .action(async (_flags: HistoryFlags, cmd: Command) => (await impl()).historyRebuildCommand(flagsOf(cmd)));
  history
    .command('rm')
    .description('remove a session from the index (the recording stays; "history rebuild" brings it back)')
    .argument('<id>', 'session id')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, _flags: HistoryFlags, cmd: Command) => (await impl()).historyRemoveCommand(id, flagsOf(cmd)));
  history.addHelpText(
    'after',
    `
Examples:
  $ ergsprint history
  $ ergsprint history --athlete Ann --json
  $ ergsprint history show 3f9c2a71be
  $ ergsprint history bests --athlete Ann
  $ ergsprint history rebuild`,
  );
}
