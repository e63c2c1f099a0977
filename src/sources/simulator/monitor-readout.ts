/**
 * What the monitor displays at a moment: the last completed stroke's values (sample-and-hold),
 * cumulative distance/energy/time, running averages — and what a device shows once the athlete
 * has stopped (zeros, or the stale last values for WaterRower-style consoles).
 */
import { paceS500FromPowerW } from './athlete.js';
import type { SimulatedConsole } from './simulated-consoles.js';
import { type MonitorStroke, type MonitorTrace, traceAt } from './flywheel.js';

export interface Readout {
  strokeRateSpm: number;
  strokeCount: number;
  powerW: number;
  /** 0 = no pace */
  paceS500: number;
  avgStrokeRateSpm: number;
  avgPowerW: number;
  avgPaceS500: number;
  distanceM: number;
  totalEnergyKcal: number;
  energyPerHourKcal: number;
  energyPerMinuteKcal: number;
  elapsedS: number;
}

/**
 * Console counter quirks (docs/ftms.md §4 rule 6): counters already above 0 when the session
 * starts, and a console reset that drops every cumulative field back to 0 mid-session. Stroke
 * Count is u16 on the wire, so an offset near 65535 also makes it wrap.
 */
export interface CounterQuirks {
  /** strokes already on the console's counter at rowing time 0 */
  strokeOffset: number;
  /** metres already on the console's distance at rowing time 0 */
  distanceOffsetM: number;
  /** rowing time, s, at which the console resets (undefined = never) */
  resetAtS?: number;
}

/** instantaneous values drop to zero this long after the last stroke (non-stale devices), s */
const STOPPED_AFTER_MIN_S = 5;

/** A function giving the readout at rowing time `tS` (s since rowing started) for a device profile. */
export function createReadout(trace: MonitorTrace, profile: SimulatedConsole, quirks?: CounterQuirks): (tS: number) => Readout {
  const plain = plainReadout(trace, profile);
  if (!quirks) return plain;
  const resetAtS = quirks.resetAtS;
  const atReset = resetAtS === undefined ? undefined : plain(resetAtS);
  return (tS) => {
    const r = plain(tS);
    if (atReset === undefined || resetAtS === undefined || tS < resetAtS) {
      return { ...r, strokeCount: (r.strokeCount + quirks.strokeOffset) & 0xffff, distanceM: r.distanceM + quirks.distanceOffsetM };
    }
    // after the reset the console counts from 0 again: cumulative fields and averages restart
    const count = (r.strokeCount - atReset.strokeCount) & 0xffff;
    const sinceS = Math.max(0, tS - resetAtS);
    const distanceM = Math.max(0, r.distanceM - atReset.distanceM);
    return {
      ...r,
      strokeCount: count,
      distanceM,
      totalEnergyKcal: Math.max(0, r.totalEnergyKcal - atReset.totalEnergyKcal),
      elapsedS: Math.floor(sinceS),
      avgStrokeRateSpm: sinceS > 0 ? (60 * count) / sinceS : 0,
      avgPaceS500: distanceM > 1 ? Math.round((500 * sinceS) / distanceM) : 0,
    };
  };
}

function plainReadout(trace: MonitorTrace, profile: SimulatedConsole): (tS: number) => Readout {
  const strokes = trace.strokes;
  const firstCatchS = strokes[0]?.applied.catchS ?? 0;
  // prefix sums for the running averages, and the rate a PM5 freezes at during a programmed rest
  const workSumW: number[] = [];
  const frozenRate: number[] = [];
  let sum = 0;
  let lastWorkRate: number | undefined;
  for (const s of strokes) {
    sum += s.reportedW * s.applied.durationS;
    workSumW.push(sum);
    if (s.applied.kind === 'work') lastWorkRate = s.rateSpm;
    frozenRate.push(profile.rateFrozenInRest && s.applied.kind === 'rest' && lastWorkRate !== undefined ? lastWorkRate : s.rateSpm);
  }
  return (tS) => {
    const i = lastCompleted(strokes, tS);
    const last = i >= 0 ? strokes[i] : undefined;
    const distanceM = traceAt(trace.distanceM, tS);
    const rowingS = Math.max(0, tS - firstCatchS);
    const stopped = !last || tS - last.endS > Math.max(STOPPED_AFTER_MIN_S, 2 * last.applied.durationS);
    const live = last !== undefined && (!stopped || profile.staleWhenStopped);
    const powerW = live ? Math.round(last.reportedW) : 0;
    const sinceFirst = last ? last.endS - firstCatchS : 0;
    const perHour = live ? Math.round(4 * 0.8604 * powerW + 300) : 0;
    return {
      strokeRateSpm: live ? (frozenRate[i] ?? 0) : 0,
      strokeCount: last ? last.count & 0xffff : 0,
      powerW,
      paceS500: live && powerW > 0 ? Math.round(paceS500FromPowerW(powerW)) : 0,
      avgStrokeRateSpm: last && rowingS > 0 ? (60 * last.count) / rowingS : 0,
      avgPowerW: last && sinceFirst > 0 ? Math.round((workSumW[i] ?? 0) / sinceFirst) : 0,
      avgPaceS500: distanceM > 1 ? Math.round((500 * rowingS) / distanceM) : 0,
      distanceM: Math.floor(distanceM),
      totalEnergyKcal: Math.floor(traceAt(trace.energyKcal, tS)),
      energyPerHourKcal: perHour,
      energyPerMinuteKcal: Math.round(perHour / 60),
      elapsedS: Math.floor(rowingS),
    };
  };
}

/** Index of the last stroke completed at or before `tS`, or −1. */
function lastCompleted(strokes: readonly MonitorStroke[], tS: number): number {
  let lo = 0;
  let hi = strokes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (strokes[mid]!.endS <= tS + 1e-9) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
