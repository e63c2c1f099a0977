/**
 * Pure, per-rower stroke detection (docs/science.md §9.1: the unit is the stroke event). Strokes come from
 * Stroke Count increments; a machine that sends no count gets one stroke per change of the
 * (power, rate) tuple, which also makes stale repeats harmless. Times are ms of data time.
 *
 * Small named parts, each with its own state: `SampleSpacing` (how often the console notifies,
 * and when a stroke revealed late would have been seen), `PowerGuard` (zeros and lone spikes),
 * `RateTrust` (is the rate field measuring anything?) and `StrokeTiming` (the counter's own
 * stroke periods). The detector itself only tracks what the stroke source last said.
 */
import { median as medianOf } from '../analysis/series.js';
import type { Sample } from '../ftms/sample.js';
import type { StrokeEvent } from './types.js';

/** Every number of the stroke detector, with where it comes from. */
export const STROKE_PARAMS = Object.freeze({
  /** stroke count (or tuple) unchanged this long = not rowing, ms [docs/ftms.md §4 rule 4: idle when frozen > 4 s] */
  idleMs: 4000,
  /** plausible stroke periods, ms (80 to 12 spm) [docs/science.md §4 rates; J for the bounds] */
  minPeriodMs: 750,
  maxPeriodMs: 5000,
  /** at most this many strokes are spread over one counter step (a data gap while rowing on) [J] */
  maxSpread: 60,
  /** stroke periods averaged for the timing rate [J: 3 strokes] */
  timingStrokes: 3,
  /** a lone spike is > this × the recent median… [docs/science.md §8.2 noise; J] */
  spikeOverMedian: 2,
  /** …and > this × the session maximum so far [J] */
  spikeOverMax: 1.5,
  /** the stroke after a spike within this share of it confirms a real change of level [J] */
  spikeConfirm: 0.7,
  /** the same rate repeated over this many strokes is examined for being frozen [measured: PM5 rests, fixtures pm5-split] */
  frozenRepeats: 3,
  /** a repeated rate is frozen when power moves more than this factor across the repeats… [J] */
  frozenPowerSpread: 1.3,
  /** …or when stroke timing disagrees with it by more than this share [J] */
  frozenTimingShare: 0.3,
  /** the same rate again after a gap longer than this × its period is a frozen field [J] */
  frozenGapFactor: 1.3,
  /** a rate field off the counter's timing by more than this share, 3 strokes running, is mis-scaled (whole spm) [measured: fixtures whole-spm] */
  disagreeShare: 0.35,
  disagreeRun: 3,
  /** sample spacing = median of the last this many sample intervals [J] */
  spacingWindow: 9,
  /** a sample this many spacings after the previous one means notifications were lost [J] */
  lostSpacings: 1.5,
  /** only on consoles that notify clearly faster than they see strokes (clocked, not per stroke) [J] */
  clockedShare: 0.75,
});

export interface StrokeDetectorOptions {
  /** stroke count (or tuple) unchanged this long = not rowing, ms */
  idleMs?: number;
}

export interface StrokeOutput {
  strokes: StrokeEvent[];
  /** set when the rower has just become idle (no stroke for idleMs): the last stroke's time */
  idleSince?: number;
}

/** Median of a non-empty array. */
const median = (xs: readonly number[]): number => medianOf(xs) ?? Number.NaN;
const plausible = (periodMs: number): boolean => periodMs >= STROKE_PARAMS.minPeriodMs && periodMs <= STROKE_PARAMS.maxPeriodMs;

/** How often the console notifies, and when a stroke revealed after lost notifications would have been seen. */
class SampleSpacing {
  private last: number | undefined;
  /** the sample before the latest, ms */
  prev: number | undefined;
  private readonly dts: number[] = [];
  private cached: number | undefined;

  push(t: number): void {
    this.prev = this.last;
    if (this.last !== undefined && t > this.last) {
      this.dts.push(t - this.last);
      if (this.dts.length > STROKE_PARAMS.spacingWindow) this.dts.shift();
      this.cached = undefined;
    }
    this.last = t;
  }

  /** Typical spacing of samples, ms; 0 before the second sample. */
  dt(): number {
    this.cached ??= this.dts.length > 0 ? median(this.dts) : 0;
    return this.cached;
  }

  /**
   * Lost notifications on a clocked (sample-and-hold) device: when the sample before this one is
   * further back than the usual spacing, the stroke could have been seen one usual spacing after
   * that sample; the rest of the silence was not observed (ms, or undefined when nothing was lost).
   * A device that sends one notification per stroke spaces samples like strokes: a late one there
   * is a slow stroke, so this only applies when samples come clearly faster than strokes.
   */
  seenBy(t: number, periodMs: number): number | undefined {
    const prev = this.prev;
    const dt = this.dt();
    if (prev === undefined || dt <= 0 || t - prev <= STROKE_PARAMS.lostSpacings * dt || dt >= STROKE_PARAMS.clockedShare * periodMs) return undefined;
    return prev + dt;
  }
}

/** Zero = no information; a lone spike (> 2 × recent median and > 1.5 × session max) is dropped. */
class PowerGuard {
  private readonly recent: number[] = [];
  private max = 0;
  private spike: number | undefined;

  /** The power to use, or undefined. When the stroke after a spike is as high, the level really changed. */
  guard(p: number | undefined): number | undefined {
    if (p === undefined || p <= 0) return undefined;
    const spike = this.spike;
    this.spike = undefined;
    if (this.recent.length >= 3 && (spike === undefined || p < STROKE_PARAMS.spikeConfirm * spike)) {
      const med = median(this.recent);
      if (p > STROKE_PARAMS.spikeOverMedian * med && p > STROKE_PARAMS.spikeOverMax * this.max) {
        this.spike = p;
        return undefined;
      }
    }
    this.recent.push(p);
    if (this.recent.length > 3) this.recent.shift();
    if (p > this.max) this.max = p;
    return p;
  }
}

/** The stroke counter's own timing: the last few plausible stroke periods. */
class StrokeTiming {
  private readonly periods: number[] = [];

  add(periodMs: number): void {
    this.periods.push(periodMs);
    if (this.periods.length > STROKE_PARAMS.timingStrokes) this.periods.shift();
  }

  /** mean period, ms, once there is any */
  period(): number | undefined {
    return this.periods.length > 0 ? this.periods.reduce((a, b) => a + b, 0) / this.periods.length : undefined;
  }

  /** a rate over a full window is a real measurement, not a frozen field */
  get full(): boolean {
    return this.periods.length >= STROKE_PARAMS.timingStrokes;
  }

  /** stroke rate from the timing over the full window, spm */
  rate(): number | undefined {
    const p = this.period();
    return this.full && p !== undefined ? 60000 / p : undefined;
  }
}

/**
 * Frozen-rate guard (PM5 keeps the sprint rate during rest; JOROTO reports 66 spm): the rate is
 * untrusted when the same value repeats over 3 strokes while power moves > 30 % or the stroke
 * timing disagrees by > 30 %. Trust returns as soon as the value changes.
 */
class RateTrust {
  private value: number | undefined;
  private repeats = 0;
  private runPowers: number[] = [];
  private runTiming: number[] = [];
  private contradicted = false;
  private disagreeRun = 0;

  /** Is this sample's rate field to be trusted? */
  trusts(s: Sample, timingMs: number, sampleDt: number, timingRate: number | undefined): boolean {
    const r = s.strokeRate;
    if (r === undefined || r <= 0) return false;
    if (r !== this.value) {
      this.value = r;
      this.repeats = 1;
      this.runPowers = [];
      this.runTiming = [];
      this.contradicted = false;
    } else {
      this.repeats++;
      // the same rate again after a gap far longer than that rate's period: the field is frozen
      if (timingMs > STROKE_PARAMS.frozenGapFactor * (60000 / r) + sampleDt / 2) this.contradicted = true;
    }
    if (this.contradicted) return false;
    // a consistently mis-scaled field (whole spm sent without the 0.5 scale): trust stroke timing
    if (timingRate !== undefined && Math.abs(r - timingRate) > STROKE_PARAMS.disagreeShare * timingRate) this.disagreeRun++;
    else this.disagreeRun = 0;
    if (this.disagreeRun >= STROKE_PARAMS.disagreeRun) return false;
    if (s.powerW !== undefined && s.powerW > 0) {
      this.runPowers.push(s.powerW);
      if (this.runPowers.length > STROKE_PARAMS.frozenRepeats) this.runPowers.shift();
    }
    if (plausible(timingMs)) this.runTiming.push(60000 / timingMs);
    if (this.repeats < STROKE_PARAMS.frozenRepeats) return true;
    const ps = this.runPowers;
    if (ps.length >= 2 && Math.max(...ps) > STROKE_PARAMS.frozenPowerSpread * Math.min(...ps)) return false;
    if (this.runTiming.length >= 2 && Math.abs(median(this.runTiming) - r) > STROKE_PARAMS.frozenTimingShare * r) return false;
    return true;
  }
}

/** What the stroke source last said: a Stroke Count, or (no count) the (power, rate) tuple. */
type SourceState = { kind: 'none' } | { kind: 'count'; count: number; t: number } | { kind: 'tuple'; tuple: string; t: number };

export class StrokeDetector {
  private readonly idleMs: number;
  private source: SourceState = { kind: 'none' };
  private readonly spacing = new SampleSpacing();
  private readonly power = new PowerGuard();
  private readonly timing = new StrokeTiming();
  private readonly rate = new RateTrust();
  private lastStrokeT: number | undefined;
  private idle = false;

  constructor(opts: StrokeDetectorOptions = {}) {
    this.idleMs = opts.idleMs ?? STROKE_PARAMS.idleMs;
  }

  /** Feed one sample; returns the strokes it reveals (usually 0 or 1). */
  push(s: Sample): StrokeOutput {
    const out: StrokeOutput = { strokes: [] };
    this.spacing.push(s.t);
    if (s.strokeCount !== undefined) this.fromCount(s, s.strokeCount, out);
    else this.fromTuple(s, out);
    return out;
  }

  /** Data time passed without a sample (heartbeat): reports idleness. */
  tick(t: number): StrokeOutput {
    const out: StrokeOutput = { strokes: [] };
    if (this.source.kind !== 'none') this.checkIdle(t, this.source.t, out);
    return out;
  }

  private checkIdle(t: number, lastActivityT: number, out: StrokeOutput): void {
    if (!this.idle && this.lastStrokeT !== undefined && t - lastActivityT >= this.idleMs) {
      this.idle = true;
      out.idleSince = this.lastStrokeT;
    }
  }

  private fromCount(s: Sample, count: number, out: StrokeOutput): void {
    const src = this.source;
    if (src.kind !== 'count' || count < src.count) {
      this.source = { kind: 'count', count, t: s.t };
      return;
    }
    if (count === src.count) {
      this.checkIdle(s.t, src.t, out);
      return;
    }
    // several strokes in one step (dropped notifications, a data gap while rowing on): spread them
    // over the gap when that gives a plausible stroke period, else count one stroke
    const dt = s.t - src.t;
    const delta = count - src.count;
    const n = delta > 1 && plausible(dt / delta) ? Math.min(delta, STROKE_PARAMS.maxSpread) : 1;
    const timingMs = dt / n;
    // a long pause is not a stroke period: only plausible ones count
    if (plausible(timingMs) && !this.idle) this.timing.add(timingMs);
    for (let i = n - 1; i >= 0; i--) this.emit(s, s.t - (dt * i) / n, out, timingMs, n === 1);
    this.source = { kind: 'count', count, t: s.t };
  }

  private fromTuple(s: Sample, out: StrokeOutput): void {
    const tuple = `${s.powerW ?? ''}|${s.strokeRate ?? ''}`;
    const src = this.source;
    if (src.kind === 'tuple' && tuple === src.tuple) {
      this.checkIdle(s.t, src.t, out);
      return;
    }
    const dt = s.t - (src.kind === 'none' ? 0 : src.t);
    this.source = { kind: 'tuple', tuple, t: s.t };
    if (src.kind !== 'tuple' || (s.powerW === undefined && s.strokeRate === undefined)) return;
    if (s.strokeRate === 0 && (s.powerW ?? 0) === 0) return;
    this.emit(s, s.t, out, dt);
  }

  private emit(s: Sample, t: number, out: StrokeOutput, timingMs: number, lone = false): void {
    this.idle = false;
    const sampleDt = this.spacing.dt();
    const rateTrusted = this.rate.trusts(s, timingMs, sampleDt, this.timing.rate());
    const timingPeriod = this.timing.period();
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
      timingTrusted = this.timing.full;
    } else {
      periodMs = Math.min(Math.max(timingMs, 1000), STROKE_PARAMS.maxPeriodMs);
    }
    // 1 Hz sample-and-hold: the stroke happened somewhere inside the last sample interval.
    const holdMs = sampleDt > 0 && sampleDt < periodMs ? sampleDt / 2 : 0;
    const catchT = t - holdMs - periodMs;
    const ev: StrokeEvent = { t, catchT, periodMs, rateTrusted: rateTrusted || timingTrusted };
    const seenT = lone ? this.spacing.seenBy(t, periodMs) : undefined;
    if (seenT !== undefined && seenT < t) ev.seenT = seenT;
    if (strokeRate !== undefined) ev.strokeRate = strokeRate;
    const p = this.power.guard(s.powerW);
    if (p !== undefined) ev.powerW = p;
    this.lastStrokeT = t;
    out.strokes.push(ev);
  }
}
