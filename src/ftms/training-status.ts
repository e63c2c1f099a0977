/**
 * Training Status (0x2AD3) — FTMS 1.0 §4.10: Flags u8 (bit 0 Training Status String present,
 * bit 1 Extended String), Training Status u8, then an optional UTF-8 string (may be empty even
 * when flagged). Invalid UTF-8 is decoded with replacement characters, never rejected.
 */
import { requireLength } from './decode-error.js';
import { TRAINING_STATUS } from './uuids.js';

export type TrainingStatusName =
  | 'other'
  | 'idle'
  | 'warming-up'
  | 'low-intensity-interval'
  | 'high-intensity-interval'
  | 'recovery-interval'
  | 'isometric'
  | 'heart-rate-control'
  | 'fitness-test'
  | 'speed-outside-control-low'
  | 'speed-outside-control-high'
  | 'cool-down'
  | 'watt-control'
  | 'manual-mode'
  | 'pre-workout'
  | 'post-workout'
  | 'reserved';

/** FTMS §4.10.1.2, status code → name (codes 0x10+ are reserved). */
export const TRAINING_STATUS_NAMES: readonly TrainingStatusName[] = [
  'other',
  'idle',
  'warming-up',
  'low-intensity-interval',
  'high-intensity-interval',
  'recovery-interval',
  'isometric',
  'heart-rate-control',
  'fitness-test',
  'speed-outside-control-low',
  'speed-outside-control-high',
  'cool-down',
  'watt-control',
  'manual-mode',
  'pre-workout',
  'post-workout',
];

export interface TrainingStatus {
  flags: number;
  /** raw status code */
  statusCode: number;
  status: TrainingStatusName;
  /** present when flag bit 0 is set (possibly '') */
  text?: string;
  /** bytes after the status when no string is flagged */
  trailingBytes: number;
}

const STRING_PRESENT = 0x01;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Decode Training Status; throws DecodeError (EMPTY / TOO_SHORT) below 2 bytes. */
export function decodeTrainingStatus(bytes: Uint8Array): TrainingStatus {
  requireLength(bytes, 2, TRAINING_STATUS, 'flags and status');
  const flags = bytes[0] ?? 0;
  const statusCode = bytes[1] ?? 0;
  const out: TrainingStatus = {
    flags,
    statusCode,
    status: TRAINING_STATUS_NAMES[statusCode] ?? 'reserved',
    trailingBytes: 0,
  };
  if (flags & STRING_PRESENT) out.text = utf8.decode(bytes.subarray(2));
  else out.trailingBytes = bytes.length - 2;
  return out;
}

/** Encode Training Status from a status code and an optional string (flag bit 0 set when given). */
export function encodeTrainingStatus(statusCode: number, text?: string): Uint8Array {
  const str = text === undefined ? new Uint8Array(0) : new TextEncoder().encode(text);
  const out = new Uint8Array(2 + str.length);
  out[0] = text === undefined ? 0 : STRING_PRESENT;
  out[1] = statusCode & 0xff;
  out.set(str, 2);
  return out;
}
