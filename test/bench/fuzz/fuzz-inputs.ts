/**
 * What the fuzz feeds: per FTMS characteristic a mix of plain random bytes, structure-aware
 * payloads (valid flags/op codes, lengths at and around what they require) and mutations of real
 * payloads (the committed fixtures and ../shared/ftms/vectors.json); for the recording reader,
 * whole small recordings made of random bytes, JSON-ish lines and valid lines with random values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { rowerDataLength } from '../../../src/ftms/rower-data.js';

export const CHARS = ['2ad1', '2a37', '2ad3', '2ada', '2ad9', '2acc'] as const;
export type Char = (typeof CHARS)[number];
export const READER_MODES = ['reader-bytes', 'reader-jsonish', 'reader-valid'] as const;
export type ReaderMode = (typeof READER_MODES)[number];

/** the package root: npm runs scripts there */
const root = process.cwd();

/** Real payloads by characteristic: every distinct frame of the fixtures, plus the shared vectors. */
export function loadCorpus(): Map<string, Uint8Array[]> {
  const seen = new Map<string, Set<string>>();
  const add = (c: string, hex: string): void => void (seen.get(c) ?? seen.set(c, new Set()).get(c))?.add(hex.toLowerCase());
  const fixtures = join(root, 'fixtures');
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith('.ndjson'))) {
    for (const line of readFileSync(join(fixtures, f), 'utf8').split('\n')) {
      const m = /"c":"([0-9a-f]{4})","d":"([0-9a-fA-F]*)"/.exec(line);
      if (m?.[1] && m[2] !== undefined) add(m[1], m[2]);
    }
  }
  const vectors = join(root, '..', 'shared', 'ftms', 'vectors.json');
  if (existsSync(vectors)) {
    const v = JSON.parse(readFileSync(vectors, 'utf8')) as Record<string, unknown>;
    const take = (c: string, list: unknown): void => {
      if (Array.isArray(list)) for (const x of list) if (typeof (x as { hex?: unknown }).hex === 'string') add(c, (x as { hex: string }).hex);
    };
    take('2ad1', v.rowerData);
    take('2a37', v.heartRate);
  }
  return new Map([...seen].map(([c, s]) => [c, [...s].map((h) => Uint8Array.from(Buffer.from(h, 'hex')))]));
}

const bytes = (min: number, max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: min, maxLength: max });
const withHead = (head: fc.Arbitrary<readonly number[]>, tail: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  fc.tuple(head, tail).map(([h, t]) => Uint8Array.from([...h, ...t]));

/** Rower Data: random flags, exactly the length they need, or a few bytes short or over. */
const rowerData = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -3, max: 3 }), fc.boolean()).chain(([flags, delta, exact]) => {
  const len = Math.max(2, rowerDataLength(flags) + (exact ? 0 : delta));
  return bytes(len - 2, len - 2).map((rest) => Uint8Array.from([flags & 0xff, flags >> 8, ...rest]));
});

const structured: Record<Char, fc.Arbitrary<Uint8Array>> = {
  '2ad1': rowerData,
  // flags (u8/u16 bpm, contact, energy, RR), then 0–24 bytes of bpm / energy / RR intervals
  '2a37': withHead(fc.tuple(fc.integer({ min: 0, max: 0x1f })), bytes(0, 24)),
  // flags (string present / extended), status 0x00–0x10 or any, optional UTF-8-ish text
  '2ad3': withHead(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(fc.integer({ min: 0, max: 0x10 }), fc.integer({ min: 0, max: 255 }))), bytes(0, 24)),
  // op code 0x01–0x16 / 0xff or any, then parameters
  '2ada': withHead(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 0x16 }), fc.constant(0xff), fc.integer({ min: 0, max: 255 }))), bytes(0, 8)),
  // response 0x80, request op code, result code; or a request op code and parameters
  '2ad9': fc.oneof(
    withHead(fc.tuple(fc.constant(0x80), fc.integer({ min: 0, max: 0x14 }), fc.integer({ min: 0, max: 6 })), bytes(0, 6)),
    withHead(fc.tuple(fc.integer({ min: 0, max: 0x14 })), bytes(0, 8)),
  ),
  // two u32 bit fields (8 bytes) and a few around it
  '2acc': bytes(6, 10),
};

/** A real payload with 1–4 edits: flip a bit, set a byte, cut the tail, insert a byte. */
function mutated(corpus: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(63), fc.integer({ min: 0, max: 255 }));
  return fc.tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([base, edits]) => {
    let b = Array.from(base);
    for (const [op, at, v] of edits) {
      const i = b.length === 0 ? 0 : at % b.length;
      if (op === 0 && b.length > 0) b[i] = (b[i] as number) ^ (1 << (v & 7));
      else if (op === 1 && b.length > 0) b[i] = v;
      else if (op === 2) b = b.slice(0, i);
      else b.splice(i, 0, v);
    }
    return Uint8Array.from(b);
  });
}

/** The payload generator of one characteristic. */
export function payloads(char: Char, corpus: Map<string, Uint8Array[]>): fc.Arbitrary<Uint8Array> {
  const real = corpus.get(char) ?? [];
  const arbs = [
    { weight: 3, arbitrary: bytes(0, 40) },
    { weight: 4, arbitrary: structured[char] },
    ...(real.length > 0 ? [{ weight: 3, arbitrary: mutated(real) }] : []),
  ];
  return fc.oneof(...arbs);
}

const HEADER = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-01-05T07:00:00.000Z","source":"simulator","rowers":[{"id":"a","name":"A"}]}';

const anyValue = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const hexish = fc.oneof(
  fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('hex')),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFgx '), maxLength: 30 }),
);
const tValue = fc.oneof(fc.nat(10_000_000), fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(0, -1, 1e308, 2 ** 53, 0.5));
const charValue = fc.oneof(fc.constantFrom('2ad1', '2a37', '2ad3', '2ada', '2ad9', '2acc', '2AD1', 'ffff', ''), fc.string({ maxLength: 6 }));

const rowerId = fc.oneof(fc.constant('a'), fc.string({ minLength: 1, maxLength: 8 }));
const eventName = fc.oneof(fc.constantFrom('connected', 'disconnected', 'workout-start', 'workout-stop', 'session-end', 'name', 'athlete', 'import'), fc.string({ minLength: 1, maxLength: 10 }));

/** A legal line (t from the running clock): a frame with any payload, or an event with any name. */
type Legal = (t: number) => string;
const legalLine: fc.Arbitrary<[number, Legal]> = fc.tuple(
  fc.nat(5000),
  fc.oneof(
    fc.record({ r: rowerId, c: fc.constantFrom('2ad1', '2a37', '2ad3', '2ada', '2ad9', '2acc', '2a5b'), d: fc.uint8Array({ maxLength: 30 }) })
      .map(({ r, c, d }): Legal => (t) => JSON.stringify({ t, r, c, d: Buffer.from(d).toString('hex') })),
    fc.record({ r: rowerId, event: eventName, name: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), plan: fc.option(fc.object({ maxDepth: 2 }), { nil: undefined }) })
      .map((e): Legal => (t) => JSON.stringify({ type: 'event', t, ...e })),
  ),
);

/** A line with the right keys and random values (most of them not legal). */
const nearValidLine = fc.oneof(
  fc.record({ t: tValue, r: rowerId, c: charValue, d: hexish }),
  fc.record({ type: fc.constant('event'), t: tValue, r: rowerId, event: fc.oneof(eventName, anyValue), name: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }, { requiredKeys: ['type', 't', 'r', 'event'] }),
).map((o) => JSON.stringify(o));

/** 1–8 lines, three in four legal (t non-decreasing), the others near-valid. */
const validishBody = fc.array(fc.oneof({ weight: 3, arbitrary: legalLine }, { weight: 1, arbitrary: nearValidLine }), { minLength: 1, maxLength: 8 }).map((ls) => {
  let t = 0;
  return ls.map((l) => (typeof l === 'string' ? l : ((t += l[0]), l[1](t)))).join('\n');
});

/** JSON-ish: JSON of any shape, objects with the format's keys and random values, broken JSON. */
const jsonishLine = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('t', 'r', 'c', 'd', 'type', 'event', 'format', 'version', 'startedAt', 'source', 'rowers', 'name'), anyValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.tuple(fc.json({ maxDepth: 2 }), fc.nat(40)).map(([j, cut]) => j.slice(0, cut)),
);

/** A header line: the valid one, or one with a random field. */
const headerLine = fc.oneof(
  { weight: 6, arbitrary: fc.constant(HEADER) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('format', 'version', 'startedAt', 'source', 'rowers'), anyValue).map(([k, v]) => JSON.stringify({ ...(JSON.parse(HEADER) as object), [k]: v })) },
  { weight: 1, arbitrary: jsonishLine },
);

/** A whole small recording text for one reader mode; sometimes without the final '\n' (torn write). */
export function recordingTexts(mode: ReaderMode): fc.Arbitrary<string> {
  const body: fc.Arbitrary<string> =
    mode === 'reader-bytes'
      ? fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString(b.length % 2 === 0 ? 'utf8' : 'latin1'))
      : mode === 'reader-jsonish' ? fc.array(jsonishLine, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n')) : validishBody;
  const header = mode === 'reader-bytes' ? fc.oneof(fc.constant(HEADER), fc.constant('')) : mode === 'reader-valid' ? fc.oneof({ weight: 9, arbitrary: fc.constant(HEADER) }, { weight: 1, arbitrary: headerLine }) : headerLine;
  return fc.tuple(header, body, fc.boolean(), fc.boolean()).map(
    ([h, b, crlf, terminated]) => `${h}${h === '' ? '' : crlf ? '\r\n' : '\n'}${b}${terminated ? '\n' : ''}`,
  );
}
