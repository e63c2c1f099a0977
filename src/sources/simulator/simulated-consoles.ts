/**
 * How each simulated console MISBEHAVES — one real quirk per entry
 * (docs/ftms.md §4 "Rules learned from real machines"). Each `imitates` a
 * `ConsoleProfile` of src/ftms/device-profiles.ts (how ergsprint READS that console): the
 * advertised name comes from the imitated profile's first name prefix, so the product recognises
 * the simulator as the console it imitates, and the BLE start-up (Request Control + Start or not)
 * is the imitated profile's. Entries are data; emit-frames.ts walks them. Keys are the `--profile` values.
 */
import { BUILTIN_PROFILES, type ConsoleProfile, GENERIC_PROFILE } from '../../ftms/device-profiles.js';

export type ProfileName = 'ideal' | 'hz1-hold' | 'per-stroke' | 'pm5-split' | 'whole-spm' | 'stale' | 'no-power' | 'dropped' | 'i-rower' | 'refuse-start';

/** When notifications go out: at each stroke end, on a 1 Hz timer, or both. */
export type Cadence = 'stroke' | '1hz' | 'stroke+1hz';

export interface SimulatedConsole {
  name: ProfileName;
  /** what it shows */
  description: string;
  /** id of the `ConsoleProfile` it imitates ('generic': any spec-following FTMS rower) */
  imitates: string;
  /** appended to the imitated profile's name prefix (or GENERIC_NAME) to make the advertised name */
  nameSuffix: string;
  cadence: Cadence;
  /**
   * Concept2 PM5: each record split over two notifications a few ms apart — part A
   * power/pace/distance/elapsed with More Data = 1, part B stroke rate/count/energy.
   */
  split: boolean;
  /** PM5 in a programmed rest: stroke rate stays at the last work stroke's value */
  rateFrozenInRest: boolean;
  /** Kingsmith WR1, Whipr, Merach Q1S: stroke rate sent in whole spm, ignoring the 0.5 scale */
  wholeSpm: boolean;
  /** WaterRower S4 ComModule: last stroke rate/pace/power repeated while stopped (count frozen) */
  staleWhenStopped: boolean;
  /** false: no power fields, pace only */
  power: boolean;
  /** probability that a notification is lost */
  dropProbability: number;
  /** over BLE: answers Start with "control not permitted" and streams anyway (consoles seen doing so) */
  refusesStart: boolean;
}

/** Advertised-name stem of a console imitating the generic profile (which has no name prefix). */
export const GENERIC_NAME = 'SIM Rower';

const base = { split: false, rateFrozenInRest: false, wholeSpm: false, staleWhenStopped: false, power: true, dropProbability: 0, refusesStart: false } as const;
const generic = { ...base, imitates: GENERIC_PROFILE.id } as const;

export const simulatedConsoles: Readonly<Record<ProfileName, SimulatedConsole>> = Object.freeze({
  ideal: { ...generic, name: 'ideal', cadence: 'stroke+1hz', nameSuffix: '', description: 'a complete record at every stroke end and every second' },
  'hz1-hold': { ...generic, name: 'hz1-hold', cadence: '1hz', nameSuffix: ' 1Hz', description: '1 Hz sample-and-hold of the last stroke values' },
  'per-stroke': { ...generic, name: 'per-stroke', cadence: 'stroke', nameSuffix: ' Stroke', description: 'one notification per stroke, nothing in between' },
  'pm5-split': { ...base, name: 'pm5-split', imitates: 'concept2-pm5', cadence: '1hz', split: true, rateFrozenInRest: true, nameSuffix: ' 430000001 Row', description: 'Concept2 PM5 split records (A: power/pace/distance, More Data=1; B: rate/count/energy); rate frozen in rests' },
  'whole-spm': { ...base, name: 'whole-spm', imitates: 'kingsmith-wr1', cadence: '1hz', wholeSpm: true, nameSuffix: ' SIM', description: 'stroke rate in whole spm without the 0.5 scale (spec decode reads half)' },
  stale: { ...base, name: 'stale', imitates: 'waterrower-s4', cadence: '1hz', staleWhenStopped: true, nameSuffix: ' SIM', description: 'WaterRower S4: last rate/pace/power repeated while stopped, stroke count frozen' },
  'no-power': { ...generic, name: 'no-power', cadence: '1hz', power: false, nameSuffix: ' NoPower', description: 'no power field: pace only' },
  dropped: { ...generic, name: 'dropped', cadence: '1hz', dropProbability: 0.08, nameSuffix: ' Lossy', description: '1 Hz with ~8 % of notifications lost at random' },
  'i-rower': { ...base, name: 'i-rower', imitates: 'i-rower', cadence: '1hz', nameSuffix: ' SIM', description: 'I-Rower: streams nothing over BLE until Request Control then Start (1 Hz data)' },
  'refuse-start': { ...base, name: 'refuse-start', imitates: 'i-rower', cadence: '1hz', refusesStart: true, nameSuffix: ' SIM Refuse', description: 'a control-start console that answers Start with "control not permitted" over BLE, yet streams (1 Hz data)' },
});

export const PROFILE_NAMES = Object.keys(simulatedConsoles) as ProfileName[];

/** The `ConsoleProfile` a simulated console imitates (GENERIC_PROFILE for 'generic'); throws for an unknown id (a table error). */
export function imitatedProfile(sim: SimulatedConsole): ConsoleProfile {
  if (sim.imitates === GENERIC_PROFILE.id) return GENERIC_PROFILE;
  const profile = BUILTIN_PROFILES.find((p) => p.id === sim.imitates);
  if (!profile) throw new Error(`simulated console ${sim.name} imitates unknown profile ${sim.imitates}`);
  return profile;
}

/** The name it advertises (first rower; later rowers get " 2", " 3"...): the imitated profile's first prefix + suffix. */
export function advertisedName(sim: SimulatedConsole): string {
  return `${imitatedProfile(sim).namePrefixes[0] ?? GENERIC_NAME}${sim.nameSuffix}`;
}

/** Where heart rate comes from: a strap's own 2a37 frames, the rower's HR field, or nowhere. */
export type HrSource = 'strap' | 'rower' | 'none';
export const HR_SOURCES: readonly HrSource[] = ['strap', 'rower', 'none'];

export const isProfileName = (x: string): x is ProfileName => (PROFILE_NAMES as string[]).includes(x);
