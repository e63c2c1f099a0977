/**
 * Where ergsprint keeps its files: `$XDG_DATA_HOME/ergsprint`, else `~/.local/share/ergsprint`.
 * Live sessions go to `sessions/<ISO>.ndjson`, imported ones to `imports/<sha256>.ndjson`; user
 * device profiles to `profiles.json`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The data directory for `env` (default: this process's environment). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  return xdg && xdg.trim() !== '' ? join(xdg, 'ergsprint') : join(env.HOME ?? homedir(), '.local', 'share', 'ergsprint');
}

/** Default path of a new live recording started at `startedAtIso` (colons replaced: valid on every OS). */
export function sessionRecordingPath(startedAtIso: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'sessions', `${startedAtIso.replace(/:/g, '-')}.ndjson`);
}

/**
 * Default path of the recording imported from a file whose bytes hash to `sha256` (hex): the same
 * file always maps to the same recording, so importing it again finds the first import.
 */
export function importRecordingPath(sha256: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'imports', `${sha256}.ndjson`);
}

/** The history database: `<data dir>/history.db`. */
export function historyDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'history.db');
}
