import { Observable, type OperatorFunction } from 'rxjs';
import type { Interval, IntervalKind } from '../analysis/types.js';
import type { PhaseKind } from '../session/state.js';
import { median as medianOf } from '../analysis/series.js';
import { finalSegments } from '../detect/session-segments.js';
import { StopPieces } from '../detect/stop-pieces.js';
import type { PipeItem, Segment } from './pipe-item.js';

export interface LabelOptions {
  /** after this many work intervals what follows is cool-down (a plan's rep count) */
  cooldownAfterRep?: number;
  /** efforts shorter than this are surges, ms (only to name provisional phases) */
  minWorkMs?: number;
}

/**
 * Without a plan, a rest longer than 1.25 × the longest rest so far (at least 60 s) starts the
 * cool-down, backdated to the end of the last rep; after a single rep, one longer than 150 s.
 * A later rep turns it back into a rest (a "bonus" rep) [J].
 */
const COOLDOWN_FIRST_REST_MS = 150_000;
const COOLDOWN_MIN_REST_MS = 60_000;
const COOLDOWN_REST_FACTOR = 1.25;
/**
 * Before the first rep, an effort shows as work only once it has gone on this long after it was
 * detected (data time): warm-up pick-ups are not "Sprint 1" [J: pick-ups last 5–10 s].
 */
const WARMUP_EFFORT_SHOW_MS = 10_000;
/** …and while its latest stroke is at least this share of the effort's median power [J] */
const WARMUP_EFFORT_GOING = 0.8;


/** Shortest warm-up or cool-down the final intervals name, ms. */
const MIN_EDGE_MS = 10_000;

/**
 * The whole session's boundaries from the smoother's segments: warm-up from the first catch to the
 * first work interval, rest n between work n and n + 1, cool-down from the last work interval to
 * the last stroke (idle notifications before and after the rowing are no phase). Surges stay inside the phase around them. A warm-up or cool-down of a few
 * seconds (the idle notifications around a piece) is no phase at all.
 */
export function finalBounds(rower: string, segments: readonly Segment[], firstT: number | undefined, lastT: number): Interval[] {
  const works = segments.filter((s) => s.kind === 'work').sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  const push = (kind: IntervalKind, index: number, start: number, end: number): void => {
    if (end > start) out.push({ rower, index, kind, start, end, stats: { durationS: (end - start) / 1000 } });
  };
  const first = works[0];
  const last = works[works.length - 1];
  if (first === undefined || last === undefined) return out;
  if (firstT !== undefined && first.start - firstT >= MIN_EDGE_MS) push('warmup', 1, firstT, first.start);
  works.forEach((w, i) => {
    push('work', i + 1, w.start, w.end);
    const next = works[i + 1];
    if (next !== undefined) push('rest', i + 1, w.end, next.start);
  });
  if (lastT - last.end >= MIN_EDGE_MS) push('cooldown', 1, last.end, lastT);
  return out;
}

/**
 * Settled segments → interval boundaries (`bounds`, stats still empty) of one rower: warm-up
 * before the first work interval, work n, rest n between work n and n + 1, cool-down after the
 * last. Raw phase events are renamed (warmup / rest / cooldown) and numbered; surges stay part of
 * the phase around them. A long rest (or the plan's last rep) is announced as cool-down live;
 * a later work interval still counts (a "bonus" rep), turning that cool-down back into a rest.
 */
export function labelPhases(rower: string, opts: LabelOptions = {}): OperatorFunction<PipeItem, PipeItem> {
  const minWorkMs = opts.minWorkMs ?? 15_000;
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      let firstT: number | undefined;
      let lastT = 0;
      /** the rowing itself, for the final warm-up and cool-down: first catch, last stroke (ms) */
      let firstCatch: number | undefined;
      let lastStroke = 0;
      let works = 0;
      let lastWorkEnd: number | undefined;
      const rests: number[] = [];
      /** cool-down rest limit, recomputed when a rest is added */
      let limitMs: number | undefined;
      let cooldownAnnounced = false;
      let openWorkStart: number | undefined;
      /** an effort opened before the first rep and not shown yet (it may be a pick-up) */
      let unshown = false;
      /** data time at which the unshown effort was detected, ms */
      let detectedAt = 0;
      /** latest data time seen, ms */
      let now = 0;
      /** the powers of the unshown effort's strokes so far, and of its latest stroke (W) */
      let unshownPowers: number[] = [];
      let latestPower: number | undefined;
      let phased = false;
      /** start of the rest now running (provisional, from the segmenter), ms */
      let restStart: number | undefined;
      const showWork = (t: number): void => {
        if (!unshown || openWorkStart === undefined || t - detectedAt < WARMUP_EFFORT_SHOW_MS) return;
        // still going: a pick-up that has faded is not shown as the first rep
        const med = medianOf(unshownPowers);
        const going = med === undefined || (latestPower !== undefined && latestPower >= WARMUP_EFFORT_GOING * med);
        if (going) {
          unshown = false;
          phase('work', openWorkStart, true, works + 1);
        }
      };
      const bounds = (kind: IntervalKind, index: number, start: number, end: number): void => {
        const interval: Interval = { rower, index, kind, start, end, stats: { durationS: (end - start) / 1000 } };
        subscriber.next({ type: 'bounds', interval });
      };
      const phase = (kind: PhaseKind, start: number, provisional: boolean, index?: number): void => {
        phased = true;
        subscriber.next({ type: 'phase', phase: index === undefined ? { rower, kind, start, provisional } : { rower, kind, start, provisional, index } });
      };
      const restKind = (): IntervalKind => (works === 0 ? 'warmup' : cooldownAnnounced ? 'cooldown' : 'rest');
      const checkCooldown = (t: number): void => {
        if (cooldownAnnounced || lastWorkEnd === undefined || openWorkStart !== undefined) return;
        // the rest now running started when the last effort closed (it may not be final yet)
        const since = Math.max(lastWorkEnd, restStart ?? lastWorkEnd);
        const planDone = opts.cooldownAfterRep !== undefined && works >= opts.cooldownAfterRep;
        limitMs ??= rests.length === 0 ? COOLDOWN_FIRST_REST_MS : Math.max(COOLDOWN_MIN_REST_MS, COOLDOWN_REST_FACTOR * Math.max(...rests));
        const limit = limitMs;
        if (planDone || t - since > limit) {
          cooldownAnnounced = true;
          phase('cooldown', since, false);
        }
      };
      /** a settled work interval (from the segmenter, or a piece a stop ended) */
      const accept = (s: Segment): void => {
        if (works === 0) {
          if (firstT !== undefined && s.start > firstT) bounds('warmup', 1, firstT, s.start);
        } else if (lastWorkEnd !== undefined) {
          rests.push(s.start - lastWorkEnd);
          limitMs = undefined;
          bounds('rest', works, lastWorkEnd, s.start);
        }
        cooldownAnnounced = false;
        works++;
        stopPiece = false;
        phase('work', s.start, false, works);
        bounds('work', works, s.start, s.end);
        phase('rest', s.end, false, works);
        lastWorkEnd = s.end;
      };
      const stops = new StopPieces({ minWorkMs });
      /** a piece started by rowing on after a stop is running (the segmenter knows nothing of it) */
      let stopPiece = false;
      /** a stop may have just ended a piece rowed at one level (rests sat out) */
      const atStop = (t: number): void => {
        if (openWorkStart !== undefined) return;
        const piece = stops.tick(t);
        if (piece !== undefined && (lastWorkEnd === undefined || piece.start >= lastWorkEnd)) accept(piece);
      };
      return source.subscribe({
        next(item) {
          switch (item.type) {
            case 'sample':
              now = Math.max(now, item.sample.t);
              firstT ??= item.sample.t;
              lastT = Math.max(lastT, item.sample.t);
              checkCooldown(item.sample.t);
              showWork(item.sample.t);
              atStop(item.sample.t);
              subscriber.next(item);
              return;
            case 'tick':
              checkCooldown(item.t);
              showWork(item.t);
              atStop(item.t);
              subscriber.next(item);
              return;
            case 'phase': {
              const p = item.phase;
              if (p.kind === 'work') {
                openWorkStart = p.start;
                unshown = works === 0;
                unshownPowers = [];
                detectedAt = now;
                if (!unshown) phase('work', p.start, true, works + 1);
              } else if (p.kind === 'rest' && stopPiece && openWorkStart === undefined) {
                // the segmenter's "rowing again after a pause": the piece, not a rest
                return;
              } else if (p.kind === 'rest') {
                const wasWork = openWorkStart !== undefined && p.start - openWorkStart >= minWorkMs;
                const wasShown = !unshown;
                const effortStart = openWorkStart;
                if (wasWork) restStart = p.start;
                openWorkStart = undefined;
                unshown = false;
                if (wasWork) {
                  // the effort is over: its interval (and so its verdict) goes out now, provisionally;
                  // the settled segment replaces it (same index) once nothing can merge with it
                  bounds('work', works + 1, effortStart!, p.start);
                  phase(cooldownAnnounced ? 'cooldown' : 'rest', p.start, true, works + 1);
                }
                else if (wasShown || works > 0) phase(restKind(), p.start, true, works === 0 ? undefined : works);
              } else {
                unshown = false;
                openWorkStart = undefined;
                phase(p.kind, p.start, true);
              }
              return;
            }
            case 'segment':
              // a piece already taken from a stop (below) is not counted twice
              if (item.segment.kind === 'work' && (lastWorkEnd === undefined || item.segment.start >= lastWorkEnd)) accept(item.segment);
              return;
            case 'stroke':
              if (stops.stroke(item.stroke) && openWorkStart === undefined) {
                // rowing on after a stop that ended a piece: the next piece
                restStart = undefined;
                stopPiece = true;
                phase('work', item.stroke.catchT, true, works + 1);
              }
              now = Math.max(now, item.stroke.t);
              firstCatch ??= item.stroke.catchT;
              lastStroke = item.stroke.t;
              // from the first stroke the athlete is warming up, never idle
              if (!phased) phase('warmup', item.stroke.catchT, true);
              latestPower = item.stroke.powerW;
              if (unshown && latestPower !== undefined) unshownPowers.push(latestPower);
              subscriber.next(item);
              return;
            default:
              subscriber.next(item);
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          // end of data (no live cool-down interval first: the revision names it): the smoother's final intervals replace the live ones downstream
          subscriber.next({ type: 'final-bounds', intervals: finalBounds(rower, finalSegments(stops.strokes, { minWorkMs }), firstCatch, lastStroke) });
          subscriber.complete();
        },
      });
    });
}
