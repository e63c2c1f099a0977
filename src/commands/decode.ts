import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

/** PLACEHOLDER until its issue lands: replace this file. */
export function register(program: Command): void {
  program
    .command('decode')
    .description('(not built yet)')
    .action(() => {
      throw new CliError('decode is not built yet');
    });
}
