/**
 * Decoding one payload by its characteristic UUID: the decoder table `ergsprint decode` offers
 * (FTMS Rower Data, Feature, Training Status, Machine Status, Control Point; Heart Rate
 * Measurement), hex parsing, and an outcome: the record, or the DecodeError's code and message.
 */
import { decodeControlPoint } from './control-point.js';
import { DecodeError } from './decode-error.js';
import { decodeFeature } from './feature.js';
import { decodeHeartRate } from './heart-rate.js';
import { decodeMachineStatus } from './machine-status.js';
import { decodeRowerData } from './rower-data.js';
import { decodeTrainingStatus } from './training-status.js';
import { CONTROL_POINT, HEART_RATE_MEASUREMENT, MACHINE_FEATURE, MACHINE_STATUS, ROWER_DATA, TRAINING_STATUS } from './uuids.js';

/** Decoders by characteristic UUID. */
export const DECODERS = {
  [ROWER_DATA]: decodeRowerData,
  [HEART_RATE_MEASUREMENT]: decodeHeartRate,
  [MACHINE_FEATURE]: decodeFeature,
  [TRAINING_STATUS]: decodeTrainingStatus,
  [MACHINE_STATUS]: decodeMachineStatus,
  [CONTROL_POINT]: decodeControlPoint,
} as const satisfies Record<string, (bytes: Uint8Array) => object>;

export type DecodableChar = keyof typeof DECODERS;
/** True for a characteristic UUID `decode` knows. */
export const isDecodableChar = (c: string): c is DecodableChar => Object.hasOwn(DECODERS, c);

/** One payload's outcome: the decoded record, or an error code and message. */
export type DecodeOutcome = { ok: true; record: object } | { ok: false; error: string; message: string };

/** Hex with optional spaces, colons or 0x prefix → bytes; null when it is not hex. */
export function parseHex(text: string): Uint8Array | null {
  const clean = text.replace(/^0x/i, '').replace(/[\s:]/g, '');
  if (!/^(?:[0-9a-f]{2})*$/i.test(clean)) return null;
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** Decode one hex payload as characteristic `char`. */
export function decodePayload(char: DecodableChar, text: string): DecodeOutcome {
  const bytes = parseHex(text);
  if (bytes === null) return { ok: false, error: 'BAD_HEX', message: `not a hex payload: ${JSON.stringify(text.trim())}` };
  try {
    return { ok: true, record: DECODERS[char](bytes) };
  } catch (err) {
    if (err instanceof DecodeError) return { ok: false, error: err.code, message: err.message };
    throw err;
  }
}
