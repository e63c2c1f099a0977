/**
 * Online, causal work/rest segmentation of one rower's strokes (docs/science.md §9.1–9.2):
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

/** Every number of the live segmenter, with where it comes from. */
export const LIVE_PARAMS = Object.freeze({
  /** a new effort this soon after the last hard stroke continues the closed one, ms [docs/science.md §9.2] */
  mergeGapMs: 4000,
  /** efforts shorter than this are surges, ms [docs/science.md §9.2] */
  minWorkMs: 15000,
  /** no stroke for this long is a pause, ms [docs/science.md §9.2] */
  pausedMs: 6000,
  /** the rest level: time-weighted 25th percentile of this much of the strokes, ms [docs/science.md §9.1–9.2] */
  restWindowMs: 120000,
  restQuantile: 0.25,
  /** no effort opens in the first part of the data (levels settle), ms [J] */
  bootstrapMs: 20000,
  /** longest delay between a catch and the sample that reveals the stroke, ms: a closed effort is final this long after the merge gap [J] */
  settleSlackMs: 2500,
  /** a stroke whose rate score is at most this (back at the rest rate) closes an effort on its own [J: the rate changes at once, power lags] */
  rateDown: 0.15,
  /** a gap between strokes longer than this × the effort's stroke period (and ≥ 2 s) breaks the cadence [docs/science.md §9.1] */
  cadenceBreakFactor: 1.6,
  cadenceBreakMinMs: 2000,
  /** the work level never drops below this share of the best interval's [J] */
  workFloorShare: 0.6,
  /** start-in-work check: within this much of the first stroke… [J] */
  startInWorkMs: 90000,
  /** …after at least this many strokes… */
  startInWorkStrokes: 10,
  /** …two strokes below this share of the median so far mark the end of a first effort [J] */
  startInWorkDrop: 0.6,
});

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

/** Strokes that may open an effort, counted for the 2-stroke dwell. */
interface Candidate {
  count: number;
  /** catch of the first of them, ms */
  catchT: number;
}

/**
 * What the segmenter is doing. Resting (or paused: no stroke for a while) with perhaps a candidate
 * effort building up, or in an effort. A closed effort waits (`closed`) until nothing can merge
 * with it any more, and is then emitted as a segment — the provisional/final protocol of
 * `RawPhase` (at once) and `Segment` (settled) in segment.ts.
 */
type Mode =
  | {
      kind: 'rest';
      /** no stroke for pausedMs */
      paused: boolean;
      /** the effort was closed by a cadence break: the stroke that ends the break is a slow one */
      afterBreak: boolean;
      candidate: Candidate | undefined;
    }
  | { kind: 'work'; effort: Effort; /** strokes in a row that say it is over */ closing: number };

const resting = (afterBreak = false): Mode => ({ kind: 'rest', paused: false, afterBreak, candidate: undefined });

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
  private mode: Mode = resting();
  /** a closed effort not yet final (a new one may still merge with it) */
  private tentative: Effort | undefined;
  /** strokes since the first one while nothing has opened yet (start-in-work check) */
  private opening: StrokeEvent[] | undefined = [];

  constructor(opts: SegmenterOptions = {}) {
    this.o = {
      mergeGapMs: opts.mergeGapMs ?? LIVE_PARAMS.mergeGapMs,
      minWorkMs: opts.minWorkMs ?? LIVE_PARAMS.minWorkMs,
      pausedMs: opts.pausedMs ?? LIVE_PARAMS.pausedMs,
      restWindowMs: opts.restWindowMs ?? LIVE_PARAMS.restWindowMs,
      bootstrapMs: opts.bootstrapMs ?? LIVE_PARAMS.bootstrapMs,
    };
    this.restP = new RollingQuantile(this.o.restWindowMs, LIVE_PARAMS.restQuantile);
    this.restR = new RollingQuantile(this.o.restWindowMs, LIVE_PARAMS.restQuantile);
  }

  /** Feed one stroke. */
  stroke(ev: StrokeEvent): SegmenterOutput {
    const out: SegmenterOutput = { phases: [], segments: [] };
    // lost notifications: only the silence that samples observed can break the cadence
    this.timeout(ev.seenT ?? ev.t, out);
    const prev = this.lastStroke;
    this.lastStroke = ev;
    if (this.firstT === undefined) this.firstT = ev.t;
    const mode = this.mode;
    if (mode.kind === 'rest' && mode.paused) {
      mode.paused = false;
      out.phases.push({ kind: 'rest', start: ev.catchT });
    }
    if (mode.kind === 'work') this.inWork(ev, prev, mode, out);
    else this.inRest(ev, this.currentLevels(), mode, out);
    if (this.mode.kind === 'rest') this.addRest(ev, prev);
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
    if (this.mode.kind === 'work') this.close(out);
    if (this.mode.kind === 'rest') this.mode.candidate = undefined;
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

  private inRest(ev: StrokeEvent, levels: Levels, mode: Extract<Mode, { kind: 'rest' }>, out: SegmenterOutput): void {
    if (this.startedInWork(ev, out)) return;
    // the stroke that ended a cadence break is a slow stroke, whatever its lagging numbers say
    if (mode.afterBreak) {
      mode.afterBreak = false;
      return;
    }
    const bootstrap = this.workP === undefined;
    if (this.firstT === undefined || ev.t - this.firstT < this.o.bootstrapMs || this.restP.size < 3) return;
    const s = score(levels, ev.powerW, ev.strokeRate, ev.rateTrusted);
    if (!opens(s, bootstrap)) {
      mode.candidate = undefined;
      return;
    }
    const cand = (mode.candidate ??= { count: 0, catchT: ev.catchT });
    cand.count++;
    if (cand.count < 2 && !unmistakable(s, bootstrap)) return;
    const start = cand.catchT;
    mode.candidate = undefined;
    const t = this.tentative;
    if (t !== undefined && start - t.lastHardT < this.o.mergeGapMs) {
      this.tentative = undefined;
      t.lastHardT = ev.t;
      this.mode = { kind: 'work', effort: t, closing: 0 };
      out.phases.push({ kind: 'work', start: t.start });
      return;
    }
    this.settle(Number.POSITIVE_INFINITY, out);
    this.opening = undefined;
    const effort: Effort = { start, lastHardT: ev.t, powers: [], rates: [], periods: [], levels };
    this.record(effort, ev);
    this.mode = { kind: 'work', effort, closing: 0 };
    out.phases.push({ kind: 'work', start });
  }

  private inWork(ev: StrokeEvent, prev: StrokeEvent | undefined, mode: Extract<Mode, { kind: 'work' }>, out: SegmenterOutput): void {
    const work = mode.effort;
    // levels are frozen while an effort is open
    const levels = work.levels;
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
    const cadenceBroken = gap > this.cadenceBreakMs(sprintPeriod) && (s.sR === undefined || s.sR <= 0.3 || rateStuck);
    if (!closes(s) && !(cadenceBroken && (s.sP === undefined || s.sP <= 0.7))) {
      mode.closing = 0;
      work.lastHardT = ev.t;
      this.record(work, ev);
      return;
    }
    mode.closing++;
    // one stroke is enough when its rate is all the way down (the rate changes at once, power lags)
    const rateDown = s.sR !== undefined && s.sR <= LIVE_PARAMS.rateDown;
    if (mode.closing >= 2 || cadenceBroken || rateDown) this.close(out);
  }

  /** The silence that breaks the cadence of an effort rowed at this stroke period, ms. */
  private cadenceBreakMs(periodMs: number): number {
    return Math.max(LIVE_PARAMS.cadenceBreakMinMs, LIVE_PARAMS.cadenceBreakFactor * periodMs);
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

  /** Close the open effort at its last hard stroke; it waits as `tentative` until it is final. */
  private close(out: SegmenterOutput, afterBreak = false): void {
    if (this.mode.kind !== 'work') return;
    const work = this.mode.effort;
    this.mode = resting(afterBreak);
    this.tentative = work;
    this.opening = undefined;
    out.phases.push({ kind: 'rest', start: work.lastHardT });
  }

  /** No stroke for a while: close an open effort at its last hard stroke; mark a pause. */
  private timeout(t: number, out: SegmenterOutput): void {
    const last = this.lastStroke;
    if (last === undefined) return;
    const silent = t - last.t;
    const mode = this.mode;
    if (mode.kind === 'work' && silent > this.cadenceBreakMs(this.effortPeriod(mode.effort) ?? this.sprintPeriodMs ?? last.periodMs)) this.close(out, true);
    // (an effort rowed slower than 16 spm could still be open at the pause: it ends there)
    if (silent > this.o.pausedMs) {
      if (this.mode.kind === 'work') this.close(out, true);
      const rest = this.mode;
      if (rest.kind === 'rest' && !rest.paused) {
        rest.paused = true;
        rest.candidate = undefined;
        out.phases.push({ kind: 'paused', start: last.t });
      }
    }
  }

  /** Finalise the tentative effort once the merge gap has passed and no new effort is pending. */
  private settle(now: number, out: SegmenterOutput): void {
    const t = this.tentative;
    // a stroke is seen up to a period (plus a sample interval) after its catch: wait that long too
    if (t === undefined || now < t.lastHardT + this.o.mergeGapMs + LIVE_PARAMS.settleSlackMs) return;
    const cand = this.mode.kind === 'rest' ? this.mode.candidate : undefined;
    if (cand !== undefined && cand.catchT - t.lastHardT < this.o.mergeGapMs && now !== Number.POSITIVE_INFINITY) return;
    this.tentative = undefined;
    const long = t.lastHardT - t.start >= this.o.minWorkMs;
    out.segments.push({ kind: long ? 'work' : 'surge', start: t.start, end: t.lastHardT });
    if (!long) return;
    const mp = median(t.powers);
    if (mp !== undefined) {
      this.bestP = Math.max(this.bestP, mp);
      this.workP = Math.max(mp, LIVE_PARAMS.workFloorShare * this.bestP);
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
    if (this.firstT !== undefined && ev.t - this.firstT > LIVE_PARAMS.startInWorkMs) {
      this.opening = undefined;
      return false;
    }
    opening.push(ev);
    if (opening.length < LIVE_PARAMS.startInWorkStrokes) return false;
    const before = opening.slice(0, -2).flatMap((x) => (x.powerW === undefined ? [] : [x.powerW]));
    const med = median(before);
    const last2 = opening.slice(-2);
    if (med === undefined || !last2.every((x) => x.powerW !== undefined && x.powerW < LIVE_PARAMS.startInWorkDrop * med)) return false;
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
