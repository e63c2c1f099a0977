#!/usr/bin/env node
/**
 * The `ergsprint` executable: `--version` answers before anything else is loaded (a shell prompt or
 * a package manager asks it often); every other command goes to the CLI (src/cli.ts), which loads
 * only the declarations and then the one command that runs.
 */
import { VERSION } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./cli.js');
  run(process.argv);
}
