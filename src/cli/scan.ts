/**
 * `ergsprint scan`: list FTMS rowers and heart-rate straps in range, then exit.
 * Name, description and options only: the implementation (src/commands/scan.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../config.js';
import type { ScanFlags as Flags } from '../commands/scan.js';

export function register(program: Command): void {
  program
    .command('scan')
    .description('list FTMS rowers and heart-rate straps in range, then exit')
    .option('--timeout <s>', 'how long to listen, s', String(DEFAULTS.ble.scanS))
    .option('--json', 'print one JSON document instead of a table')
    .option('--all', 'also list devices that are neither rowers nor straps')
    .option('--profiles <file>', 'extra device profiles (JSON), default <data dir>/profiles.json')
    .addHelpText('after', '\nA rower that advertises nothing recognisable is not listed; `ergsprint live --rower NAME` still finds it by GATT discovery.')
    .action(async (flags: Flags) => (await import('../commands/scan.js')).scanCommand(flags));
}
