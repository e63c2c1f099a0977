/**
 * A complete Rower Data record (parts merged) → a normalised Sample (docs/ftms.md §4 rules 3, 6, 7).
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
import { powerFromPace } from '../rowing/power.js';
import { Counters } from './cumulative.js';
import type { ConsoleProfile } from './device-profiles.js';
import type { RowerDataFields } from './rower-data.js';
import type { Sample } from './sample.js';

type InstantKey = 'powerW' | 'strokeRate' | 'paceS500' | 'heartRate';

export interface NormaliseOptions {
  profile: ConsoleProfile;
  holdMs: number;
}

const PACE_NONE = 0xffff;

/** True when no field of the record carries information (all 0, N/A or sentinel). */
export function isEmptyRecord(fields: RowerDataFields): boolean {
  // a plain loop: this runs once per record on the hot path (no entries() arrays)
  for (const k in fields) {
    const v = fields[k as keyof RowerDataFields];
    if (v === undefined || v === null || v === 0) continue;
    if (v === PACE_NONE && (k === 'paceS500' || k === 'avgPaceS500')) continue;
    return false;
  }
  return true;
}

/** Power from pace, W, by the Concept2 formula P = 2.80 / (pace/500)³ (pace in s/500 m). */
export const powerFromPaceW = (paceS500: number): number => Math.round(powerFromPace(paceS500));

/** A held instantaneous reading: `value` undefined = the console said "no value". */
interface Held {
  value: number | undefined;
  t: number;
}

/**
 * One rower's normalisation state: counters, last cumulative values, held instantaneous values
 * and the last strap reading. Pure in its inputs: the same records in the same order give the same
 * samples; time is the records' data time only.
 */
export class RecordNormaliser {
  /** cumulative counters; their session values carry forward from earlier records */
  private readonly counters = new Counters();
  /** this record's raw cumulative readings (NaN = absent), reused */
  private readonly readings = new Float64Array(4);
  private readonly held: Partial<Record<InstantKey, Held>> = {};
  private strapBpm = 0;
  private strapT = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: NormaliseOptions) {}

  /** Record a strap (2a37) heart-rate reading at data time `t` (0 = no skin contact). */
  strap(t: number, bpm: number): void {
    this.strapBpm = bpm;
    this.strapT = t;
  }

  /** One complete record at data time `t` → its Sample, or null for an empty record (state unchanged). */
  record(rower: string, t: number, fields: RowerDataFields): Sample | null {
    if (isEmptyRecord(fields)) return null;
    const { opts, held, readings } = this;

    readings[0] = fields.strokeCount ?? Number.NaN;
    readings[1] = fields.distanceM ?? Number.NaN;
    readings[2] = typeof fields.totalEnergyKcal === 'number' ? fields.totalEnergyKcal : Number.NaN;
    readings[3] = fields.elapsedS ?? Number.NaN;
    this.counters.step(readings);
    const v = this.counters.values;
    const strokeCount = v[0]!;
    const distanceM = v[1]!;
    const energyKcal = v[2]!;
    const elapsedS = v[3]!;

    if (fields.powerW !== undefined) held.powerW = { value: fields.powerW, t };
    if (fields.strokeRate !== undefined) held.strokeRate = { value: fields.strokeRate * (opts.profile.wholeSpmStrokeRate ? 2 : 1), t };
    if (fields.paceS500 !== undefined) held.paceS500 = { value: fields.paceS500 === 0 || fields.paceS500 === PACE_NONE ? undefined : fields.paceS500, t };
    if (fields.heartRate !== undefined) held.heartRate = { value: fields.heartRate === 0 ? undefined : fields.heartRate, t };
    let powerW = this.fresh(held.powerW, t);
    const strokeRate = this.fresh(held.strokeRate, t);
    const paceS500 = this.fresh(held.paceS500, t);
    let heartRate = this.fresh(held.heartRate, t);
    if (this.strapBpm > 0 && t - this.strapT <= opts.holdMs) heartRate = this.strapBpm;
    if (opts.profile.powerFromPace && paceS500 !== undefined && !powerW) powerW = powerFromPaceW(paceS500);

    const sample: Sample = { t, rower };
    if (powerW !== undefined) sample.powerW = powerW;
    if (strokeRate !== undefined) sample.strokeRate = strokeRate;
    if (!Number.isNaN(strokeCount)) sample.strokeCount = strokeCount;
    if (!Number.isNaN(distanceM)) sample.distanceM = distanceM;
    if (paceS500 !== undefined) sample.paceS500 = paceS500;
    if (heartRate !== undefined) sample.heartRate = heartRate;
    if (!Number.isNaN(energyKcal)) sample.energyKcal = energyKcal;
    if (!Number.isNaN(elapsedS)) sample.elapsedS = elapsedS;
    return sample;
  }

  /** A held value still within `holdMs` of data time at `t`. */
  private fresh(h: Held | undefined, t: number): number | undefined {
    return h !== undefined && h.value !== undefined && t - h.t <= this.opts.holdMs ? h.value : undefined;
  }
}
