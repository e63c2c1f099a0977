import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

/** PLACEHOLDER until its issue lands: replace this file. */
export function register(program: Command): void {
  program
    .command('scan')
    .description('(not built yet)')
    .action(() => {
      throw new CliError('scan is not built yet');
    });
}
