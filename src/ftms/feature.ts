/**
 * Fitness Machine Feature (0x2ACC) — FTMS 1.0 §4.3: Fitness Machine Features (uint32 LE, §4.3.1.1)
 * then Target Setting Features (uint32 LE, §4.3.1.2). Some rowers send only 2 bytes: short values
 * are padded with zeros, never rejected. Treat as hints: Rower Data is parsed by its own flags.
 */
import { readInt, writeInt } from './byte-fields.js';

export interface MachineFeatures {
  /** raw Fitness Machine Features bits */
  features: number;
  /** raw Target Setting Features bits */
  targetSettings: number;
  /** names of the set feature bits (reserved bits as 'bit-N') */
  featureNames: string[];
  /** names of the set target-setting bits (reserved bits as 'bit-N') */
  targetSettingNames: string[];
  /** bytes beyond the 8 the spec defines */
  trailingBytes: number;
}

/** FTMS §4.3.1.1, bit → name. */
export const FEATURE_BITS: readonly string[] = [
  'average-speed',
  'cadence',
  'total-distance',
  'inclination',
  'elevation-gain',
  'pace',
  'step-count',
  'resistance-level',
  'stride-count',
  'expended-energy',
  'heart-rate-measurement',
  'metabolic-equivalent',
  'elapsed-time',
  'remaining-time',
  'power-measurement',
  'force-on-belt-and-power-output',
  'user-data-retention',
];

/** FTMS §4.3.1.2, bit → name. */
export const TARGET_SETTING_BITS: readonly string[] = [
  'speed-target',
  'inclination-target',
  'resistance-target',
  'power-target',
  'heart-rate-target',
  'targeted-expended-energy',
  'targeted-step-number',
  'targeted-stride-number',
  'targeted-distance',
  'targeted-training-time',
  'targeted-time-in-two-hr-zones',
  'targeted-time-in-three-hr-zones',
  'targeted-time-in-five-hr-zones',
  'indoor-bike-simulation',
  'wheel-circumference',
  'spin-down-control',
  'targeted-cadence',
];

function bitNames(bits: number, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < 32; i++) if ((bits >>> i) & 1) out.push(names[i] ?? `bit-${i}`);
  return out;
}

/** Decode Fitness Machine Feature; never throws (any length is accepted, short values zero-padded). */
export function decodeFeature(bytes: Uint8Array): MachineFeatures {
  const padded = new Uint8Array(Math.max(8, bytes.length));
  padded.set(bytes);
  const features = readInt(padded, 0, 4, false);
  const targetSettings = readInt(padded, 4, 4, false);
  return {
    features,
    targetSettings,
    featureNames: bitNames(features, FEATURE_BITS),
    targetSettingNames: bitNames(targetSettings, TARGET_SETTING_BITS),
    trailingBytes: Math.max(0, bytes.length - 8),
  };
}

/** Encode Fitness Machine Feature from feature / target-setting names (unknown names are ignored). */
export function encodeFeature(featureNames: readonly string[], targetSettingNames: readonly string[] = []): Uint8Array {
  const bits = (names: readonly string[], table: readonly string[]): number =>
    names.reduce((acc, n) => (table.includes(n) ? acc + 2 ** table.indexOf(n) : acc), 0);
  const out = new Uint8Array(8);
  writeInt(out, 0, 4, bits([...new Set(featureNames)], FEATURE_BITS));
  writeInt(out, 4, 4, bits([...new Set(targetSettingNames)], TARGET_SETTING_BITS));
  return out;
}
