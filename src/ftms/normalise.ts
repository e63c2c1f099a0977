/**
 * A complete Rower Data record (parts merged) → a normalised Sample (REFERENCE.md rules 3, 6, 7).
 *
 * - Sentinels: pace 0 / 0xFFFF, heart rate 0 and energy "not available" become absent.
 * - A record in which every field is 0, "not available" or a sentinel (wake-up / sleep packets)
 *   yields no sample and changes no state.
 * - Cumulative fields (strokes, distance, energy, elapsed) go through cumulative.ts (wrap, resets)
 *   and carry forward from earlier records indefinitely.
 * - Instantaneous fields (power, stroke rate, pace, the console's heart rate) carry forward from
 *   earlier records for at most `holdMs` of data time — enough to bridge interleaved packet types
 *   (Viking sends stroke packets only once per stroke); a record that carries the field but says
 *   "no value" (pace 0xFFFF, HR 0) clears it.
 * - A fresh strap reading (2a37, non-zero, within `holdMs`) overrides the console's heart rate.
 * - Profile: wholeSpmStrokeRate doubles the spec reading; powerFromPace fills power from pace
 *   (P = 2.80 / (pace/500)³ W, rounded) when the console sends none or 0 with a valid pace.
 */
import { initialCounters, stepCounters, type CounterState } from './cumulative.js';
import type { DeviceProfile } from './device-profiles.js';
import type { RowerDataFields } from './rower-data.js';
import type { Sample } from './sample.js';

type InstantKey = 'powerW' | 'strokeRate' | 'paceS500' | 'heartRate';
const INSTANT_KEYS: readonly InstantKey[] = ['powerW', 'strokeRate', 'paceS500', 'heartRate'];

export interface NormaliseState {
  readonly counters: CounterState;
  /** last-known cumulative session values */
  readonly cumulative: Readonly<Pick<Sample, 'strokeCount' | 'distanceM' | 'energyKcal' | 'elapsedS'>>;
  /** last-known instantaneous values with the data time they were read (undefined value = cleared) */
  readonly held: Readonly<Partial<Record<InstantKey, { value: number | undefined; t: number }>>>;
  /** last strap heart rate (bpm, 0 = no contact) and its data time */
  readonly strap: { bpm: number; t: number } | null;
}

export const initialNormaliseState: NormaliseState = { counters: initialCounters, cumulative: {}, held: {}, strap: null };

export interface NormaliseOptions {
  profile: DeviceProfile;
  holdMs: number;
}

const PACE_NONE = 0xffff;

/** True when no field of the record carries information (all 0, N/A or sentinel). */
export function isEmptyRecord(fields: RowerDataFields): boolean {
  return Object.entries(fields).every(
    ([k, v]) => v === undefined || v === null || v === 0 || ((k === 'paceS500' || k === 'avgPaceS500') && v === PACE_NONE),
  );
}

/** Record a strap (2a37) heart-rate reading at data time `t`. */
export function noteStrapHeartRate(state: NormaliseState, t: number, bpm: number): NormaliseState {
  return { ...state, strap: { bpm, t } };
}

/** Power from pace, W, by the Concept2 formula P = 2.80 / (pace/500)³ (pace in s/500 m). */
export const powerFromPaceW = (paceS500: number): number => Math.round(2.8 / (paceS500 / 500) ** 3);

/** One complete record at data time `t` → the next state and its Sample (null for empty records). */
export function normaliseRecord(
  state: NormaliseState,
  rower: string,
  t: number,
  fields: RowerDataFields,
  opts: NormaliseOptions,
): { state: NormaliseState; sample: Sample | null } {
  if (isEmptyRecord(fields)) return { state, sample: null };

  const energy = fields.totalEnergyKcal;
  const { state: counters, values } = stepCounters(state.counters, {
    ...(fields.strokeCount !== undefined && { strokeCount: fields.strokeCount }),
    ...(fields.distanceM !== undefined && { distanceM: fields.distanceM }),
    ...(typeof energy === 'number' && { energyKcal: energy }),
    ...(fields.elapsedS !== undefined && { elapsedS: fields.elapsedS }),
  });
  const cumulative = { ...state.cumulative, ...values };

  const readings: Partial<Record<InstantKey, number | undefined>> = {};
  if (fields.powerW !== undefined) readings.powerW = fields.powerW;
  if (fields.strokeRate !== undefined) readings.strokeRate = fields.strokeRate * (opts.profile.wholeSpmStrokeRate ? 2 : 1);
  if (fields.paceS500 !== undefined) readings.paceS500 = fields.paceS500 === 0 || fields.paceS500 === PACE_NONE ? undefined : fields.paceS500;
  if (fields.heartRate !== undefined) readings.heartRate = fields.heartRate === 0 ? undefined : fields.heartRate;

  const held = { ...state.held };
  const instant: Partial<Record<InstantKey, number>> = {};
  for (const k of INSTANT_KEYS) {
    if (k in readings) held[k] = { value: readings[k], t };
    const h = held[k];
    if (h !== undefined && h.value !== undefined && t - h.t <= opts.holdMs) instant[k] = h.value;
  }
  if (state.strap !== null && state.strap.bpm > 0 && t - state.strap.t <= opts.holdMs) instant.heartRate = state.strap.bpm;
  if (opts.profile.powerFromPace && instant.paceS500 !== undefined && !instant.powerW) instant.powerW = powerFromPaceW(instant.paceS500);

  const sample: Sample = { t, rower };
  const put = <K extends keyof Sample>(k: K, v: Sample[K] | undefined): void => {
    if (v !== undefined) sample[k] = v;
  };
  put('powerW', instant.powerW);
  put('strokeRate', instant.strokeRate);
  put('strokeCount', cumulative.strokeCount);
  put('distanceM', cumulative.distanceM);
  put('paceS500', instant.paceS500);
  put('heartRate', instant.heartRate);
  put('energyKcal', cumulative.energyKcal);
  put('elapsedS', cumulative.elapsedS);
  return { state: { ...state, counters, cumulative, held }, sample };
}
