/**
 * FTMS service data in an advertisement — FTMS 1.0 §3.1.1 (Service Data AD Type, UUID 0x1826):
 * Flags u8 (bit 0 Fitness Machine Available), then Fitness Machine Type u16 LE (bit 0 treadmill,
 * 1 cross trainer, 2 step climber, 3 stair climber, 4 rower, 5 indoor bike; 6–15 reserved).
 */
import { readInt, writeInt } from './byte-fields.js';

/** FTMS §3.1.1.2, bit → machine type. */
export const MACHINE_TYPE_BITS = ['treadmill', 'cross-trainer', 'step-climber', 'stair-climber', 'rower', 'indoor-bike'] as const;
export type MachineType = (typeof MACHINE_TYPE_BITS)[number];

export interface FtmsServiceData {
  /** flag bit 0: the machine is available (not in use by another client) */
  available: boolean;
  machineTypes: MachineType[];
}

const AVAILABLE = 0x01;

/** Encode FTMS service data (3 bytes). */
export function encodeServiceData(data: FtmsServiceData): Uint8Array {
  const out = new Uint8Array(3);
  out[0] = data.available ? AVAILABLE : 0;
  writeInt(out, 1, 2, data.machineTypes.reduce((acc, t) => acc | (1 << MACHINE_TYPE_BITS.indexOf(t)), 0));
  return out;
}

/** Decode FTMS service data read the spec way; undefined below 3 bytes (the BLE layer is lenient about swapped bytes on its own). */
export function decodeServiceData(bytes: Uint8Array): FtmsServiceData | undefined {
  if (bytes.length < 3) return undefined;
  const types = readInt(bytes, 1, 2, false);
  return { available: ((bytes[0] ?? 0) & AVAILABLE) !== 0, machineTypes: MACHINE_TYPE_BITS.filter((_, bit) => (types >> bit) & 1) };
}
