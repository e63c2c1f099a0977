/** Pure helpers of `ergsprint decode`: hex parsing, decoding by characteristic, JSON and text output. */
import { decodeControlPoint } from '../ftms/control-point.js';
import { DecodeError } from '../ftms/decode-error.js';
import { decodeFeature } from '../ftms/feature.js';
import { decodeHeartRate } from '../ftms/heart-rate.js';
import { decodeMachineStatus } from '../ftms/machine-status.js';
import { decodeRowerData, ROWER_DATA_UNITS } from '../ftms/rower-data.js';
import { decodeTrainingStatus } from '../ftms/training-status.js';
import { textTable } from './text-table.js';

/** Decoders by characteristic UUID. */
export const DECODERS = {
  '2ad1': decodeRowerData,
  '2a37': decodeHeartRate,
  '2acc': decodeFeature,
  '2ad3': decodeTrainingStatus,
  '2ada': decodeMachineStatus,
  '2ad9': decodeControlPoint,
} as const satisfies Record<string, (bytes: Uint8Array) => object>;

export type DecodableChar = keyof typeof DECODERS;
/** True for a characteristic UUID `decode` knows. */
export const isDecodableChar = (c: string): c is DecodableChar => Object.hasOwn(DECODERS, c);

const UNITS: Readonly<Record<string, string>> = {
  ...ROWER_DATA_UNITS,
  energyKJ: 'kJ',
  rrMs: 'ms',
};

/** Notes for raw values that mean "nothing" (REFERENCE.md rule 3), shown in the text listing. */
const noPace = (v: unknown): string | undefined => (v === 0 || v === 0xffff ? '  (no pace)' : undefined);
const SENTINELS: Readonly<Record<string, (v: unknown) => string | undefined>> = {
  paceS500: noPace,
  avgPaceS500: noPace,
  heartRate: (v) => (v === 0 ? '  (no sensor)' : undefined),
};

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

/** The --json line of one outcome: the record as is, or {"error","message"}. */
export function outcomeJson(o: DecodeOutcome): string {
  return JSON.stringify(o.ok ? o.record : { error: o.error, message: o.message });
}

function formatValue(key: string, value: unknown): string {
  if (value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'flags' && typeof value === 'number') return `0x${value.toString(16).padStart(4, '0')}`;
  const unit = UNITS[key];
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return (unit ? `${text} ${unit}` : text) + (SENTINELS[key]?.(value) ?? '');
}

/** Readable block for one payload: a header line, then aligned `field  value unit` lines. */
export function outcomeText(char: DecodableChar, text: string, o: DecodeOutcome): string {
  const header = `${char} ${text.trim()}`;
  const rows: [string, string][] = o.ok
    ? Object.entries(o.record).map(([k, v]) => [k, formatValue(k, v)])
    : [['error', `${o.error}: ${o.message}`]];
  return [header, ...textTable(rows, { indent: '  ' })].join('\n') + '\n';
}
