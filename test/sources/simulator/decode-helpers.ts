/** Test helpers: decode a simulated session's frames with the real FTMS decoders. */
import type { Frame, RowerEvent } from '../../../src/ftms/frame.js';
import { decodeHeartRate, type HeartRateMeasurement } from '../../../src/ftms/heart-rate.js';
import { decodeRowerData, type RowerData } from '../../../src/ftms/rower-data.js';

export interface Decoded {
  /** recording time, ms */
  t: number;
  rower: string;
  data: RowerData;
}

/** Every Rower Data notification, decoded, in order. */
export function rowerData(items: ReadonlyArray<Frame | RowerEvent>, rower?: string): Decoded[] {
  return items
    .filter((x): x is Frame => x.kind === 'frame' && x.char === '2ad1' && (rower === undefined || x.rower === rower))
    .map((f) => ({ t: f.t, rower: f.rower, data: decodeRowerData(f.bytes) }));
}

/** Every Heart Rate Measurement, decoded. */
export function heartRates(items: ReadonlyArray<Frame | RowerEvent>): Array<{ t: number; m: HeartRateMeasurement }> {
  return items.filter((x): x is Frame => x.kind === 'frame' && x.char === '2a37').map((f) => ({ t: f.t, m: decodeHeartRate(f.bytes) }));
}

/** One stroke as a per-stroke device reports it: report time (s), power (W), rate (spm). */
export interface ReportedStroke {
  tS: number;
  powerW: number;
  rateSpm: number;
  count: number;
}

/** Strokes from a per-stroke recording: one record per stroke-count increment. */
export function reportedStrokes(decoded: readonly Decoded[]): ReportedStroke[] {
  const out: ReportedStroke[] = [];
  let lastCount = 0;
  for (const d of decoded) {
    const c = d.data.strokeCount;
    if (c === undefined || c <= lastCount) continue;
    lastCount = c;
    out.push({ tS: d.t / 1000, powerW: d.data.powerW ?? 0, rateSpm: d.data.strokeRate ?? 0, count: c });
  }
  return out;
}

/** Strokes reported inside [startS, endS] (a stroke is reported at its end, up to 60 ms late). */
export function strokesIn(strokes: readonly ReportedStroke[], startS: number, endS: number): ReportedStroke[] {
  return strokes.filter((s) => s.tS > startS + 0.1 && s.tS <= endS + 0.1);
}

/** Duration-weighted mean power (energy ÷ time) of strokes, each lasting 60/rate s. */
export function meanPowerW(strokes: readonly ReportedStroke[]): number {
  let e = 0;
  let t = 0;
  for (const s of strokes) {
    const d = 60 / s.rateSpm;
    e += s.powerW * d;
    t += d;
  }
  return e / t;
}
