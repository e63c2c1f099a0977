/**
 * How each simulated device EMITS Rower Data — one real quirk per profile
 * (/work/shared/ftms/REFERENCE.md "Rules learned from real machines"). Profiles are data;
 * emit-frames.ts walks them. Names are the `--profile` values.
 */

export type ProfileName = 'ideal' | 'hz1-hold' | 'per-stroke' | 'pm5-split' | 'whole-spm' | 'stale' | 'no-power' | 'dropped';

/** When notifications go out: at each stroke end, on a 1 Hz timer, or both. */
export type Cadence = 'stroke' | '1hz' | 'stroke+1hz';

export interface DeviceProfile {
  name: ProfileName;
  /** what it shows */
  description: string;
  /** advertised BLE name (first rower; later rowers get " 2", " 3"...) */
  advertisedName: string;
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
}

const base = { split: false, rateFrozenInRest: false, wholeSpm: false, staleWhenStopped: false, power: true, dropProbability: 0 } as const;

export const deviceProfiles: Readonly<Record<ProfileName, DeviceProfile>> = Object.freeze({
  ideal: { ...base, name: 'ideal', cadence: 'stroke+1hz', advertisedName: 'SIM Rower', description: 'a complete record at every stroke end and every second' },
  'hz1-hold': { ...base, name: 'hz1-hold', cadence: '1hz', advertisedName: 'SIM Rower 1Hz', description: '1 Hz sample-and-hold of the last stroke values' },
  'per-stroke': { ...base, name: 'per-stroke', cadence: 'stroke', advertisedName: 'SIM Rower Stroke', description: 'one notification per stroke, nothing in between' },
  'pm5-split': { ...base, name: 'pm5-split', cadence: '1hz', split: true, rateFrozenInRest: true, advertisedName: 'PM5 430000001 Row', description: 'Concept2 PM5 split records (A: power/pace/distance, More Data=1; B: rate/count/energy); rate frozen in rests' },
  'whole-spm': { ...base, name: 'whole-spm', cadence: '1hz', wholeSpm: true, advertisedName: 'KS-WR1 SIM', description: 'stroke rate in whole spm without the 0.5 scale (spec decode reads half)' },
  stale: { ...base, name: 'stale', cadence: '1hz', staleWhenStopped: true, advertisedName: 'S4 Comms SIM', description: 'WaterRower S4: last rate/pace/power repeated while stopped, stroke count frozen' },
  'no-power': { ...base, name: 'no-power', cadence: '1hz', power: false, advertisedName: 'SIM Rower NoPower', description: 'no power field: pace only' },
  dropped: { ...base, name: 'dropped', cadence: '1hz', dropProbability: 0.08, advertisedName: 'SIM Rower Lossy', description: '1 Hz with ~8 % of notifications lost at random' },
});

export const PROFILE_NAMES = Object.keys(deviceProfiles) as ProfileName[];

/** Where heart rate comes from: a strap's own 2a37 frames, the rower's HR field, or nowhere. */
export type HrSource = 'strap' | 'rower' | 'none';
export const HR_SOURCES: readonly HrSource[] = ['strap', 'rower', 'none'];

export const isProfileName = (x: string): x is ProfileName => (PROFILE_NAMES as string[]).includes(x);
