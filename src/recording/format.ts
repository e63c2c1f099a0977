/**
 * Recording format v1 (DESIGN.md "Contracts"): NDJSON, one JSON object per line.
 *
 *   {"type":"header","format":"ergsprint-recording","version":1,"startedAt":"<ISO>","source":"ble","rowers":[{"id":"a","name":"PM5"}]}
 *   {"t":0,"r":"a","c":"2ad1","d":"<hex payload>"}
 *   {"type":"event","t":5230,"r":"a","event":"disconnected"}
 *
 * `t` is ms since `startedAt`. Unknown characteristics and event names are kept. A `connected`
 * event may carry `"name"` (live rowers connect after the header is written); a `workout-start`
 * event carries `"plan"`, the plan as a JSON object (checked to be an object here; the pipeline
 * validates its fields):
 *
 *   {"type":"event","t":61000,"r":"a","event":"workout-start","plan":{"name":"hiit-30-90","reps":8,"workS":30,"restS":90}}
 *   {"type":"event","t":95000,"r":"a","event":"workout-stop"}
 *
 * An `import` event opens an imported recording and names the original: `"file"`, `"format"`,
 * `"sha256"` (strings); an `athlete` event binds an athlete (`"athlete"`) to the rower, a `name`
 * event gives it a display name (`"name"`). Recordings of ergsprint 0.1 wrote the athlete as
 * `"name"` and the display name as a `rename` event: both are still read, as the same events.
 * Validation is by hand so every error names the exact problem ("t must be a non-negative number").
 */
import { ATHLETE_EVENT, NAME_EVENT, type Frame, type RowerEvent, type SourceKind } from '../ftms/frame.js';

export const RECORDING_FORMAT = 'ergsprint-recording';
export const RECORDING_VERSION = 1;

/** The sources a recording header may name (replays are not recorded). */
export const RECORDING_SOURCES = ['ble', 'simulator', 'import'] as const satisfies readonly SourceKind[];
export type RecordingSource = (typeof RECORDING_SOURCES)[number];
const SOURCES: readonly string[] = RECORDING_SOURCES;

export interface RecordingRower {
  id: string;
  /** advertised name */
  name: string;
}

/** The first line of a recording (format and version are implied: always written as v1). */
export interface RecordingHeader {
  /** ISO-8601 wall-clock time of t = 0 */
  startedAt: string;
  source: RecordingSource;
  rowers: RecordingRower[];
}

/** Anything a recording holds after its header. */
export type RecordingItem = Frame | RowerEvent;

/** A line failed validation; `reason` is the human-readable problem (no file/line prefix). */
export class LineFormatError extends Error {
  constructor(
    readonly code: 'BAD_HEADER' | 'BAD_VERSION' | 'BAD_LINE',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'LineFormatError';
  }
}

/** What ergsprint 0.1 called the `name` event. */
const LEGACY_RENAME = 'rename';

/** Provenance fields of an `import` event (DESIGN.md "Recording events"): kept as strings. */
const IMPORT_KEYS = ['file', 'format', 'sha256'] as const;

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
/** 16-bit ('2ad1'), 32-bit or 128-bit (with dashes) lowercase UUIDs. */
const CHAR_UUID = /^(?:[0-9a-f]{4}|[0-9a-f]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const bad = (reason: string): never => {
  throw new LineFormatError('BAD_LINE', reason);
};
const badHeader = (reason: string): never => {
  throw new LineFormatError('BAD_HEADER', reason);
};

/** Serialise the header line (no trailing newline). */
export function headerToLine(h: RecordingHeader): string {
  const rowers = h.rowers.map((r) => ({ id: r.id, name: r.name }));
  return JSON.stringify({ type: 'header', format: RECORDING_FORMAT, version: RECORDING_VERSION, startedAt: h.startedAt, source: h.source, rowers });
}

/** Validate a parsed first line as a v1 header; throws LineFormatError. */
export function headerFromJson(x: unknown): RecordingHeader {
  if (!isObj(x) || x['type'] !== 'header') badHeader('first line is not a header (expected {"type":"header",...})');
  const o = x as Obj;
  if (o['format'] !== RECORDING_FORMAT) badHeader(`format must be "${RECORDING_FORMAT}"`);
  const v = o['version'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) badHeader('version must be a positive integer');
  if (v !== RECORDING_VERSION) {
    throw new LineFormatError('BAD_VERSION', `recording format version ${String(v)} is not supported (this ergsprint reads version ${RECORDING_VERSION})`);
  }
  const startedAt = o['startedAt'];
  if (typeof startedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(startedAt) || Number.isNaN(Date.parse(startedAt))) {
    badHeader('startedAt must be an ISO-8601 date-time string');
  }
  const source = o['source'];
  if (typeof source !== 'string' || !SOURCES.includes(source)) badHeader(`source must be one of ${SOURCES.join(', ')}`);
  const rowers = o['rowers'];
  if (!Array.isArray(rowers)) badHeader('rowers must be an array');
  const out: RecordingRower[] = [];
  (rowers as unknown[]).forEach((r, i) => {
    if (!isObj(r)) badHeader(`rowers[${i}] must be an object`);
    const { id, name } = r as Obj;
    if (typeof id !== 'string' || id === '') badHeader(`rowers[${i}].id must be a non-empty string`);
    if (typeof name !== 'string') badHeader(`rowers[${i}].name must be a string`);
    out.push({ id: id as string, name: name as string });
  });
  return { startedAt: startedAt as string, source: source as RecordingSource, rowers: out };
}

/** Serialise one frame or event (no trailing newline). Throws LineFormatError on invalid input. */
export function itemToLine(item: RecordingItem): string {
  checkCommon(item.t, item.rower);
  if (item.kind === 'frame') {
    if (!CHAR_UUID.test(item.char)) bad('c must be a lowercase hex UUID like "2ad1"');
    return JSON.stringify({ t: item.t, r: item.rower, c: item.char, d: Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength).toString('hex') });
  }
  if (typeof item.event !== 'string' || item.event === '') bad('event must be a non-empty string');
  const line: Obj = { type: 'event', t: item.t, r: item.rower, event: item.event };
  if (item.name !== undefined) line['name'] = item.name;
  if (item.athlete !== undefined) line['athlete'] = item.athlete;
  if (item.plan !== undefined) {
    if (!isObj(item.plan)) bad('plan must be a JSON object');
    line['plan'] = item.plan;
  }
  for (const k of IMPORT_KEYS) if (item[k] !== undefined) line[k] = item[k];
  return JSON.stringify(line);
}

/** Validate a parsed (non-header) line as a frame or event; throws LineFormatError. */
export function itemFromJson(x: unknown): RecordingItem {
  if (!isObj(x)) return bad('line is not a JSON object');
  const type = x['type'];
  if (type === 'header') bad('a second header line');
  if (type !== undefined && type !== 'event') bad(`unknown line type ${JSON.stringify(type)}`);
  const { t, r } = x;
  checkCommon(t, r);
  if (type === 'event') {
    const { event, name, athlete, plan } = x;
    if (typeof event !== 'string' || event === '') bad('event must be a non-empty string');
    if (name !== undefined && typeof name !== 'string') bad('name must be a string');
    if (athlete !== undefined && typeof athlete !== 'string') bad('athlete must be a string');
    if (plan !== undefined && !isObj(plan)) bad('plan must be a JSON object');
    // the 0.1 forms: {"event":"rename","name":…} and {"event":"athlete","name":…}
    const ev: RowerEvent = { kind: 'event', t: t as number, rower: r as string, event: event === LEGACY_RENAME ? NAME_EVENT : (event as string) };
    if (event === ATHLETE_EVENT && athlete === undefined && name !== undefined) ev.athlete = name as string;
    else if (name !== undefined) ev.name = name as string;
    if (athlete !== undefined) ev.athlete = athlete as string;
    if (plan !== undefined) ev.plan = plan as Obj;
    for (const k of IMPORT_KEYS) {
      const v = x[k];
      if (v === undefined) continue;
      if (typeof v !== 'string') bad(`${k} must be a string`);
      ev[k] = v as string;
    }
    return ev;
  }
  const { c, d } = x;
  if (typeof c !== 'string' || !CHAR_UUID.test(c)) bad('c must be a lowercase hex UUID like "2ad1"');
  if (typeof d !== 'string') bad('d must be a string of hex bytes');
  if (!HEX.test(d as string)) bad('d is not hex (expected an even number of 0-9a-f digits)');
  return { kind: 'frame', t: t as number, rower: r as string, char: c as string, bytes: hexToBytes(d as string) };
}

function checkCommon(t: unknown, r: unknown): void {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) bad('t must be a non-negative number');
  if (typeof r !== 'string' || r === '') bad('r must be a non-empty string');
}

/**
 * Hex string (even length, any case, already validated) → a plain Uint8Array (not a Buffer, so
 * deep-equal works). It views the bytes Node decoded into its shared Buffer pool instead of copying
 * them into an ArrayBuffer of their own: a recording's thousands of frames cost no allocation each.
 */
export function hexToBytes(hex: string): Uint8Array {
  const b = Buffer.from(hex, 'hex');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
