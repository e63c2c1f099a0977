/**
 * Online, causal work/rest segmentation of one rower's strokes (science background §5.3):
 * adaptive rest level, hysteresis with a 2-stroke dwell, backdated boundaries, a 4-s merge gap
 * and a 15-s minimum. Decisions are made on data time only (strokes and ticks). The levels are
 * frozen while an effort is open, so a 10-min piece or a fading 2k never "ends" because the
 * rest level caught up with it: an effort ends only when the athlete's own strokes drop.
 * Only silence that the samples observed can break the cadence: a stroke revealed late because
 * notifications were lost (`seenT`) is timed from when it would have been seen.
 */
import { median } from '../analysis/series.js';
import { RollingQuantile } from './adaptive-levels.js';
import type { Segment, StrokeEvent } from './types.js';
import { closes, opens, score, unmistakable, type Levels } from './segment-rules.js';

export interface SegmenterOptions {
  mergeGapMs?: number;
  /** efforts shorter than this are surges, ms (15 s, or half the planned work) */
  minWorkMs?: number;
  pausedMs?: number;
  restWindowMs?: number;
  /** no effort opens in the first part of the data (levels settle), ms */
  bootstrapMs?: number;
}

export type RawPhase = { kind: 'work' | 'rest' | 'paused'; start: number };

export interface SegmenterOutput {
  phases: RawPhase[];
  segments: Segment[];
}

interface Effort {
  start: number;
  lastHardT: number;
  powers: number[];
  rates: number[];
  periods: number[];
  levels: Levels;
  /** cached own levels (see ownLevels) */
  own?: { ownP: number | undefined; ownR: number | undefined };
}

/**
 * Longest expected delay between a catch and the sample that reveals the stroke, ms: a closed
 * effort becomes final this long after the merge gap. The verdict does not wait for it: the
 * interval goes out provisionally when the effort closes (label-phases).
 */
const SETTLE_SLACK_MS = 2500;

/** A stroke whose rate score is at most this (back at the rest rate) closes an effort on its own [J]. */
const RATE_DOWN = 0.15;

export class Segmenter {
  private readonly o: Required<SegmenterOptions>;
  private readonly restP: RollingQuantile;
  private readonly restR: RollingQuantile;
  private workP: number | undefined;
  private workR: number | undefined;
  private bestP = 0;
  private sprintPeriodMs: number | undefined;
  private firstT: number | undefined;
  private lastStroke: StrokeEvent | undefined;
  private lastRestP: number | undefined;
  private lastRestR: number | undefined;
  private work: Effort | undefined;
  private closing = 0;
  private tentative: Effort | undefined;
  private candCount = 0;
  private candCatch: number | undefined;
  private paused = false;
  private afterBreak = false;
  /** strokes since the first one while nothing has opened yet (start-in-work check) */
  private opening: StrokeEvent[] | undefined = [];

  constructor(opts: SegmenterOptions = {}) {
    this.o = {
      mergeGapMs: opts.mergeGapMs ?? 4000,
      minWorkMs: opts.minWorkMs ?? 15000,
      pausedMs: opts.pausedMs ?? 6000,
      restWindowMs: opts.restWindowMs ?? 120000,
      bootstrapMs: opts.bootstrapMs ?? 20000,
    };
    this.restP = new RollingQuantile(this.o.restWindowMs, 0.25);
    this.restR = new RollingQuantile(this.o.restWindowMs, 0.25);
  }

  /** Change the minimum work duration (e.g. once a plan is known), ms. */
  setMinWork(ms: number): void {
    this.o.minWorkMs = ms;
  }

  /** Feed one stroke. */
  stroke(ev: StrokeEvent): SegmenterOutput {
    const out: SegmenterOutput = { phases: [], segments: [] };
    // lost notifications: only the silence that samples observed can break the cadence
    this.timeout(ev.seenT ?? ev.t, out);
    const prev = this.lastStroke;
    this.lastStroke = ev;
    if (this.firstT === undefined) this.firstT = ev.t;
    if (this.paused) {
      this.paused = false;
      out.phases.push({ kind: 'rest', start: ev.catchT });
    }
    const levels = this.work?.levels ?? this.currentLevels();
    if (this.work !== undefined) this.inWork(ev, prev, levels, out);
    else this.inRest(ev, levels, out);
    if (this.work === undefined) this.addRest(ev, prev);
    this.settle(ev.t, out);
    return out;
  }

  /** Data time advanced without a stroke (heartbeat or stroke-less sample). */
  tick(t: number): SegmenterOutput {
    const out: SegmenterOutput = { phases: [], segments: [] };
    this.timeout(t, out);
    this.settle(t, out);
    return out;
  }

  /**
   * Data time advanced by a heartbeat only: a closed effort may become final (nothing can merge
   * with it any more), but an open one is not closed — a gap without samples is not silence.
   */
  heartbeat(t: number): SegmenterOutput {
    const out: SegmenterOutput = { phases: [], segments: [] };
    this.settle(t, out);
    return out;
  }

  /** End of data: close and settle everything. */
  finish(): SegmenterOutput {
    const out: SegmenterOutput = { phases: [], segments: [] };
    if (this.work !== undefined) this.close(out);
    this.candCount = 0;
    this.candCatch = undefined;
    this.settle(Number.POSITIVE_INFINITY, out);
    return out;
  }

  private currentLevels(): Levels {
    const p = this.restP.value() ?? this.lastRestP ?? 0;
    const r = this.restR.value() ?? this.lastRestR;
    return { restP: p, restR: r, workP: this.workP, workR: this.workR };
  }

  private addRest(ev: StrokeEvent, prev: StrokeEvent | undefined): void {
    const w = prev === undefined ? ev.periodMs : Math.min(ev.t - prev.t, 3 * ev.periodMs);
    if (ev.powerW !== undefined) this.restP.add(ev.t, ev.powerW, w);
    if (ev.rateTrusted && ev.strokeRate !== undefined) this.restR.add(ev.t, ev.strokeRate, w);
    this.lastRestP = this.restP.value() ?? this.lastRestP;
    this.lastRestR = this.restR.value() ?? this.lastRestR;
  }

  private inRest(ev: StrokeEvent, levels: Levels, out: SegmenterOutput): void {
    if (this.startedInWork(ev, out)) return;
    // the stroke that ended a cadence break is a slow stroke, whatever its lagging numbers say
    if (this.afterBreak) {
      this.afterBreak = false;
      return;
    }
    const bootstrap = this.workP === undefined;
    if (this.firstT === undefined || ev.t - this.firstT < this.o.bootstrapMs || this.restP.size < 3) return;
    const s = score(levels, ev.powerW, ev.strokeRate, ev.rateTrusted);
    if (!opens(s, bootstrap)) {
      this.candCount = 0;
      this.candCatch = undefined;
      return;
    }
    this.candCount++;
    this.candCatch ??= ev.catchT;
    if (this.candCount < 2 && !unmistakable(s, bootstrap)) return;
    const start = this.candCatch;
    this.candCount = 0;
    this.candCatch = undefined;
    const t = this.tentative;
    if (t !== undefined && start - t.lastHardT < this.o.mergeGapMs) {
      this.tentative = undefined;
      this.work = t;
      this.work.lastHardT = ev.t;
      out.phases.push({ kind: 'work', start: t.start });
      return;
    }
    this.settle(Number.POSITIVE_INFINITY, out);
    this.opening = undefined;
    this.work = { start, lastHardT: ev.t, powers: [], rates: [], periods: [], levels };
    this.record(this.work, ev);
    this.closing = 0;
    out.phases.push({ kind: 'work', start });
  }

  private inWork(ev: StrokeEvent, prev: StrokeEvent | undefined, levels: Levels, out: SegmenterOutput): void {
    const work = this.work!;
    // "clearly down" is judged against this effort's own level as well as the last interval's
    const { ownP, ownR } = this.ownLevels(work);
    const closeLevels: Levels = {
      ...levels,
      workP: ownP === undefined ? levels.workP : Math.max(ownP, levels.workP ?? 0),
      workR: ownR === undefined ? levels.workR : Math.max(ownR, levels.workR ?? 0),
    };
    const s = score(closeLevels, ev.powerW, ev.strokeRate, ev.rateTrusted);
    const gap = prev === undefined ? 0 : (ev.seenT ?? ev.t) - prev.t;
    const sprintPeriod = this.effortPeriod(work) ?? this.sprintPeriodMs ?? ev.periodMs;
    // PM5 keeps the last work rate during rest: a rate equal to the previous stroke's says nothing
    const rateStuck = ev.strokeRate !== undefined && ev.strokeRate === prev?.strokeRate;
    const cadenceBroken = gap > Math.max(2000, 1.6 * sprintPeriod) && (s.sR === undefined || s.sR <= 0.3 || rateStuck);
    if (!closes(s) && !(cadenceBroken && (s.sP === undefined || s.sP <= 0.7))) {
      this.closing = 0;
      work.lastHardT = ev.t;
      this.record(work, ev);
      return;
    }
    this.closing++;
    // one stroke is enough when its rate is all the way down (the rate changes at once, power lags)
    const rateDown = s.sR !== undefined && s.sR <= RATE_DOWN;
    if (this.closing >= 2 || cadenceBroken || rateDown) this.close(out);
  }

  /**
   * The effort's own median power and rate. Recomputed every stroke for the first 20, then every
   * 5th stroke (a 10-min piece has hundreds of strokes; the median barely moves).
   */
  private ownLevels(work: Effort): { ownP: number | undefined; ownR: number | undefined } {
    const n = work.powers.length + work.rates.length;
    if (work.own === undefined || n < 40 || n % 10 === 0) {
      work.own = {
        ownP: work.powers.length >= 3 ? median(work.powers) : undefined,
        ownR: work.rates.length >= 3 ? median(work.rates) : undefined,
      };
    }
    return work.own;
  }

  /** The effort's current stroke period: median of its last 3 strokes, skipping its first two (ms). */
  private effortPeriod(work: Effort): number | undefined {
    return work.periods.length >= 5 ? median(work.periods.slice(-3)) : undefined;
  }

  private record(work: Effort, ev: StrokeEvent): void {
    if (ev.powerW !== undefined) work.powers.push(ev.powerW);
    if (ev.rateTrusted && ev.strokeRate !== undefined) work.rates.push(ev.strokeRate);
    work.periods.push(ev.periodMs);
  }

  private close(out: SegmenterOutput): void {
    const work = this.work!;
    this.work = undefined;
    this.closing = 0;
    this.tentative = work;
    this.opening = undefined;
    out.phases.push({ kind: 'rest', start: work.lastHardT });
  }

  /** No stroke for a while: close an open effort at its last hard stroke; mark a pause. */
  private timeout(t: number, out: SegmenterOutput): void {
    const last = this.lastStroke;
    if (last === undefined) return;
    const silent = t - last.t;
    if (this.work !== undefined && silent > Math.max(2000, 1.6 * (this.effortPeriod(this.work) ?? this.sprintPeriodMs ?? last.periodMs))) {
      this.close(out);
      this.afterBreak = true;
    }
    if (!this.paused && silent > this.o.pausedMs) {
      this.paused = true;
      this.candCount = 0;
      this.candCatch = undefined;
      out.phases.push({ kind: 'paused', start: last.t });
    }
  }

  /** Finalise the tentative effort once the merge gap has passed and no new effort is pending. */
  private settle(now: number, out: SegmenterOutput): void {
    const t = this.tentative;
    // a stroke is seen up to a period (plus a sample interval) after its catch: wait that long too
    if (t === undefined || now < t.lastHardT + this.o.mergeGapMs + SETTLE_SLACK_MS) return;
    if (this.candCatch !== undefined && this.candCatch - t.lastHardT < this.o.mergeGapMs && now !== Number.POSITIVE_INFINITY) return;
    this.tentative = undefined;
    const long = t.lastHardT - t.start >= this.o.minWorkMs;
    out.segments.push({ kind: long ? 'work' : 'surge', start: t.start, end: t.lastHardT });
    if (!long) return;
    const mp = median(t.powers);
    if (mp !== undefined) {
      this.bestP = Math.max(this.bestP, mp);
      this.workP = Math.max(mp, 0.6 * this.bestP);
    }
    const mr = median(t.rates);
    if (mr !== undefined) this.workR = mr;
    const periods = t.periods.slice(2);
    this.sprintPeriodMs = median(periods.length > 0 ? periods : t.periods);
  }

  /**
   * Sessions that go straight into interval 1: nothing can open against a rest level made of
   * sprint strokes, so while nothing has opened in the first 90 s, a clear drop (2 strokes below
   * 0.6 × the session's median power so far) marks the start of the session as an effort.
   */
  private startedInWork(ev: StrokeEvent, out: SegmenterOutput): boolean {
    const opening = this.opening;
    if (opening === undefined) return false;
    if (this.firstT !== undefined && ev.t - this.firstT > 90000) {
      this.opening = undefined;
      return false;
    }
    opening.push(ev);
    if (opening.length < 10) return false;
    const before = opening.slice(0, -2).flatMap((x) => (x.powerW === undefined ? [] : [x.powerW]));
    const med = median(before);
    const last2 = opening.slice(-2);
    if (med === undefined || !last2.every((x) => x.powerW !== undefined && x.powerW < 0.6 * med)) return false;
    const low = Math.max(...last2.map((x) => x.powerW!));
    const mid = (med + low) / 2;
    let lastHard: StrokeEvent | undefined;
    for (const x of opening) if (x.powerW !== undefined && x.powerW >= mid) lastHard = x;
    const first = opening[0]!;
    this.opening = undefined;
    if (lastHard === undefined || lastHard.t - first.catchT < this.o.minWorkMs) return false;
    const levels = this.currentLevels();
    const effort: Effort = { start: first.catchT, lastHardT: lastHard.t, powers: [], rates: [], periods: [], levels };
    for (const x of opening) if (x.t <= lastHard.t) this.record(effort, x);
    out.phases.push({ kind: 'work', start: effort.start }, { kind: 'rest', start: effort.lastHardT });
    this.tentative = effort;
    // the rest level so far was made of sprint strokes: start it again from the easy ones
    this.restP.expire(Number.POSITIVE_INFINITY);
    this.restR.expire(Number.POSITIVE_INFINITY);
    for (const x of opening) if (x.t > lastHard.t && x !== ev) this.addRest(x, undefined);
    return true;
  }
}
