/**
 * The export timeline of one rower, shared by every format: segments (laps) on whole seconds
 * tiling the session, 1 Hz records inside it, and the timer pauses of a lost link. FIT stores
 * times in whole seconds, so every boundary is the analysis's boundary rounded to the second;
 * laps then tile the session exactly. Pure: data time only.
 */
import type { Interval, IntervalKind } from '../analysis/types.js';
import type { ExportInput } from './export-input.js';
import { recordsOf, type ExportRecord } from './records.js';

export interface ExportSegment {
  /** 'session': a recording with no intervals exports as one lap */
  kind: IntervalKind | 'session';
  /** the interval's index (work n, rest n), 0 for warm-up, cool-down and session */
  index: number;
  /** whole seconds, ms of data time */
  startMs: number;
  endMs: number;
  interval?: Interval;
}

export interface Pause {
  /** ms of data time, whole seconds */
  fromMs: number;
  toMs: number;
}

export interface Timeline {
  segments: ExportSegment[];
  records: ExportRecord[];
  /** link lost → regained, inside the session, in order */
  pauses: Pause[];
  startMs: number;
  endMs: number;
}

export class ExportError extends Error {
  constructor(
    readonly code: 'NO_DATA' | 'INVALID' | 'LINT',
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const toSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

function segmentsOf(input: ExportInput): ExportSegment[] {
  const out: ExportSegment[] = [];
  for (const iv of input.intervals) {
    const startMs = out.length > 0 ? out[out.length - 1]!.endMs : toSecond(iv.start);
    const endMs = Math.max(toSecond(iv.end), startMs);
    if (endMs === startMs) continue; // shorter than a second once rounded: nothing FIT can hold
    out.push({ kind: iv.kind, index: iv.kind === 'work' || iv.kind === 'rest' ? iv.index : 0, startMs, endMs, interval: iv });
  }
  if (out.length > 0) return out;
  if (input.samples.length === 0) throw new ExportError('NO_DATA', `rower ${input.rower.id} has no samples to export`);
  const ts = input.samples.map((s) => s.t);
  const startMs = Math.floor(ts.reduce((a, b) => Math.min(a, b)) / 1000) * 1000;
  const endMs = Math.max(Math.ceil(ts.reduce((a, b) => Math.max(a, b)) / 1000) * 1000, startMs + 1000);
  return [{ kind: 'session', index: 0, startMs, endMs }];
}

function pausesOf(input: ExportInput, startMs: number, endMs: number): Pause[] {
  const out: Pause[] = [];
  let lostAt: number | undefined;
  for (const link of input.links) {
    if (!link.connected && lostAt === undefined) lostAt = link.t;
    else if (link.connected && lostAt !== undefined) {
      out.push({ fromMs: lostAt, toMs: link.t });
      lostAt = undefined;
    }
  }
  if (lostAt !== undefined) out.push({ fromMs: lostAt, toMs: endMs });
  return out
    .map((p) => ({ fromMs: Math.max(toSecond(p.fromMs), startMs), toMs: Math.min(toSecond(p.toMs), endMs) }))
    .filter((p) => p.toMs > p.fromMs);
}

/** Build the timeline; throws ExportError: NO_DATA when the rower has nothing to export, INVALID for a start that is not a date. */
export function timelineOf(input: ExportInput): Timeline {
  if (!Number.isFinite(Date.parse(input.startedAt))) throw new ExportError('INVALID', `startedAt "${input.startedAt}" is not a date`);
  const segments = segmentsOf(input);
  const startMs = segments[0]!.startMs;
  const endMs = segments[segments.length - 1]!.endMs;
  const pauses = pausesOf(input, startMs, endMs);
  const records = recordsOf(input, segments, pauses);
  if (records.length === 0) throw new ExportError('NO_DATA', `rower ${input.rower.id} has no samples inside its intervals`);
  return { segments, records, pauses, startMs, endMs };
}

/** Milliseconds of `[fromMs, toMs)` the timer was stopped. */
export function pausedMs(pauses: readonly Pause[], fromMs: number, toMs: number): number {
  let sum = 0;
  for (const p of pauses) sum += Math.max(0, Math.min(p.toMs, toMs) - Math.max(p.fromMs, fromMs));
  return sum;
}

/** The records of a segment: start ≤ t < end, and the session's last record in the last segment. */
export function recordsIn(tl: Timeline, seg: ExportSegment): ExportRecord[] {
  const last = seg.endMs === tl.endMs;
  return tl.records.filter((r) => r.t >= seg.startMs && (r.t < seg.endMs || (last && r.t === seg.endMs)));
}
