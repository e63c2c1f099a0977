/** `ergsprint athlete add|list` (options declared in src/cli/athlete.ts). Wiring only. */
import { parseDeclaredTime, RowTimeError } from '../analysis/reference.js';
import { formatRowTime } from '../rowing/format.js';
import { CliError } from '../cli-error.js';
import { ATHLETE_LIMITS, type Athlete, type NewAthlete } from '../store/athletes.js';
import { openHistoryIndex } from '../store/history-index.js';
import { withHistory, type DbFlags } from './history-db.js';
import { textTable } from './text-table.js';

export interface AthleteFlags extends DbFlags {
  '2k'?: string;
  hrmax?: string;
  weight?: string;
  json?: boolean;
}

function numberFlag(flag: string, text: string, [min, max]: readonly [number, number], unit: string, integer: boolean): number {
  const s = text.trim();
  const ok = integer ? /^\d+$/.test(s) : /^\d+(\.\d+)?$/.test(s);
  const v = Number(s);
  if (!ok || v < min || v > max) throw new CliError(`${flag} "${text}": give ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} ${unit}`);
  return v;
}

/** The athlete the flags describe (bad values → CliError, exit 2). */
export function athleteFromFlags(name: string, flags: AthleteFlags): NewAthlete {
  const a: NewAthlete = { name };
  if (name.trim() === '') throw new CliError('athlete add: give a name');
  if (name.trim().length > ATHLETE_LIMITS.nameMaxChars) throw new CliError(`athlete add: a name has at most ${ATHLETE_LIMITS.nameMaxChars} characters`);
  if (flags['2k'] !== undefined) {
    try {
      a.time2kS = parseDeclaredTime(flags['2k'], '2k');
    } catch (err) {
      if (err instanceof RowTimeError) throw new CliError(`--2k: ${err.message}`);
      throw err;
    }
  }
  if (flags.hrmax !== undefined) a.hrmax = numberFlag('--hrmax', flags.hrmax, ATHLETE_LIMITS.hrmax, 'bpm', true);
  if (flags.weight !== undefined) a.weightKg = numberFlag('--weight', flags.weight, ATHLETE_LIMITS.weightKg, 'kg', false);
  return a;
}

const describe = (a: Athlete): string[] => [a.time2kS !== undefined ? `2k ${formatRowTime(a.time2kS)}` : '', a.hrmax !== undefined ? `HRmax ${a.hrmax}` : '', a.weightKg !== undefined ? `${a.weightKg} kg` : ''].filter((x) => x !== '');

/** The `athlete list --json` shape of an athlete (absent values null). */
export function athleteJson(a: Athlete): { name: string; time2kS: number | null; hrmax: number | null; weightKg: number | null; created: string } {
  return { name: a.name, time2kS: a.time2kS ?? null, hrmax: a.hrmax ?? null, weightKg: a.weightKg ?? null, created: a.created };
}

export async function athleteAddCommand(name: string, flags: AthleteFlags): Promise<void> {
  const input = athleteFromFlags(name, flags);
  await withHistory(flags, openHistoryIndex, (h) => {
    const a = h.addAthlete(input);
    const details = describe(a);
    process.stdout.write(`added athlete ${a.name}${details.length > 0 ? ` (${details.join(', ')})` : ''}\n`);
  });
}

export async function athleteListCommand(flags: AthleteFlags): Promise<void> {
  await withHistory(flags, openHistoryIndex, (h) => {
    const athletes = h.listAthletes();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ athletes: athletes.map(athleteJson) })}\n`);
      return;
    }
    if (athletes.length === 0) {
      process.stdout.write('no athletes yet ("ergsprint athlete add NAME")\n');
      return;
    }
    const rows = athletes.map((a) => [a.name, a.time2kS !== undefined ? formatRowTime(a.time2kS) : '–', a.hrmax !== undefined ? String(a.hrmax) : '–', a.weightKg !== undefined ? `${a.weightKg} kg` : '–', a.created.slice(0, 10)]);
    process.stdout.write(`${textTable([['name', '2k', 'HRmax', 'weight', 'added'], ...rows]).join('\n')}\n`);
  });
}
