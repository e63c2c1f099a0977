/** Athletes of the history: a name (unique, case-insensitive) with an optional 2k time, HRmax and weight. */
import type { Database } from 'better-sqlite3';
import { DECLARED_RANGES_S } from '../analysis/reference.js';
import { HistoryError } from './history-error.js';

export interface Athlete {
  name: string;
  /** declared 2k time, s */
  time2kS?: number;
  /** maximal heart rate, bpm */
  hrmax?: number;
  weightKg?: number;
  /** ISO-8601 */
  created: string;
}

export type NewAthlete = Omit<Athlete, 'created'>;

/** Accepted ranges (the CLI's `athlete add` checks the same): HRmax in bpm, weight in kg. */
export const ATHLETE_LIMITS = Object.freeze({ nameMaxChars: 80, hrmax: [100, 230] as const, weightKg: [30, 200] as const });

interface Row {
  name: string;
  time2k_s: number | null;
  hrmax: number | null;
  weight_kg: number | null;
  created: string;
}

function fromRow(r: Row): Athlete {
  const a: Athlete = { name: r.name, created: r.created };
  if (r.time2k_s !== null) a.time2kS = r.time2k_s;
  if (r.hrmax !== null) a.hrmax = r.hrmax;
  if (r.weight_kg !== null) a.weightKg = r.weight_kg;
  return a;
}

/** A validated athlete (throws HistoryError BAD_ATHLETE naming the field). */
export function checkAthlete(a: NewAthlete): NewAthlete {
  const name = a.name.trim();
  if (name === '' || name.length > ATHLETE_LIMITS.nameMaxChars || /[\u0000-\u001f]/.test(name)) {
    throw new HistoryError('BAD_ATHLETE', `athlete name must be 1–${ATHLETE_LIMITS.nameMaxChars} printable characters`);
  }
  const { minS, maxS } = DECLARED_RANGES_S['2k'];
  if (a.time2kS !== undefined && !(a.time2kS >= minS && a.time2kS <= maxS)) throw new HistoryError('BAD_ATHLETE', `2k time must be between ${minS} and ${maxS} s`);
  const [h0, h1] = ATHLETE_LIMITS.hrmax;
  if (a.hrmax !== undefined && !(Number.isInteger(a.hrmax) && a.hrmax >= h0 && a.hrmax <= h1)) throw new HistoryError('BAD_ATHLETE', `HRmax must be a whole number of bpm from ${h0} to ${h1}`);
  const [w0, w1] = ATHLETE_LIMITS.weightKg;
  if (a.weightKg !== undefined && !(a.weightKg >= w0 && a.weightKg <= w1)) throw new HistoryError('BAD_ATHLETE', `weight must be from ${w0} to ${w1} kg`);
  return { ...a, name };
}

export function insertAthlete(db: Database, input: NewAthlete, createdIso: string): Athlete {
  const a = checkAthlete(input);
  try {
    db.prepare('INSERT INTO athletes (name, time2k_s, hrmax, weight_kg, created) VALUES (?, ?, ?, ?, ?)').run(a.name, a.time2kS ?? null, a.hrmax ?? null, a.weightKg ?? null, createdIso);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new HistoryError('DUPLICATE_ATHLETE', `an athlete named "${a.name}" already exists`);
    throw err;
  }
  return { ...a, created: createdIso };
}

export function selectAthletes(db: Database): Athlete[] {
  return (db.prepare('SELECT name, time2k_s, hrmax, weight_kg, created FROM athletes ORDER BY name COLLATE NOCASE').all() as Row[]).map(fromRow);
}

export function selectAthlete(db: Database, name: string): Athlete | undefined {
  const row = db.prepare('SELECT name, time2k_s, hrmax, weight_kg, created FROM athletes WHERE name = ?').get(name.trim()) as Row | undefined;
  return row ? fromRow(row) : undefined;
}
