/**
 * Heart Rate Measurement (0x2A37) — Bluetooth SIG Heart Rate Service 1.0, §3.1.
 *
 * Flags u8: bit 0 value format (0 = uint8 bpm, 1 = uint16 bpm); bit 1 sensor contact detected;
 * bit 2 sensor contact supported; bit 3 Energy Expended present (uint16 kJ); bit 4 RR-Intervals
 * present (uint16 at 1/1024 s). Bits 5–7 reserved. RR intervals are taken as zero or more: a
 * strap may set the RR flag in a notification with no room left for any (cf.
 * codeinversion/sensors-swift#6), and its heart rate still counts. A trailing odd byte after the
 * RR intervals is ignored.
 */
import { clampInt, readInt, writeInt } from './byte-fields.js';
import { requireLength } from './decode-error.js';
import { HEART_RATE_MEASUREMENT } from './uuids.js';

export interface HeartRateMeasurement {
  /** bpm; 0 means no sensor / no contact (kept as sent) */
  heartRate: number;
  contactSupported: boolean;
  /** false whenever contact is not supported */
  contactDetected: boolean;
  /** energy expended since the last reset, kJ */
  energyKJ?: number;
  /** RR intervals in ms, rounded to 0.1 ms; present (possibly empty) when the RR flag is set */
  rrMs?: number[];
}

const HR_U16 = 0x01;
const CONTACT_DETECTED = 0x02;
const CONTACT_SUPPORTED = 0x04;
const ENERGY = 0x08;
const RR = 0x10;

/** Convert one RR interval from 1/1024 s ticks to ms rounded to 0.1 ms. */
export const rrTicksToMs = (ticks: number): number => Math.round((ticks * 10000) / 1024) / 10;

/** Check a 2a37 payload's length for its flags; throws DecodeError (EMPTY / TOO_SHORT). */
function checkedHeader(bytes: Uint8Array): { flags: number; hrWidth: 1 | 2 } {
  requireLength(bytes, 1, HEART_RATE_MEASUREMENT, 'flags');
  const flags = bytes[0] ?? 0;
  const hrWidth = flags & HR_U16 ? 2 : 1;
  const needed = 1 + hrWidth + (flags & ENERGY ? 2 : 0); // RR: zero or more, so no minimum
  if (bytes.length < needed) requireLength(bytes, needed, HEART_RATE_MEASUREMENT, `flags 0x${flags.toString(16).padStart(2, '0')}`);
  return { flags, hrWidth };
}

/** Only the heart rate of a 2a37 payload (bpm, 0 = no contact), with the same checks as `decodeHeartRate`: the sample assembler's hot path. */
export function decodeHeartRateBpm(bytes: Uint8Array): number {
  return readInt(bytes, 1, checkedHeader(bytes).hrWidth, false);
}

/** Decode one Heart Rate Measurement; throws DecodeError (EMPTY / TOO_SHORT). */
export function decodeHeartRate(bytes: Uint8Array): HeartRateMeasurement {
  const { flags, hrWidth } = checkedHeader(bytes);
  const contactSupported = (flags & CONTACT_SUPPORTED) !== 0;
  const out: HeartRateMeasurement = {
    heartRate: readInt(bytes, 1, hrWidth, false),
    contactSupported,
    contactDetected: contactSupported && (flags & CONTACT_DETECTED) !== 0,
  };
  let offset = 1 + hrWidth;
  if (flags & ENERGY) {
    out.energyKJ = readInt(bytes, offset, 2, false);
    offset += 2;
  }
  if (flags & RR) {
    const rrMs: number[] = [];
    for (; offset + 2 <= bytes.length; offset += 2) rrMs.push(rrTicksToMs(readInt(bytes, offset, 2, false)));
    out.rrMs = rrMs;
  }
  return out;
}

/**
 * Encode a Heart Rate Measurement: uint16 format only when bpm > 255; energy clamped to uint16 kJ;
 * RR intervals (ms) rounded to 1/1024 s ticks. An empty rrMs list sends no RR field.
 */
export function encodeHeartRate(m: HeartRateMeasurement): Uint8Array {
  const bpm = clampInt(m.heartRate, 0, 0xffff);
  const hrWidth = bpm > 0xff ? 2 : 1;
  const rr = m.rrMs ?? [];
  let flags = hrWidth === 2 ? HR_U16 : 0;
  if (m.contactSupported) flags |= CONTACT_SUPPORTED | (m.contactDetected ? CONTACT_DETECTED : 0);
  if (m.energyKJ !== undefined) flags |= ENERGY;
  if (rr.length > 0) flags |= RR;
  const out = new Uint8Array(1 + hrWidth + (m.energyKJ !== undefined ? 2 : 0) + 2 * rr.length);
  out[0] = flags;
  writeInt(out, 1, hrWidth, bpm);
  let offset = 1 + hrWidth;
  if (m.energyKJ !== undefined) {
    writeInt(out, offset, 2, clampInt(m.energyKJ, 0, 0xffff));
    offset += 2;
  }
  for (const ms of rr) {
    writeInt(out, offset, 2, clampInt((ms * 1024) / 1000, 0, 0xffff));
    offset += 2;
  }
  return out;
}
