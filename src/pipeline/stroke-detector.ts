/**
 * Pure, per-rower stroke detection (science README: "work on stroke events"). Strokes come from
 * Stroke Count increments; a machine that sends no count gets one stroke per change of the
 * (power, rate) tuple, which also makes stale repeats harmless. Times are ms of data time.
 */
import { median as medianOf } from '../analysis/series.js';
import type { Sample } from '../ftms/sample.js';
import type { StrokeEvent } from './pipe-item.js';

export interface StrokeDetectorOptions {
  /** stroke count (or tuple) unchanged this long = not rowing, ms */
  idleMs?: number;
}

export interface StrokeOutput {
  strokes: StrokeEvent[];
  /** set when the rower has just become idle (no stroke for idleMs): the last stroke's time */
  idleSince?: number;
}

const FROZEN_REPEATS = 3;

/** Median of a non-empty array. */
const median = (xs: readonly number[]): number => medianOf(xs) ?? Number.NaN;

export class StrokeDetector {
  private readonly idleMs: number;
  private lastCount: number | undefined;
  private lastCountT = 0;
  private lastTuple: string | undefined;
  private lastChangeT = 0;
  private lastSampleT: number | undefined;
  private prevSampleT: number | undefined;
  private sampleDts: number[] = [];
  private sampleDtMs: number | undefined;
  private lastStrokeT: number | undefined;
  private idle = false;
  private timingPeriods: number[] = [];
  private recentPowers: number[] = [];
  private maxPowerW = 0;
  private spikeW: number | undefined;
  private rateValue: number | undefined;
  private rateRepeats = 0;
  private rateRunPowers: number[] = [];
  private rateRunTiming: number[] = [];
  private rateContradicted = false;
  private disagreeRun = 0;

  constructor(opts: StrokeDetectorOptions = {}) {
    this.idleMs = opts.idleMs ?? 4000;
  }

  /** Feed one sample; returns the strokes it reveals (usually 0 or 1). */
  push(s: Sample): StrokeOutput {
    const out: StrokeOutput = { strokes: [] };
    this.prevSampleT = this.lastSampleT;
    if (this.lastSampleT !== undefined && s.t > this.lastSampleT) {
      this.sampleDts.push(s.t - this.lastSampleT);
      if (this.sampleDts.length > 9) this.sampleDts.shift();
      this.sampleDtMs = undefined;
    }
    this.lastSampleT = s.t;
    if (s.strokeCount !== undefined) this.fromCount(s, out);
    else this.fromTuple(s, out);
    return out;
  }

  /** Data time passed without a sample (heartbeat): reports idleness. */
  tick(t: number): StrokeOutput {
    const out: StrokeOutput = { strokes: [] };
    const last = this.lastCount !== undefined ? this.lastCountT : this.lastChangeT;
    this.checkIdle(t, last, out);
    return out;
  }

  private checkIdle(t: number, lastActivityT: number, out: StrokeOutput): void {
    if (!this.idle && this.lastStrokeT !== undefined && t - lastActivityT >= this.idleMs) {
      this.idle = true;
      out.idleSince = this.lastStrokeT;
    }
  }

  private fromCount(s: Sample, out: StrokeOutput): void {
    const count = s.strokeCount!;
    if (this.lastCount === undefined || count < this.lastCount) {
      this.lastCount = count;
      this.lastCountT = s.t;
      return;
    }
    if (count === this.lastCount) {
      this.checkIdle(s.t, this.lastCountT, out);
      return;
    }
    // several strokes in one step (dropped notifications, a data gap while rowing on): spread them
    // over the gap when that gives a plausible stroke period, else count one stroke
    const dt = s.t - this.lastCountT;
    const delta = count - this.lastCount;
    const n = delta > 1 && dt / delta >= 750 && dt / delta <= 5000 ? Math.min(delta, 60) : 1;
    const timing = dt / n;
    // A long pause is not a stroke period: only keep plausible ones (12–80 spm).
    if (timing >= 750 && timing <= 5000 && !this.idle) {
      this.timingPeriods.push(timing);
      if (this.timingPeriods.length > 3) this.timingPeriods.shift();
    }
    for (let i = n - 1; i >= 0; i--) this.emit(s, s.t - (dt * i) / n, out, timing, n === 1);
    this.lastCount = count;
    this.lastCountT = s.t;
  }

  private fromTuple(s: Sample, out: StrokeOutput): void {
    const tuple = `${s.powerW ?? ''}|${s.strokeRate ?? ''}`;
    if (tuple === this.lastTuple) {
      this.checkIdle(s.t, this.lastChangeT, out);
      return;
    }
    const hadTuple = this.lastTuple !== undefined;
    this.lastTuple = tuple;
    const dt = s.t - this.lastChangeT;
    this.lastChangeT = s.t;
    if (!hadTuple || (s.powerW === undefined && s.strokeRate === undefined)) return;
    if (s.strokeRate === 0 && (s.powerW ?? 0) === 0) return;
    this.emit(s, s.t, out, dt);
  }

  /**
   * Lost notifications on a clocked (sample-and-hold) device: when the sample before this one is
   * further back than the usual spacing, the stroke could have been seen one usual spacing after
   * that sample; the rest of the silence was not observed (ms, or undefined when nothing was lost).
   * A device that sends one notification per stroke spaces samples like strokes: a late one there
   * is a slow stroke, so this only applies when samples come clearly faster than strokes.
   */
  private seenBy(t: number, periodMs: number): number | undefined {
    const prev = this.prevSampleT;
    const dt = this.sampleDt();
    if (prev === undefined || dt <= 0 || t - prev <= 1.5 * dt || dt >= 0.75 * periodMs) return undefined;
    return prev + dt;
  }

  private emit(s: Sample, t: number, out: StrokeOutput, timingMs: number, lone = false): void {
    this.idle = false;
    const rateTrusted = this.trackRate(s, timingMs);
    const timingPeriod = this.timingPeriods.length > 0 ? this.timingPeriods.reduce((a, b) => a + b, 0) / this.timingPeriods.length : undefined;
    let periodMs: number;
    let strokeRate: number | undefined;
    let timingTrusted = false;
    if (rateTrusted && s.strokeRate !== undefined && s.strokeRate > 0) {
      strokeRate = s.strokeRate;
      periodMs = 60000 / s.strokeRate;
    } else if (timingPeriod !== undefined) {
      periodMs = timingPeriod;
      strokeRate = 60000 / timingPeriod;
      // a rate from the counter's timing over 3 strokes is a real measurement, not a frozen field
      timingTrusted = this.timingPeriods.length >= 3;
    } else {
      periodMs = Math.min(Math.max(timingMs, 1000), 5000);
    }
    // 1 Hz sample-and-hold: the stroke happened somewhere inside the last sample interval.
    const sampleDt = this.sampleDt();
    const holdMs = sampleDt > 0 && sampleDt < periodMs ? sampleDt / 2 : 0;
    const catchT = t - holdMs - periodMs;
    const ev: StrokeEvent = { t, catchT, periodMs, rateTrusted: rateTrusted || timingTrusted };
    const seenT = lone ? this.seenBy(t, periodMs) : undefined;
    if (seenT !== undefined && seenT < t) ev.seenT = seenT;
    if (strokeRate !== undefined) ev.strokeRate = strokeRate;
    const p = this.guardPower(s.powerW);
    if (p !== undefined) ev.powerW = p;
    this.lastStrokeT = t;
    out.strokes.push(ev);
  }

  /** Typical spacing of samples (median of the last 9), ms; 0 before the second sample. */
  private sampleDt(): number {
    this.sampleDtMs ??= this.sampleDts.length > 0 ? median(this.sampleDts) : 0;
    return this.sampleDtMs;
  }

  /** Stroke rate from the counter over the last 3 stroke periods, spm. */
  private timingRate(): number | undefined {
    if (this.timingPeriods.length < 3) return undefined;
    return 60000 / (this.timingPeriods.reduce((a, b) => a + b, 0) / this.timingPeriods.length);
  }

  /**
   * Zero = no information; a lone spike (> 2 × recent median and > 1.5 × session max) is dropped.
   * When the next stroke is as high, the level really changed (a sprint): both count from then on.
   */
  private guardPower(p: number | undefined): number | undefined {
    if (p === undefined || p <= 0) return undefined;
    const spike = this.spikeW;
    this.spikeW = undefined;
    if (this.recentPowers.length >= 3 && (spike === undefined || p < 0.7 * spike)) {
      const med = median(this.recentPowers);
      if (p > 2 * med && p > 1.5 * this.maxPowerW) {
        this.spikeW = p;
        return undefined;
      }
    }
    this.recentPowers.push(p);
    if (this.recentPowers.length > 3) this.recentPowers.shift();
    if (p > this.maxPowerW) this.maxPowerW = p;
    return p;
  }

  /**
   * Frozen-rate guard (PM5 keeps the sprint rate during rest; JOROTO reports 66 spm): the rate is
   * untrusted when the same value repeats over 3 strokes while power moves > 30 % or the stroke
   * timing disagrees by > 30 %. Trust returns as soon as the value changes.
   */
  private trackRate(s: Sample, timingMs: number): boolean {
    const r = s.strokeRate;
    if (r === undefined || r <= 0) return false;
    if (r !== this.rateValue) {
      this.rateValue = r;
      this.rateRepeats = 1;
      this.rateRunPowers = [];
      this.rateRunTiming = [];
      this.rateContradicted = false;
    } else {
      this.rateRepeats++;
      // the same rate again after a gap far longer than that rate's period: the field is frozen
      const sampleDt = this.sampleDt();
      if (timingMs > 1.3 * (60000 / r) + sampleDt / 2) this.rateContradicted = true;
    }
    if (this.rateContradicted) return false;
    // a consistently mis-scaled field (whole spm sent without the 0.5 scale): trust stroke timing
    const timingRate = this.timingRate();
    if (timingRate !== undefined && Math.abs(r - timingRate) > 0.35 * timingRate) this.disagreeRun++;
    else this.disagreeRun = 0;
    if (this.disagreeRun >= 3) return false;
    if (s.powerW !== undefined && s.powerW > 0) {
      this.rateRunPowers.push(s.powerW);
      if (this.rateRunPowers.length > FROZEN_REPEATS) this.rateRunPowers.shift();
    }
    if (timingMs >= 750 && timingMs <= 5000) this.rateRunTiming.push(60000 / timingMs);
    if (this.rateRepeats < FROZEN_REPEATS) return true;
    const ps = this.rateRunPowers;
    if (ps.length >= 2) {
      const lo = Math.min(...ps);
      const hi = Math.max(...ps);
      if (hi > 1.3 * lo) return false;
    }
    if (this.rateRunTiming.length >= 2) {
      const timingRate = median(this.rateRunTiming);
      if (Math.abs(timingRate - r) > 0.3 * r) return false;
    }
    return true;
  }
}
