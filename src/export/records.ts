/**
 * 1 Hz records from the analysis samples: at every whole second of the session, the latest sample
 * (held at most STALE_MS), never during a lost link. Distance is rebased to 0 at the session start
 * and kept monotone; strokes are counted from the pipeline's stroke events; speed is 500 / pace
 * (or from power by Concept2's relation when the console sends no pace). Absent stays absent.
 */
import type { Sample } from '../ftms/sample.js';
import { paceFromPower } from '../rowing/power.js';
import type { ExportInput } from './export-input.js';
import type { ExportSegment, Pause } from './timeline.js';

/** A sample older than this is not held into a record, ms (a silent console is no data). */
export const STALE_MS = 5000;

export interface ExportRecord {
  /** ms of data time, a whole second */
  t: number;
  powerW?: number;
  strokeRate?: number;
  heartRate?: number;
  /** metres since the session start, monotone */
  distanceM?: number;
  speedMps?: number;
  /** kcal since the session start (console's counter, rebased like distance) */
  energyKcal?: number;
  /** strokes since the session start */
  strokes: number;
  /** rowingdata WorkoutState: 1 work, 3 rest (everything that is not a work rep) */
  workState: 1 | 3;
}

function speedOf(s: Sample): number | undefined {
  if (s.paceS500 !== undefined && s.paceS500 > 0) return 500 / s.paceS500;
  if (s.powerW !== undefined && s.powerW > 0) return 500 / paceFromPower(s.powerW);
  return undefined;
}

/** The distance that counts as 0 m: the latest at or before `startMs`, else the first one seen. */
export function distanceBase(samples: readonly Sample[], startMs: number): number | undefined {
  let base: number | undefined;
  for (const s of samples) {
    if (s.distanceM === undefined) continue;
    if (s.t > startMs && base !== undefined) break;
    base = s.distanceM;
    if (s.t > startMs) break;
  }
  return base;
}

/** The records of a session tiled by `segments`, skipping `pauses`. */
export function recordsOf(input: ExportInput, segments: readonly ExportSegment[], pauses: readonly Pause[]): ExportRecord[] {
  const startMs = segments[0]!.startMs;
  const endMs = segments[segments.length - 1]!.endMs;
  const samples = input.samples;
  const out: ExportRecord[] = [];
  let si = -1; // latest sample with t ≤ current second
  while (si + 1 < samples.length && samples[si + 1]!.t <= startMs) si++;
  let base = distanceBase(samples, startMs);
  let distance = 0;
  let energyBase: number | undefined;
  for (const x of samples) {
    if (x.energyKcal === undefined) continue;
    if (x.t > startMs && energyBase !== undefined) break;
    energyBase = x.energyKcal;
    if (x.t > startMs) break;
  }
  let energy = 0;
  let k = 0; // strokes with t ≤ current second
  while (k < input.strokes.length && input.strokes[k]!.t <= startMs) k++;
  const strokesBefore = k;
  let seg = 0;
  let lastHr: Sample | undefined;
  for (let t = startMs; t <= endMs; t += 1000) {
    while (si + 1 < samples.length && samples[si + 1]!.t <= t) {
      si++;
      if (samples[si]!.heartRate !== undefined) lastHr = samples[si];
    }
    while (k < input.strokes.length && input.strokes[k]!.t <= t) k++;
    while (seg + 1 < segments.length && segments[seg]!.endMs <= t) seg++;
    const s = si >= 0 ? samples[si] : undefined;
    if (s === undefined || t - s.t > STALE_MS) continue;
    if (pauses.some((p) => t > p.fromMs && t < p.toMs)) continue;
    const rec: ExportRecord = { t, strokes: k - strokesBefore, workState: segments[seg]!.kind === 'work' ? 1 : 3 };
    if (s.powerW !== undefined) rec.powerW = s.powerW;
    if (s.strokeRate !== undefined) rec.strokeRate = s.strokeRate;
    if (lastHr !== undefined && t - lastHr.t <= STALE_MS) rec.heartRate = lastHr.heartRate!;
    if (s.distanceM !== undefined) {
      base ??= s.distanceM;
      distance = Math.max(distance, s.distanceM - base);
      rec.distanceM = distance;
    }
    if (s.energyKcal !== undefined) {
      energyBase ??= s.energyKcal;
      energy = Math.max(energy, s.energyKcal - energyBase);
      rec.energyKcal = energy;
    }
    const v = speedOf(s);
    if (v !== undefined) rec.speedMps = v;
    out.push(rec);
  }
  return out;
}
