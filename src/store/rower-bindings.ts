/**
 * Names and athletes bound to rowers, kept across daemon restarts in `<data dir>/rowers.json`:
 *
 *   {"version":1,"rowers":{"e75100000001":{"name":"Lane 3","athlete":"Ada"}}}
 *
 * Written whole, atomically (a temporary file in the same directory, then rename), so a crash
 * leaves the old file or the new one, never half of one. A file that does not validate is one
 * warning line and an empty table, never a crash.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A rower id as the REST API accepts it. */
export const ROWER_ID = /^[A-Za-z0-9_.:@-]{1,64}$/;
/** Longest display name and athlete name, characters (the REST API's caps). */
export const NAME_MAX = 40;
export const ATHLETE_MAX = 80;

export interface RowerBinding {
  /** display name set by people (wins over the advertised one) */
  name?: string;
  athlete?: string;
}

export type RowerBindings = Record<string, RowerBinding>;

/** The file's path under a data directory. */
export const bindingsPath = (dir: string): string => join(dir, 'rowers.json');

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
// lengths in code points, as the REST API's JSON schema counts them
const okText = (x: unknown, max: number): x is string => typeof x === 'string' && x.trim() !== '' && [...x].length <= max;

/** Validates parsed JSON as a bindings file; returns the table or a one-line reason. */
export function parseBindings(x: unknown): RowerBindings | string {
  if (!isObj(x) || x['version'] !== 1 || !isObj(x['rowers'])) return 'expected {"version":1,"rowers":{...}}';
  const out: RowerBindings = {};
  for (const [id, b] of Object.entries(x['rowers'])) {
    if (!ROWER_ID.test(id)) return `rower id ${JSON.stringify(id.slice(0, 70))} is not a rower id`;
    if (!isObj(b)) return `rowers.${id} must be an object`;
    const { name, athlete, ...rest } = b;
    if (Object.keys(rest).length > 0) return `rowers.${id} has unknown fields (${Object.keys(rest).join(', ')})`;
    if (name !== undefined && !okText(name, NAME_MAX)) return `rowers.${id}.name must be 1–${NAME_MAX} characters`;
    if (athlete !== undefined && !okText(athlete, ATHLETE_MAX)) return `rowers.${id}.athlete must be 1–${ATHLETE_MAX} characters`;
    out[id] = { ...(name !== undefined ? { name } : {}), ...(athlete !== undefined ? { athlete } : {}) };
  }
  return out;
}

/** Reads the file; a missing file is an empty table, a bad one is an empty table and one `warn` line. */
export function loadBindings(path: string, warn: (line: string) => void): RowerBindings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); rower names start empty`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warn(`${path}: not JSON; rower names start empty`);
    return {};
  }
  const b = parseBindings(parsed);
  if (typeof b === 'string') {
    warn(`${path}: ${b}; rower names start empty`);
    return {};
  }
  return b;
}

/** Writes the whole table atomically; throws the file system's error (the caller warns and goes on). */
export function saveBindings(path: string, bindings: RowerBindings): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify({ version: 1, rowers: bindings }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
