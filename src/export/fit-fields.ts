/**
 * The range of every numeric FIT field ergsprint writes, from the FIT profile's base type and scale
 * (@garmin/fitsdk `src/profile.js`). The SDK's Encoder wraps an out-of-range value silently
 * (cadence 300 is stored as 44: docs/interop.md §A2), so `clampMesg` clamps every value
 * to its range (the top value of an unsigned type means "invalid" in FIT and is never written),
 * rounds it to the field's resolution, and reports what it changed. A numeric field missing from
 * this table is an error, so nothing reaches the Encoder unchecked. Enum names are checked against
 * the SDK's own profile (`fitEnum`).
 */
import { Profile } from '@garmin/fitsdk';

export interface FieldRange {
  min: number;
  max: number;
  /** values are stored as round(value × scale) */
  scale: number;
}

const U8 = 254;
const U16 = 65534;
const U32 = 4294967294;
const range = (max: number, scale = 1, min = 0): FieldRange => ({ min: min / scale, max: max / scale, scale });

/** Totals and averages the FIT profile gives `lap` and `session` alike (same types and scales). */
const LAP_AND_SESSION_TOTALS: Readonly<Record<string, FieldRange>> = {
  totalElapsedTime: range(U32, 1000),
  totalTimerTime: range(U32, 1000),
  totalDistance: range(U32, 100),
  totalCycles: range(U32),
  totalWork: range(U32),
  totalCalories: range(U16),
  avgPower: range(U16),
  maxPower: range(U16),
  avgCadence: range(U8),
  maxCadence: range(U8),
  avgFractionalCadence: range(U8, 128),
  avgHeartRate: range(U8),
  maxHeartRate: range(U8),
  minHeartRate: range(U8),
  avgSpeed: range(U16, 1000),
  maxSpeed: range(U16, 1000),
  enhancedAvgSpeed: range(U32, 1000),
  enhancedMaxSpeed: range(U32, 1000),
  avgStrokeDistance: range(U16, 100),
};

/** Message → field → range (units as the SDK takes them: s, m, m/s, W, spm, bpm, J, kcal). */
export const FIT_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRange>>>> = {
  fileId: { product: range(U16), serialNumber: range(U32) },
  fileCreator: { softwareVersion: range(U16) },
  developerDataId: { developerDataIndex: range(U8), applicationVersion: range(U32) },
  fieldDescription: { developerDataIndex: range(U8), fieldDefinitionNumber: range(U8), fitBaseTypeId: range(U8), nativeMesgNum: range(U16), nativeFieldNum: range(U8), scale: range(U8) },
  deviceInfo: { deviceIndex: range(U8), product: range(U16), softwareVersion: range(U16, 100) },
  event: { data: range(U32) },
  record: {
    power: range(U16),
    cadence: range(U8),
    fractionalCadence: range(U8, 128),
    heartRate: range(U8),
    distance: range(U32, 100),
    speed: range(U16, 1000),
    enhancedSpeed: range(U32, 1000),
    totalCycles: range(U32),
  },
  lap: {
    messageIndex: range(U16),
    ...LAP_AND_SESSION_TOTALS,
    wktStepIndex: range(U16),
    repetitionNum: range(U16),
  },
  split: {
    messageIndex: range(U16),
    totalElapsedTime: range(U32, 1000),
    totalTimerTime: range(U32, 1000),
    totalDistance: range(U32, 100),
    avgSpeed: range(U32, 1000),
    maxSpeed: range(U32, 1000),
    totalCalories: range(U32),
  },
  splitSummary: {
    messageIndex: range(U16),
    numSplits: range(U16),
    totalTimerTime: range(U32, 1000),
    totalDistance: range(U32, 100),
    avgSpeed: range(U32, 1000),
    maxSpeed: range(U32, 1000),
    avgHeartRate: range(U8),
    maxHeartRate: range(U8),
  },
  session: {
    messageIndex: range(U16),
    ...LAP_AND_SESSION_TOTALS,
    firstLapIndex: range(U16),
    numLaps: range(U16),
  },
  activity: { totalTimerTime: range(U32, 1000), numSessions: range(U16), localTimestamp: range(U32) },
};

export interface Clamped {
  mesg: string;
  field: string;
  from: number;
  to: number;
}

/** Clamp and round every numeric field of `mesg` (in place); non-finite values are dropped. Throws on a field not in the table. */
export function clampMesg(mesgName: string, mesg: Record<string, unknown>, clamped: Clamped[]): void {
  const table = FIT_FIELDS[mesgName];
  if (table === undefined) throw new Error(`no field table for FIT message ${mesgName}`);
  for (const [field, value] of Object.entries(mesg)) {
    if (typeof value !== 'number' || field === 'mesgNum' || isEnumField(mesgName, field)) continue;
    const r = table[field];
    if (r === undefined) throw new Error(`${mesgName}.${field} has no range in the FIT field table`);
    if (!Number.isFinite(value)) {
      delete mesg[field];
      continue;
    }
    const to = Math.round(Math.min(r.max, Math.max(r.min, value)) * r.scale) / r.scale;
    if (value < r.min || value > r.max) clamped.push({ mesg: mesgName, field, from: value, to });
    mesg[field] = to;
  }
}

/** Enum fields ergsprint writes (values checked by `fitEnum`, not by range). */
const ENUM_FIELDS = new Set(['type', 'manufacturer', 'event', 'eventType', 'intensity', 'lapTrigger', 'sport', 'subSport', 'splitType', 'trigger', 'sourceType', 'manufacturerId', 'fitBaseTypeId', 'nativeMesgNum', 'activityType']);
const isEnumField = (_mesg: string, field: string): boolean => ENUM_FIELDS.has(field) && field !== 'fitBaseTypeId' && field !== 'nativeMesgNum';

type ProfileTypes = Record<string, Record<string, string>>;

/** The number of enum value `name` of FIT type `type` (throws when the profile has no such value). */
export function fitEnum(type: string, name: string): number {
  const key = `${type}.${name}`;
  const cached = enumCache.get(key);
  if (cached !== undefined) return cached;
  const values = (Profile.types as unknown as ProfileTypes)[type];
  const hit = values && Object.entries(values).find(([, v]) => v === name);
  if (!hit) throw new Error(`FIT type ${type} has no value ${name}`);
  enumCache.set(key, Number(hit[0]));
  return Number(hit[0]);
}
const enumCache = new Map<string, number>();
