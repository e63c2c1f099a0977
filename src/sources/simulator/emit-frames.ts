/**
 * Turns the monitor's timeline into the raw notifications a device of a given profile would send:
 * when (per stroke / 1 Hz), which fields, how split, what is lost — plus connection events and
 * an optional heart-rate strap. Bytes come from the same encoders a real device's bytes are
 * checked against (src/ftms).
 */
import type { Frame, RowerEvent } from '../../ftms/frame.js';
import { encodeHeartRate } from '../../ftms/heart-rate.js';
import { encodeRowerData, type RowerDataFields } from '../../ftms/rower-data.js';
import { HEART_RATE_MEASUREMENT, ROWER_DATA } from '../../ftms/uuids.js';
import type { SimulatedConsole, HrSource } from './simulated-consoles.js';
import type { MonitorTrace } from './flywheel.js';
import { type CounterQuirks, createReadout, type Readout } from './monitor-readout.js';
import type { Random } from './random.js';

/** A stretch with no Rower Data notifications (radio trouble), in recording seconds. */
export interface GapOption {
  atS: number;
  durationS: number;
  /** also emit 'disconnected' / 'connected' events around it */
  disconnect?: boolean;
}

export interface EmitOptions {
  rowerId: string;
  name: string;
  profile: SimulatedConsole;
  hr: HrSource;
  /** heart rate, bpm, at each whole second of rowing time */
  hrTrace: readonly number[];
  /** recording time at which rowing starts, s (wake-up packets go before it) */
  leadInS: number;
  /** how long a time-driven device keeps notifying after the last stroke, s */
  tailEmitS: number;
  gap?: GapOption;
  /** console counter quirks (offsets, a reset), in rowing time */
  counters?: CounterQuirks;
  rng: Random;
}

type Item = Frame | RowerEvent;

/** All frames and events of one simulated rower (and its strap), sorted by time. */
export function emitFrames(trace: MonitorTrace, o: EmitOptions): Item[] {
  const { profile, rng } = o;
  const readout = createReadout(trace, profile, o.counters);
  const hrAt = (tS: number): number => o.hrTrace[Math.min(o.hrTrace.length - 1, Math.max(0, Math.round(tS)))] ?? 0;
  const lastEndS = trace.strokes[trace.strokes.length - 1]?.endS ?? 0;
  const endS = o.leadInS + lastEndS + (profile.cadence === 'stroke' ? 1 : o.tailEmitS);
  const items: Item[] = [{ kind: 'event', t: 0, rower: o.rowerId, event: 'connected', name: o.name }];
  const frame = (tMs: number, char: string, bytes: Uint8Array): Frame => ({ kind: 'frame', t: tMs, rower: o.rowerId, char, bytes });

  // when the device notifies: [recording ms, rowing time it reads at]
  const moments: Array<[number, number]> = [];
  const phaseMs = Math.round(rng.uniform(100, 900));
  if (profile.cadence !== 'stroke') {
    for (let tMs = phaseMs; tMs <= endS * 1000; tMs += 1000) moments.push([tMs + rng.int(0, 15), tMs / 1000 - o.leadInS]);
  } else {
    for (let tMs = phaseMs; tMs < o.leadInS * 1000; tMs += 1000) moments.push([tMs, tMs / 1000 - o.leadInS]);
  }
  if (profile.cadence !== '1hz') {
    for (const s of trace.strokes) moments.push([Math.round((o.leadInS + s.endS) * 1000) + rng.int(5, 40), s.endS]);
  }
  moments.sort((a, b) => a[0] - b[0]);

  const inGap = (tMs: number): boolean => o.gap !== undefined && tMs >= o.gap.atS * 1000 && tMs < (o.gap.atS + o.gap.durationS) * 1000;
  for (const [tMs, readS] of moments) {
    const fields = readS < 0 ? zeroReadout() : readout(readS);
    const hr = o.hr === 'rower' ? (readS < 0 ? 0 : hrAt(readS)) : undefined;
    rowerDataParts(fields, profile, hr).forEach((part, k) => {
      const t = tMs + (k === 0 ? 0 : rng.int(8, 15));
      if (inGap(t) || (profile.dropProbability > 0 && rng.chance(profile.dropProbability))) return;
      items.push(frame(t, ROWER_DATA, encodeRowerData(part)));
    });
  }
  const sleepMs = Math.round((endS + 1) * 1000);
  rowerDataParts(zeroReadout(), profile, o.hr === 'rower' ? 0 : undefined).forEach((part, k) => items.push(frame(sleepMs + 10 * k, ROWER_DATA, encodeRowerData(part))));

  if (o.hr === 'strap') {
    for (let tMs = Math.round(rng.uniform(200, 800)); tMs < sleepMs; tMs += 1000 + rng.int(-8, 8)) {
      const bpm = hrAt(tMs / 1000 - o.leadInS);
      items.push(frame(tMs, HEART_RATE_MEASUREMENT, encodeHeartRate({ heartRate: bpm, contactSupported: true, contactDetected: true, rrMs: [Math.round(60000 / bpm)] })));
    }
  }
  if (o.gap?.disconnect) {
    items.push({ kind: 'event', t: Math.round(o.gap.atS * 1000), rower: o.rowerId, event: 'disconnected' });
    items.push({ kind: 'event', t: Math.round((o.gap.atS + o.gap.durationS) * 1000), rower: o.rowerId, event: 'connected', name: o.name });
  }
  items.push({ kind: 'event', t: sleepMs + 500, rower: o.rowerId, event: 'disconnected' });
  return items.map((item, i) => [item, i] as const).sort((a, b) => a[0].t - b[0].t || a[1] - b[1]).map(([item]) => item);
}

/** The Rower Data notification(s) one readout becomes on this device. */
export function rowerDataParts(r: Readout, profile: SimulatedConsole, heartRate: number | undefined): RowerDataFields[] {
  const strokeRate = profile.wholeSpm ? Math.round(r.strokeRateSpm) / 2 : r.strokeRateSpm;
  const hr = heartRate === undefined ? {} : { heartRate };
  const power = profile.power ? { powerW: r.powerW } : {};
  if (profile.split) {
    const partA: RowerDataFields = { avgStrokeRate: r.avgStrokeRateSpm, distanceM: r.distanceM, paceS500: r.paceS500, avgPaceS500: r.avgPaceS500, ...power, ...(profile.power ? { avgPowerW: r.avgPowerW } : {}), ...hr, elapsedS: r.elapsedS };
    const partB: RowerDataFields = { strokeRate, strokeCount: r.strokeCount, totalEnergyKcal: r.totalEnergyKcal, energyPerHourKcal: r.energyPerHourKcal, energyPerMinuteKcal: null };
    return [partA, partB];
  }
  return [
    {
      strokeRate,
      strokeCount: r.strokeCount,
      distanceM: r.distanceM,
      paceS500: r.paceS500,
      ...power,
      totalEnergyKcal: r.totalEnergyKcal,
      energyPerHourKcal: r.energyPerHourKcal,
      energyPerMinuteKcal: r.energyPerMinuteKcal,
      ...hr,
      elapsedS: r.elapsedS,
    },
  ];
}

/** The all-zero record consoles send at wake-up and before sleep. */
function zeroReadout(): Readout {
  return { strokeRateSpm: 0, strokeCount: 0, powerW: 0, paceS500: 0, avgStrokeRateSpm: 0, avgPowerW: 0, avgPaceS500: 0, distanceM: 0, totalEnergyKcal: 0, energyPerHourKcal: 0, energyPerMinuteKcal: 0, elapsedS: 0 };
}
