/**
 * The text `ergsprint inspect` prints for a recording: header, an aligned table of decoded
 * samples (or raw frames with --raw), and a summary. Pure: takes a parsed Recording and returns lines.
 */
import type { Frame, RowerEvent } from '../ftms/frame.js';
import type { SampleAssembler } from '../ftms/merge.js';
import type { Sample } from '../ftms/sample.js';
import type { Recording } from '../recording/reader.js';
import { formatClockMs, formatPace } from '../rowing/format.js';
import { textTable } from './text-table.js';

export interface InspectOptions {
  /** only this rower's lines (table and summary) */
  rower?: string;
  /** at most this many table rows */
  limit?: number;
  /** raw frames (t, rower, char, hex) instead of decoded samples */
  raw?: boolean;
}


/** The advertised name of each rower: from the header, or a later `connected` event. */
export function rowerNames(rec: Recording): Map<string, string> {
  const names = new Map(rec.header.rowers.map((r) => [r.id, r.name]));
  for (const i of rec.items) if (i.kind === 'event' && i.name !== undefined && !names.has(i.rower)) names.set(i.rower, i.name);
  return names;
}

const DASH = '-';

const num = (x: number | undefined, digits = 0): string => (x === undefined ? DASH : x.toFixed(digits));

/** Every line `inspect` prints, given the recording and a decoder factory (one decoder per rower). */
export function renderInspect(rec: Recording, file: string, opts: InspectOptions, makeDecoder: (rower: string) => SampleAssembler): string[] {
  const out: string[] = [];
  const { header } = rec;
  out.push(`${file}`);
  out.push(`  started  ${header.startedAt}`);
  out.push(`  source   ${header.source}`);
  const inHeader = new Set(header.rowers.map((r) => r.id));
  const rowers = [...rowerNames(rec)].map(([id, name]) => `${id} (${name})${inHeader.has(id) ? '' : ' [connected later]'}`);
  out.push(`  rowers   ${rowers.length > 0 ? rowers.join(', ') : '(none)'}`);
  out.push('');
  const items = opts.rower === undefined ? rec.items : rec.items.filter((i) => i.rower === opts.rower);
  const limit = opts.limit ?? Infinity;
  const table = opts.raw === true ? rawRows(items) : sampleRows(items, makeDecoder);
  const shown = table.rows.slice(0, limit);
  for (const line of textTable([table.head, ...shown], { right: table.right })) out.push(line); // no spread: may be 10^5+ lines
  if (shown.length < table.rows.length) out.push(`  ... ${table.rows.length - shown.length} more rows (--limit ${limit})`);
  out.push('');
  out.push(...summary(rec, items, table));
  return out;
}

interface Table {
  head: string[];
  right: boolean[];
  rows: string[][];
  /** decoded samples (undefined in raw mode) */
  samples?: number;
  /** frames the decoder rejected (DecodeError) */
  undecodable?: number;
}

function rawRows(items: ReadonlyArray<Frame | RowerEvent>): Table {
  const rows = items.map((i) =>
    i.kind === 'frame'
      ? [formatClockMs(i.t), i.rower, i.char, Buffer.from(i.bytes).toString('hex')]
      : [formatClockMs(i.t), i.rower, 'event', eventText(i)],
  );
  return { head: ['t', 'rower', 'char', 'hex'], right: [true, false, false, false], rows };
}

function sampleRows(items: ReadonlyArray<Frame | RowerEvent>, makeDecoder: (rower: string) => SampleAssembler): Table {
  const decoders = new Map<string, SampleAssembler>();
  const rows: string[][] = [];
  let samples = 0;
  const add = (list: Sample[]): void => {
    for (const s of list) {
      samples++;
      rows.push([
        formatClockMs(s.t),
        s.rower,
        num(s.powerW),
        num(s.strokeRate, 1),
        num(s.strokeCount),
        num(s.distanceM),
        s.paceS500 === undefined ? DASH : formatPace(s.paceS500),
        num(s.heartRate),
      ]);
    }
  };
  for (const item of items) {
    if (item.kind === 'event') {
      rows.push([formatClockMs(item.t), item.rower, `[${eventText(item)}]`]);
      continue;
    }
    let dec = decoders.get(item.rower);
    if (dec === undefined) decoders.set(item.rower, (dec = makeDecoder(item.rower)));
    const before = dec.dropped;
    add(dec.push(item));
    if (dec.dropped > before) rows.push([formatClockMs(item.t), item.rower, `[undecodable ${item.char} ${Buffer.from(item.bytes).toString('hex')}]`]);
  }
  for (const dec of decoders.values()) add(dec.flush(Number.POSITIVE_INFINITY));
  const undecodable = [...decoders.values()].reduce((n, d) => n + d.dropped, 0);
  return {
    head: ['t', 'rower', 'power W', 'rate spm', 'strokes', 'dist m', 'pace /500m', 'HR'],
    right: [true, false, true, true, true, true, true, true],
    rows,
    samples,
    undecodable,
  };
}

const eventText = (e: RowerEvent): string => (e.name === undefined ? e.event : `${e.event} ${JSON.stringify(e.name)}`);

function summary(rec: Recording, items: ReadonlyArray<Frame | RowerEvent>, table: Table): string[] {
  const chars = new Map<string, number>();
  const events = new Map<string, number>();
  for (const i of items) {
    const key = i.kind === 'frame' ? i.char : i.event;
    const map = i.kind === 'frame' ? chars : events;
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  const list = (m: Map<string, number>): string => (m.size === 0 ? 'none' : [...m].map(([k, n]) => `${k} ×${n}`).join(', '));
  const first = items[0]?.t ?? 0;
  const last = items[items.length - 1]?.t ?? 0;
  const lines = ['summary'];
  const rows = [
    ['duration', `${formatClockMs(last)} (first item at ${formatClockMs(first)})`],
    ['frames', `${[...chars.values()].reduce((a, b) => a + b, 0)}: ${list(chars)}`],
    ['events', list(events)],
  ];
  if (table.samples !== undefined) rows.push(['samples', String(table.samples)]);
  if (table.undecodable !== undefined && table.undecodable > 0) rows.push(['undecodable', `${table.undecodable} frames`]);
  rows.push(['torn last line', rec.tornLastLine ? 'yes (dropped: the recorder was cut off mid-write)' : 'no']);
  lines.push(...textTable(rows, { indent: '  ' }));
  return lines;
}
