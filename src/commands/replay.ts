/** `ergsprint replay FILE`: serve the live display fed by a recording, at N× speed, optionally looping. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { PlanError, resolvePlan } from '../workouts/parse-plan.js';
import type { Plan } from '../workouts/plan.js';
import { closeOnSignal, parsePort, serveRecording } from './serve-recording.js';

interface Flags {
  speed: string;
  loop?: boolean;
  port: string;
  host?: string;
  token?: string;
  plan?: string;
}

export function register(program: Command): void {
  program
    .command('replay')
    .argument('<file>', 'a recording (.ndjson)')
    .description('serve the live display fed by a recording, as if it were happening now')
    .option('--speed <n>', 'replay speed, × real time', '1')
    .option('--loop', 'start over at the end (each pass is a new session)')
    .option('--port <n>', 'display server port (0 = any free port)', '8080')
    .option('--host <h>', 'display server interface (default 127.0.0.1; others need the printed token)')
    .option('--token <t>', 'access token for changes when --host is not local (default: generated and printed)')
    .option('--plan <name|file>', 'workout plan: a built-in name (hiit-30-60, hiit-30-90) or a .json plan file')
    .action(async (file: string, flags: Flags) => {
      const speed = Number(flags.speed);
      if (!Number.isFinite(speed) || speed <= 0) throw new CliError(`--speed must be a positive number (got "${flags.speed}")`);
      const server = await serveRecording({
        path: file,
        speed,
        loop: flags.loop === true,
        port: parsePort(flags.port),
        source: 'replay',
        banner: `Replay ×${speed}`,
        ...(flags.host !== undefined ? { host: flags.host } : {}),
        ...(flags.token !== undefined ? { token: flags.token } : {}),
        ...(flags.plan !== undefined ? { plan: loadPlan(flags.plan) } : {}),
      });
      await closeOnSignal(server);
    });
}

/** A built-in plan or a plan file, as a CliError when it cannot be read. */
export function loadPlan(nameOrPath: string): Plan {
  try {
    return resolvePlan(nameOrPath, (p) => readFileSync(p, 'utf8'));
  } catch (err) {
    if (err instanceof PlanError || (err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError((err as Error).message);
    throw err;
  }
}
