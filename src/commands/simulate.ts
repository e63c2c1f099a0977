/**
 * `ergsprint simulate`: write a synthetic session (raw FTMS frames, like a real recording) and
 * optionally its ground-truth labels; or, with --ble, serve the simulated rowers over Bluetooth.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CliError } from '../cli-error.js';
import { serializeRecording } from '../recording/writer.js';
import { formatClock } from '../rowing/format.js';
import { p2kFromTimeS } from '../sources/simulator/athlete.js';
import { resolveSimulateOptions, type SimulateOptions, SimulateOptionsError } from '../sources/simulator/simulate-options.js';
import { type SimulatedSession, simulateSession } from '../sources/simulator/simulate-session.js';
import { runBleSimulator } from './simulate-ble.js';
import { cliError } from './exit-codes.js';

export interface SimulateFlags {
  out?: string;
  seed?: string;
  profile?: string;
  hr?: string;
  reps?: string;
  work?: string;
  rest?: string;
  held?: string;
  rateOnly?: string;
  warmup?: string;
  cooldown?: string;
  surges?: string;
  steady?: string;
  ladder?: string;
  piece?: string;
  counterOffset?: string;
  resetAt?: string;
  stopInRest?: string;
  rowers?: string;
  athlete?: string;
  p2k?: string;
  gap?: string;
  startedAt?: string;
  labels?: boolean;
  force?: boolean;
  ble?: boolean;
  drop?: string[];
  malformed?: string[];
  blePort?: string;
  duration?: string;
}

/** The `simulate` command's action (its options are declared in src/cli/simulate.ts). */
export async function simulateCommand(flags: SimulateFlags): Promise<void> {
  const opts = toOptions(flags);
  if (flags.ble) {
    await runBleSimulator({
      ...opts,
      ...(flags.drop ? { drop: flags.drop } : {}),
      ...(flags.malformed ? { malformed: flags.malformed } : {}),
      ...(flags.blePort !== undefined ? { port: blePort(flags.blePort) } : {}),
      ...(flags.duration !== undefined ? { durationS: num('--duration', flags.duration) } : {}),
    });
    return;
  }
  if (flags.out === undefined) throw new CliError('simulate needs --out FILE (or --ble)');
  writeSession(flags.out, opts, flags.labels === true, flags.force === true);
}

/** Parse and check every flag; throws CliError naming the flag. */
export function toOptions(f: SimulateFlags): SimulateOptions {
  const o: SimulateOptions = {
    seed: int('--seed', f.seed),
    reps: int('--reps', f.reps),
    workS: num('--work', f.work),
    restS: num('--rest', f.rest),
    warmupS: num('--warmup', f.warmup),
    cooldownS: num('--cooldown', f.cooldown),
    surges: int('--surges', f.surges),
    stopInRestS: num('--stop-in-rest', f.stopInRest),
    rowers: int('--rowers', f.rowers),
    held: list('--held', f.held),
    rateOnly: list('--rate-only', f.rateOnly),
  };
  if (f.profile !== undefined) o.profile = f.profile as SimulateOptions['profile'];
  if (f.hr !== undefined) o.hr = f.hr as SimulateOptions['hr'];
  if (f.athlete !== undefined) o.preset = f.athlete;
  if (f.startedAt !== undefined) o.startedAt = f.startedAt;
  if (f.steady !== undefined) o.steadyMin = num('--steady', f.steady);
  if (f.ladder !== undefined) o.ladderMin = num('--ladder', f.ladder);
  if (f.piece !== undefined) o.pieceM = num('--piece', f.piece);
  if (f.counterOffset !== undefined) o.counterOffset = counterOffset(f.counterOffset);
  if (f.resetAt !== undefined) o.resetAtS = num('--reset-at', f.resetAt);
  if (f.p2k !== undefined) o.athlete = { p2kW: p2k(f.p2k) };
  if (f.gap !== undefined) o.gap = gap(f.gap);
  try {
    // validate now so bad combinations (e.g. --held 11 with 8 reps) fail before any output
    resolveSimulateOptions(o);
  } catch (err) {
    if (err instanceof SimulateOptionsError) throw cliError(err);
    throw err;
  }
  return o;
}

function writeSession(out: string, opts: SimulateOptions, withLabels: boolean, force: boolean): void {
  const labelsPath = join(dirname(out), `${basename(out, extname(out))}.labels.json`);
  for (const p of withLabels ? [out, labelsPath] : [out]) {
    if (!force && existsSync(p)) throw new CliError(`${p} already exists (use --force to overwrite)`);
  }
  let session;
  try {
    session = simulateSession(opts);
  } catch (err) {
    if (err instanceof SimulateOptionsError) throw cliError(err);
    throw err;
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, serializeRecording(session.header, session.items));
    if (withLabels) writeFileSync(labelsPath, JSON.stringify(session.labels, null, 1) + '\n');
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
  }
  process.stdout.write(`${summaryLine(out, session, withLabels ? labelsPath : undefined)}\n`);
}

/** "wrote FILE: rowers, N sprints, F frames, m:ss[; labels FILE]": the one line `simulate --out` prints. */
export function summaryLine(out: string, session: Pick<SimulatedSession, 'header' | 'items' | 'labels'>, labelsPath?: string): string {
  const frames = session.items.filter((x) => x.kind === 'frame').length;
  const lastT = session.items[session.items.length - 1]?.t ?? 0;
  const work = session.labels.intervals.filter((i) => i.kind === 'work').length;
  const rowers = session.header.rowers.map((r) => r.name).join(', ');
  return `wrote ${out}: ${rowers}, ${work} sprint${work === 1 ? '' : 's'}, ${frames} frames, ${formatClock(lastT / 1000)}${labelsPath !== undefined ? `; labels ${labelsPath}` : ''}`;
}

function num(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0) throw new CliError(`${flag} must be a non-negative number (got "${v}")`);
  return x;
}

function int(flag: string, v: string | undefined): number | undefined {
  const x = num(flag, v);
  if (x !== undefined && !Number.isInteger(x)) throw new CliError(`${flag} must be a whole number (got "${v}")`);
  return x;
}

function list(flag: string, v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  return v.split(',').map((part) => {
    const x = int(flag, part.trim());
    if (x === undefined || x < 1) throw new CliError(`${flag} takes rep numbers from 1, like 3,6 (got "${v}")`);
    return x;
  });
}

/** "7:05" (2k time) or "292" (watts) → P2k, W. */
function p2k(v: string): number {
  const m = /^(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(v);
  const w = m ? p2kFromTimeS(Number(m[1]) * 60 + Number(m[2])) : Number(v);
  if (!Number.isFinite(w) || w < 50 || w > 800) throw new CliError(`--p2k must be a 2k time like 7:05 or a power from 50 to 800 W (got "${v}")`);
  return w;
}

/** "65450" or "65450:12000" → stroke count and distance already on the console. */
function counterOffset(v: string): NonNullable<SimulateOptions['counterOffset']> {
  const m = /^(\d+)(?::(\d+))?$/.exec(v);
  if (!m) throw new CliError(`--counter-offset must be STROKES or STROKES:METRES, like 65450:12000 (got "${v}")`);
  return { strokes: Number(m[1]), distanceM: Number(m[2] ?? 0) };
}

function gap(v: string): NonNullable<SimulateOptions['gap']> {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)(:disconnect)?$/.exec(v);
  if (!m) throw new CliError(`--gap must be AT:DURATION in seconds, like 600:10 (got "${v}")`);
  return { atS: Number(m[1]), durationS: Number(m[2]), ...(m[3] ? { disconnect: true } : {}) };
}

/** --ble-port: 0..65535. */
function blePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`--ble-port must be 0..65535 (got "${text}")`);
  return n;
}
