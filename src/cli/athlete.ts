/**
 * `ergsprint athlete`: the athletes of the history (add, list).
 * Name, description and options only: the implementation (src/commands/athlete.ts) is imported when
 * the command runs.
 */
import type { Command } from 'commander';
import type { AthleteFlags } from '../commands/athlete.js';

const DB_HELP = 'history database (default $XDG_DATA_HOME/ergsprint/history.db)';

const impl = (): Promise<typeof import('../commands/athlete.js')> => import('../commands/athlete.js');

export function register(program: Command): void {
  const athlete = program.command('athlete').description('the athletes sessions are filed under: add one, list them');
  athlete
    .command('add')
    .description('add an athlete (names are unique, case-insensitive)')
    .argument('<name>', 'athlete name')
    .option('--2k <m:ss>', 'best 2k time, M:SS or M:SS.t')
    .option('--hrmax <bpm>', 'maximal heart rate, 100–230 bpm')
    .option('--weight <kg>', 'body weight, 30–200 kg')
    .option('--db <path>', DB_HELP)
    .action(async (name: string, _flags: AthleteFlags, cmd: Command) => (await impl()).athleteAddCommand(name, cmd.optsWithGlobals<AthleteFlags>()));
  athlete
    .command('list')
    .description('list the athletes')
    .option('--json', 'print JSON on stdout')
    .option('--db <path>', DB_HELP)
    .action(async (_flags: AthleteFlags, cmd: Command) => (await impl()).athleteListCommand(cmd.optsWithGlobals<AthleteFlags>()));
  athlete.addHelpText(
    'after',
    `
Examples:
  $ ergsprint athlete add Ann --2k 7:05 --hrmax 192 --weight 68
  $ ergsprint athlete list --json`,
  );
}
