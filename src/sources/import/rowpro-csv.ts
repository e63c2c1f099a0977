/**
 * RowPro CSV (Concept2 through RowPro): blocks separated by blank rows — account, rower, the
 * session (`Date,TotalTime,…,Format`), the stroke table (`Time,Distance,Pace,Watts,Cals,SPM,HR`;
 * Time in ms, Pace in s/m, HR 0 = none) and a segment table (`Type,Time,…`: Type 1 work, 0 or 2
 * rest, Time = the segment's length in ms).
 *
 * Quirks: the stroke clock and distance restart with each segment, and rests without strokes have
 * no rows at all. When the stroke table restarts, segments are laid end to end with the segment
 * table's lengths: a listed segment of 0 m was sat out (no rows) and goes between the stroke
 * segments, as does one too short for the next stroke segment. RowPro 2.x writes one value more
 * than its header in segment rows ("1,1,423899,1500,…"): the length is the first value of at least
 * 1000 ms, the distance the value after it. Dates: ISO with a zone, or local "YYYY-MM-DD hh:mm:ss" / "M/D/YYYY hh:mm:ss"
 * without one (taken as UTC: the file does not say the zone).
 */
import { columns, csvRows, num, putReadings, required } from './csv.js';
import { fail } from './import-error.js';
import type { ImportedRow, ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

const NAME = 'RowPro CSV';
/** A segment's strokes fit a listed length with this much to spare, ms (the last stroke ends it). */
const FIT_SLACK_MS = 2000;

type Block = string[][];

/** The blocks of the file: runs of non-blank rows. */
function blocks(rows: string[][]): Block[] {
  const out: Block[] = [];
  let cur: Block = [];
  for (const r of rows) {
    if (r.every((c) => c === '')) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else cur.push(r);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function parseRowProCsv(text: string): ImportedSession {
  const all = blocks(csvRows(text));
  const strokesBlock = all.find((b) => b[0]?.[0] === 'Time' && b[0]?.[1] === 'Distance') ?? fail('BAD_FILE', `not a ${NAME} file: no stroke table (Time,Distance,Pace,Watts,…)`);
  const segmentBlock = all.find((b) => b[0]?.[0] === 'Type' && b[0]?.[1] === 'Time');
  const sessionBlock = all.find((b) => b[0]?.[0] === 'Date' && b[0]?.[1] === 'TotalTime');
  const col = columns(strokesBlock[0]!);
  const cTime = required(col, 'Time', NAME);
  const cDist = col('Distance');
  const cPace = col('Pace');
  const cWatts = col('Watts');
  const cRate = col('SPM');
  const cHr = col('HR');

  // the stroke table split at its clock restarts
  const segments: string[][][] = [];
  let prevMs = -1;
  for (const r of strokesBlock.slice(1)) {
    const ms = num(r[cTime]);
    if (ms === undefined) continue;
    if (ms < prevMs || segments.length === 0) segments.push([]);
    segments[segments.length - 1]!.push(r);
    prevMs = ms;
  }
  const listed = segmentBlock ? listedSegments(segmentBlock) : [];
  const starts = segmentStartsMs(segments.map((s) => num(s[s.length - 1]?.[cTime]) ?? 0), listed);

  const out: ImportedRow[] = [];
  let distOffset = 0;
  segments.forEach((seg, k) => {
    let lastDist = 0;
    for (const r of seg) {
      const n = (c: number): number | undefined => (c < 0 ? undefined : num(r[c]));
      const row: ImportedRow = { tS: (starts[k]! + n(cTime)!) / 1000, stroke: true };
      const d = n(cDist);
      if (d !== undefined) {
        row.distanceM = distOffset + d;
        lastDist = d;
      }
      const pacePerM = n(cPace);
      putReadings(row, { paceS500: pacePerM === undefined ? undefined : pacePerM * 500, powerW: n(cWatts), strokeRate: n(cRate), heartRate: n(cHr) });
      out.push(row);
    }
    distOffset += lastDist;
  });
  const s: ImportedSession = { format: 'rowpro-csv', device: 'Concept2 via RowPro', rows: out, heartRateFrom: 'console' };
  const started = sessionBlock?.[1]?.[0];
  const ms = started === undefined ? NaN : parseRowProDate(started);
  if (Number.isFinite(ms)) {
    const iso = isoTime(ms);
    if (iso !== undefined) s.startedAt = iso;
  }
  return s;
}

/** A segment of the segment table: its length and distance (0 m = no strokes: a rest sat out). */
export interface ListedSegment {
  ms: number;
  distanceM: number;
}

/** The listed segments in order (zero-length rows left out). */
function listedSegments(block: Block): ListedSegment[] {
  const out: ListedSegment[] = [];
  for (const r of block.slice(1)) {
    const k = [1, 2].find((i) => (num(r[i]) ?? 0) >= 1000);
    if (k === undefined) continue;
    out.push({ ms: num(r[k])!, distanceM: num(r[k + 1]) ?? 0 });
  }
  return out;
}

/**
 * Where each stroke segment starts on the session timeline, ms. One segment: at 0. Several: each
 * takes the next listed segment that was rowed (distance > 0) and that its last stroke fits in;
 * the listed segments it skips (rests sat out, with no rows) go before it; a stroke segment with no
 * listed one left lasts until its last stroke.
 */
export function segmentStartsMs(lastStrokeMs: readonly number[], listed: readonly ListedSegment[]): number[] {
  if (lastStrokeMs.length <= 1) return lastStrokeMs.map(() => 0);
  const starts: number[] = [];
  let at = 0;
  let j = 0;
  for (const last of lastStrokeMs) {
    let k = j;
    while (k < listed.length && (listed[k]!.distanceM <= 0 || listed[k]!.ms + FIT_SLACK_MS < last)) k++;
    if (k < listed.length) {
      for (; j < k; j++) at += listed[j]!.ms;
      starts.push(at);
      at += listed[k]!.ms;
      j = k + 1;
    } else {
      starts.push(at);
      at += last;
      j = listed.length;
    }
  }
  return starts;
}

/** RowPro's dates → ms since the epoch; local times without a zone are taken as UTC. */
export function parseRowProDate(s: string): number {
  const t = s.trim();
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) && t.includes('T')) return Date.parse(t);
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (m) return Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]!, +m[5]!, +m[6]!);
  return NaN;
}
