/**
 * Rower Data (0x2AD1) — Bluetooth SIG Fitness Machine Service 1.0, §4.8.
 *
 * Layout: Flags (uint16 LE), then the fields whose flag bit says "present", in flag-bit order.
 * Bit 0 is inverted and doubles as "More Data": when 0 the record carries Stroke Rate + Stroke
 * Count; when 1 they are absent and the record may be continued by further notifications.
 * Bits 13–15 are reserved (Technogym sets bit 13: counted, otherwise ignored). Bytes beyond what
 * the flags need are counted in `trailingBytes` (Concept2 sends +1, Technogym +4).
 *
 * This is the raw reading: sentinels other than energy "not available" are kept as sent;
 * normalisation happens in merge.ts.
 */
import { clampInt, intRange, readInt, writeInt, type FieldWidth } from './byte-fields.js';
import { requireLength } from './decode-error.js';
import { ROWER_DATA } from './uuids.js';

/** One decoded Rower Data notification (names and values as in the FTMS test vectors: test/ftms/shared-vectors.ts). */
export interface RowerData {
  flags: number;
  /** flag bit 0 set: stroke fields absent, more parts of this record may follow */
  moreData: boolean;
  /** strokes per minute, 0.5 resolution */
  strokeRate?: number;
  strokeCount?: number;
  /** strokes per minute, 0.5 resolution */
  avgStrokeRate?: number;
  /** uint24 metres */
  distanceM?: number;
  /** seconds per 500 m (0 and 65535 kept as sent) */
  paceS500?: number;
  avgPaceS500?: number;
  /** signed watts */
  powerW?: number;
  avgPowerW?: number;
  /** signed, unitless */
  resistance?: number;
  /** null = 0xFFFF "not available" */
  totalEnergyKcal?: number | null;
  /** null = 0xFFFF "not available" */
  energyPerHourKcal?: number | null;
  /** null = 0xFF "not available" */
  energyPerMinuteKcal?: number | null;
  /** bpm (0 kept as sent) */
  heartRate?: number;
  /** metabolic equivalent, 0.1 resolution */
  met?: number;
  elapsedS?: number;
  remainingS?: number;
  /** bytes after the last field the flags call for */
  trailingBytes: number;
  /** how many of the reserved flag bits 13–15 are set */
  reservedFlagBits: number;
}

/** What the encoder takes: the fields only; flags are derived from which are present. */
export type RowerDataFields = Omit<RowerData, 'flags' | 'moreData' | 'trailingBytes' | 'reservedFlagBits'>;

type FieldKey = keyof RowerDataFields;

/** One field of the table: raw integer / `divisor` = value (resolution = 1 / divisor). */
interface FieldSpec {
  key: FieldKey;
  width: FieldWidth;
  signed: boolean;
  divisor: number;
  /** raw value meaning "Data Not Available" (decoded as null) */
  notAvailable?: number;
  unit: string;
}

/** A flag bit and the fields it switches on, in on-air order. */
interface FlagGroup {
  bit: number;
  /** present when the bit is 0 (bit 0 only) */
  inverted: boolean;
  fields: FieldSpec[];
}

const f = (key: FieldKey, width: FieldWidth, signed: boolean, divisor: number, unit: string, notAvailable?: number): FieldSpec =>
  notAvailable === undefined ? { key, width, signed, divisor, unit } : { key, width, signed, divisor, unit, notAvailable };

/** FTMS §4.8.1 field table, in flag-bit order. */
export const ROWER_DATA_TABLE: readonly FlagGroup[] = [
  { bit: 0, inverted: true, fields: [f('strokeRate', 1, false, 2, 'spm'), f('strokeCount', 2, false, 1, 'strokes')] },
  { bit: 1, inverted: false, fields: [f('avgStrokeRate', 1, false, 2, 'spm')] },
  { bit: 2, inverted: false, fields: [f('distanceM', 3, false, 1, 'm')] },
  { bit: 3, inverted: false, fields: [f('paceS500', 2, false, 1, 's/500m')] },
  { bit: 4, inverted: false, fields: [f('avgPaceS500', 2, false, 1, 's/500m')] },
  { bit: 5, inverted: false, fields: [f('powerW', 2, true, 1, 'W')] },
  { bit: 6, inverted: false, fields: [f('avgPowerW', 2, true, 1, 'W')] },
  { bit: 7, inverted: false, fields: [f('resistance', 2, true, 1, '')] },
  {
    bit: 8,
    inverted: false,
    fields: [
      f('totalEnergyKcal', 2, false, 1, 'kcal', 0xffff),
      f('energyPerHourKcal', 2, false, 1, 'kcal/h', 0xffff),
      f('energyPerMinuteKcal', 1, false, 1, 'kcal/min', 0xff),
    ],
  },
  { bit: 9, inverted: false, fields: [f('heartRate', 1, false, 1, 'bpm')] },
  { bit: 10, inverted: false, fields: [f('met', 1, false, 10, 'MET')] },
  { bit: 11, inverted: false, fields: [f('elapsedS', 2, false, 1, 's')] },
  { bit: 12, inverted: false, fields: [f('remainingS', 2, false, 1, 's')] },
];

/** Units of every Rower Data field, for display. */
export const ROWER_DATA_UNITS: Readonly<Record<FieldKey, string>> = Object.fromEntries(
  ROWER_DATA_TABLE.flatMap((g) => g.fields.map((s) => [s.key, s.unit])),
) as Record<FieldKey, string>;

const RESERVED_MASK = 0xe000;

const groupPresent = (g: FlagGroup, flags: number): boolean => ((flags >> g.bit) & 1) === (g.inverted ? 0 : 1);

/** The fields a flags value calls for, in on-air order, and the bytes they need (flags included). */
interface Layout {
  needed: number;
  specs: readonly FieldSpec[];
}

/** Layouts by flag bits 0–12 (at most 8192; a device uses a handful), built on first use. */
const layouts = new Map<number, Layout>();

function layoutOf(flags: number): Layout {
  const key = flags & ~RESERVED_MASK & 0xffff;
  let layout = layouts.get(key);
  if (layout === undefined) {
    const specs: FieldSpec[] = [];
    let needed = 2;
    for (const g of ROWER_DATA_TABLE) {
      if (!groupPresent(g, flags)) continue;
      for (const s of g.fields) {
        specs.push(s);
        needed += s.width;
      }
    }
    layout = { needed, specs };
    layouts.set(key, layout);
  }
  return layout;
}

/** Bytes a payload with these flags must hold (flags included). */
export function rowerDataLength(flags: number): number {
  return layoutOf(flags).needed;
}

/** The flags and layout of a payload, its length checked; throws DecodeError (EMPTY / TOO_SHORT). */
function checkedLayout(bytes: Uint8Array): { flags: number; layout: Layout } {
  if (bytes.length < 2) requireLength(bytes, 2, ROWER_DATA, 'flags');
  const flags = bytes[0]! | (bytes[1]! << 8);
  const layout = layoutOf(flags);
  if (bytes.length < layout.needed) requireLength(bytes, layout.needed, ROWER_DATA, `flags 0x${flags.toString(16).padStart(4, '0')}`);
  return { flags, layout };
}

/** Read the fields of `layout` into `out`. */
function readFields(bytes: Uint8Array, layout: Layout, out: Record<string, number | boolean | null>): void {
  let offset = 2;
  for (const s of layout.specs) {
    const raw = readInt(bytes, offset, s.width, s.signed);
    out[s.key] = raw === s.notAvailable ? null : raw / s.divisor;
    offset += s.width;
  }
}

/** Decode one Rower Data notification; throws DecodeError (EMPTY / TOO_SHORT). */
export function decodeRowerData(bytes: Uint8Array): RowerData {
  const { flags, layout } = checkedLayout(bytes);
  const out: Record<string, number | boolean | null> = { flags, moreData: (flags & 1) === 1 };
  readFields(bytes, layout, out);
  out.trailingBytes = bytes.length - layout.needed;
  out.reservedFlagBits = popcount(flags & RESERVED_MASK);
  return out as unknown as RowerData;
}

/**
 * The same decoding as `decodeRowerData`, for the sample assembler's hot path: only the data
 * fields (no flags, counts or copies) and whether more parts of the record may follow.
 */
export function decodeRowerDataFields(bytes: Uint8Array): { moreData: boolean; fields: RowerDataFields } {
  const { flags, layout } = checkedLayout(bytes);
  const fields: Record<string, number | boolean | null> = {};
  readFields(bytes, layout, fields);
  return { moreData: (flags & 1) === 1, fields: fields as unknown as RowerDataFields };
}

/**
 * Encode a Rower Data notification. Flags come from the fields present (a group is sent when any
 * of its fields is defined; its missing members go as 0, or "not available" for energy); stroke
 * fields absent ⇒ bit 0 = 1 (More Data). Values are rounded to the field resolution and clamped
 * to its range (energy below its "not available" value); null energy is sent as 0xFFFF / 0xFF.
 */
export function encodeRowerData(fields: RowerDataFields): Uint8Array {
  let flags = 0;
  const present = ROWER_DATA_TABLE.filter((g) => g.fields.some((s) => fields[s.key] !== undefined));
  for (const g of ROWER_DATA_TABLE) {
    const on = present.includes(g);
    if (on !== g.inverted) flags |= 1 << g.bit;
  }
  const out = new Uint8Array(rowerDataLength(flags));
  writeInt(out, 0, 2, flags);
  let offset = 2;
  for (const g of present) {
    for (const s of g.fields) {
      writeInt(out, offset, s.width, rawValue(s, fields[s.key]));
      offset += s.width;
    }
  }
  return out;
}

function rawValue(s: FieldSpec, value: number | null | undefined): number {
  if (value === null || (value === undefined && s.notAvailable !== undefined)) return s.notAvailable ?? 0;
  const { min, max } = intRange(s.width, s.signed);
  const top = s.notAvailable === undefined ? max : s.notAvailable - 1;
  return clampInt((value ?? 0) * s.divisor, min, top);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v >>>= 1) n += v & 1;
  return n;
}
