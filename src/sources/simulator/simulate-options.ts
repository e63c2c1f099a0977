/**
 * Options of a simulated session: one commented defaults object (the CLI derives its flags and
 * help from it), validated once into a frozen, fully-resolved form. Bad input throws
 * SimulateOptionsError with a `code`.
 */
import { type Athlete, athletePresets } from './athlete.js';
import { type HrSource, HR_SOURCES, isProfileName, PROFILE_NAMES, type ProfileName } from './simulated-consoles.js';
import type { GapOption } from './emit-frames.js';

/** Per-rower choices when a recording holds several rowers. */
export interface RowerOptions {
  id?: string;
  name?: string;
  profile?: ProfileName;
  hr?: HrSource;
  /** a preset name ('default' | 'weak' | 'strong') */
  preset?: string;
  athlete?: Partial<Athlete>;
  held?: number[];
  rateOnly?: number[];
  stopInRestS?: number;
}

export interface SimulateOptions {
  seed?: number;
  profile?: ProfileName;
  hr?: HrSource;
  reps?: number;
  workS?: number;
  restS?: number;
  held?: number[];
  rateOnly?: number[];
  warmupS?: number;
  cooldownS?: number;
  /** minutes of steady rowing instead of intervals (0 = intervals) */
  steadyMin?: number;
  /** minutes of a steady rate ladder (18→28 spm in 2-spm steps) instead of intervals (0 = none) */
  ladderMin?: number;
  /** metres of one continuous maximal test piece (e.g. 2000) instead of intervals (0 = none) */
  pieceM?: number;
  /** console counters already above 0 when the session starts */
  counterOffset?: CounterOffset;
  /** recording time, s, at which the console resets its counters to 0 (undefined = never) */
  resetAtS?: number;
  /** short pick-ups (< 15 s) in the warm-up */
  surges?: number;
  /** standstill at the start of each rest, s */
  stopInRestS?: number;
  gap?: GapOption;
  /** how many rowers, or one option list per rower */
  rowers?: number | RowerOptions[];
  /** athlete preset for every rower ('default' | 'weak' | 'strong') */
  preset?: string;
  athlete?: Partial<Athlete>;
  /** ISO-8601 wall-clock time of t = 0 (fixed default so fixtures are reproducible) */
  startedAt?: string;
}

/** Stroke count and distance a console already shows when the session starts. */
export interface CounterOffset {
  strokes: number;
  distanceM: number;
}

/** The defaults: the seed protocol, 30 s all-out / 90 s slow row × 8, one rower, 1 Hz device. */
export const simulateDefaults = Object.freeze({
  seed: 1,
  profile: 'hz1-hold' as ProfileName,
  /** heart rate from a strap (separate 2a37 frames) */
  hr: 'strap' as HrSource,
  reps: 8,
  workS: 30,
  restS: 90,
  /** 6 min easy with two 8 s surges */
  warmupS: 360,
  surges: 2,
  cooldownS: 600,
  steadyMin: 0,
  ladderMin: 0,
  pieceM: 0,
  stopInRestS: 0,
  rowers: 1,
  preset: 'default',
  startedAt: '2026-01-05T07:00:00.000Z',
});

export type SimulateErrorCode = 'BAD_NUMBER' | 'BAD_PROFILE' | 'BAD_HR' | 'BAD_REP' | 'BAD_PRESET' | 'BAD_GAP' | 'BAD_DATE' | 'BAD_PROTOCOL';

export class SimulateOptionsError extends Error {
  constructor(
    readonly code: SimulateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulateOptionsError';
  }
}

export interface ResolvedRower {
  id: string;
  name?: string;
  profile: ProfileName;
  hr: HrSource;
  athlete: Partial<Athlete>;
  held: number[];
  rateOnly: number[];
  stopInRestS: number;
}

export type ResolvedOptions = Readonly<Omit<Required<SimulateOptions>, 'rowers' | 'gap' | 'held' | 'rateOnly' | 'profile' | 'hr' | 'athlete' | 'preset' | 'counterOffset' | 'resetAtS'>> & {
  gap?: GapOption;
  counterOffset?: CounterOffset;
  resetAtS?: number;
  rowers: readonly ResolvedRower[];
};

/** Fill defaults and check every option; throws SimulateOptionsError. */
export function resolveSimulateOptions(o: SimulateOptions = {}): ResolvedOptions {
  const d = simulateDefaults;
  const num = (name: string, v: number | undefined, def: number, min: number, max: number, integer = false): number => {
    const x = v ?? def;
    if (!Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) {
      throw new SimulateOptionsError('BAD_NUMBER', `${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got ${String(v)})`);
    }
    return x;
  };
  const seed = num('seed', o.seed, d.seed, 0, 2 ** 32 - 1, true);
  const steadyMin = num('steady', o.steadyMin, d.steadyMin, 0, 240);
  const ladderMin = num('ladder', o.ladderMin, d.ladderMin, 0, 240);
  const pieceM = num('piece', o.pieceM, d.pieceM, 0, 10000);
  if (pieceM > 0 && pieceM < 100) throw new SimulateOptionsError('BAD_NUMBER', `piece must be from 100 to 10000 m (got ${pieceM})`);
  if ([steadyMin, ladderMin, pieceM].filter((x) => x > 0).length > 1) throw new SimulateOptionsError('BAD_PROTOCOL', 'choose one of steady, ladder and piece');
  const reps = steadyMin > 0 || ladderMin > 0 ? 0 : pieceM > 0 ? 1 : num('reps', o.reps, d.reps, 1, 30, true);
  const workS = num('work', o.workS, d.workS, 10, 600);
  const restS = num('rest', o.restS, d.restS, 20, 900);
  const warmupS = num('warmup', o.warmupS, d.warmupS, 0, 3600);
  const cooldownS = num('cooldown', o.cooldownS, d.cooldownS, 0, 3600);
  const surges = num('surges', o.surges, d.surges, 0, 5, true);
  const startedAt = o.startedAt ?? d.startedAt;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(startedAt) || Number.isNaN(Date.parse(startedAt))) throw new SimulateOptionsError('BAD_DATE', `startedAt must be an ISO-8601 date-time (got ${startedAt})`);
  const rowerList: RowerOptions[] = typeof o.rowers === 'object' ? o.rowers : Array.from({ length: num('rowers', o.rowers, d.rowers, 1, 8, true) }, () => ({}));
  if (rowerList.length < 1 || rowerList.length > 8) throw new SimulateOptionsError('BAD_NUMBER', 'rowers must be from 1 to 8');
  const rowers = rowerList.map((r, i): ResolvedRower => {
    const profile = r.profile ?? o.profile ?? d.profile;
    if (!isProfileName(profile)) throw new SimulateOptionsError('BAD_PROFILE', `unknown profile "${String(profile)}" (valid: ${PROFILE_NAMES.join(', ')})`);
    const hr = r.hr ?? o.hr ?? d.hr;
    if (!HR_SOURCES.includes(hr)) throw new SimulateOptionsError('BAD_HR', `unknown heart-rate source "${String(hr)}" (valid: ${HR_SOURCES.join(', ')})`);
    const presetName = r.preset ?? o.preset ?? d.preset;
    const preset = athletePresets[presetName];
    if (!preset) throw new SimulateOptionsError('BAD_PRESET', `unknown athlete "${presetName}" (valid: ${Object.keys(athletePresets).join(', ')})`);
    const held = checkReps('held', r.held ?? o.held ?? [], reps);
    const rateOnly = checkReps('rate-only', r.rateOnly ?? o.rateOnly ?? [], reps);
    const both = held.find((n) => rateOnly.includes(n));
    if (both !== undefined) throw new SimulateOptionsError('BAD_REP', `rep ${both} cannot be both held back and rate-only`);
    const stopInRestS = num('stop-in-rest', r.stopInRestS ?? o.stopInRestS, d.stopInRestS, 0, Math.max(0, restS - 15));
    const id = r.id ?? `sim-${i + 1}`;
    return { id, ...(r.name !== undefined ? { name: r.name } : {}), profile, hr, athlete: { ...preset, ...o.athlete, ...r.athlete }, held, rateOnly, stopInRestS };
  });
  const ids = new Set(rowers.map((r) => r.id));
  if (ids.size !== rowers.length) throw new SimulateOptionsError('BAD_NUMBER', 'rower ids must be unique');
  if (o.gap) {
    const { atS, durationS } = o.gap;
    if (!(Number.isFinite(atS) && atS >= 0 && Number.isFinite(durationS) && durationS > 0 && durationS <= 600)) {
      throw new SimulateOptionsError('BAD_GAP', `gap must start at ≥ 0 s and last 0–600 s (got ${atS}:${durationS})`);
    }
  }
  const counterOffset = o.counterOffset && { strokes: num('counter-offset strokes', o.counterOffset.strokes, 0, 0, 65535, true), distanceM: num('counter-offset distance', o.counterOffset.distanceM, 0, 0, 1e6, true) };
  const resetAtS = o.resetAtS === undefined ? undefined : num('reset-at', o.resetAtS, 0, 1, 86400);
  return Object.freeze({
    seed, reps, workS, restS, warmupS, cooldownS, steadyMin, ladderMin, pieceM, surges, stopInRestS: d.stopInRestS, startedAt,
    ...(o.gap ? { gap: { ...o.gap } } : {}),
    ...(counterOffset ? { counterOffset } : {}),
    ...(resetAtS !== undefined ? { resetAtS } : {}),
    rowers,
  });
}

function checkReps(flag: string, reps: number[], total: number): number[] {
  for (const n of reps) {
    if (!Number.isInteger(n) || n < 1 || n > total) {
      throw new SimulateOptionsError('BAD_REP', `${flag} rep ${String(n)} is out of range (the session has ${total} rep${total === 1 ? '' : 's'})`);
    }
  }
  return [...new Set(reps)].sort((a, b) => a - b);
}
