/**
 * The display-server options of live, replay and start (`--port`, `--host`, `--token`,
 * `--allow-origin`), declared once; defaults from DEFAULTS (src/config.ts). Their checks:
 * src/commands/server-options.ts, loaded when the command runs.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../config.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** Adds the four options to a command. */
export function serverOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'display server port (0 = any free port)', String(DEFAULTS.server.port))
    .option('--host <h>', `display server interface (default ${DEFAULTS.server.host}; others need the printed token)`)
    .option('--token <t>', 'access token for changes when --host is not local (default: generated and printed)')
    .option('--allow-origin <origin>', `also accept /ws and changes from pages of this origin, e.g. http://rowpc.local:${DEFAULTS.server.port} (repeatable)`, collect, [] as string[]);
}
