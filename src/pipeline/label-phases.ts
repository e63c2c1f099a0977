import { Observable, type OperatorFunction } from 'rxjs';
import type { Interval, IntervalKind } from '../analysis/types.js';
import { median as medianOf } from '../analysis/series.js';
import type { PhaseKind } from './session-state.js';
import type { PipeItem, Segment } from './pipe-item.js';

export interface LabelOptions {
  /** after this many work intervals what follows is cool-down (a plan's rep count) */
  cooldownAfterRep?: number;
  /** efforts shorter than this are surges, ms (only to name provisional phases) */
  minWorkMs?: number;
}

/** A rest longer than max(150 s, 2 × median rest) starts the cool-down (no plan). */
const COOLDOWN_MIN_REST_MS = 150_000;

const median = (xs: readonly number[]): number => medianOf(xs) ?? 0;

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
      const bounds = (kind: IntervalKind, index: number, start: number, end: number): void => {
        const interval: Interval = { rower, index, kind, start, end, stats: { durationS: (end - start) / 1000 } };
        subscriber.next({ type: 'bounds', interval });
      };
      const phase = (kind: PhaseKind, start: number, provisional: boolean, index?: number): void => {
        subscriber.next({ type: 'phase', phase: index === undefined ? { rower, kind, start, provisional } : { rower, kind, start, provisional, index } });
      };
      const restKind = (): IntervalKind => (works === 0 ? 'warmup' : cooldownAnnounced ? 'cooldown' : 'rest');
      const checkCooldown = (t: number): void => {
        if (cooldownAnnounced || lastWorkEnd === undefined || openWorkStart !== undefined) return;
        const planDone = opts.cooldownAfterRep !== undefined && works >= opts.cooldownAfterRep;
        limitMs ??= Math.max(COOLDOWN_MIN_REST_MS, rests.length > 0 ? 2 * median(rests) : 0);
        const limit = limitMs;
        if (planDone || t - lastWorkEnd > limit) {
          cooldownAnnounced = true;
          phase('cooldown', lastWorkEnd, false);
        }
      };
      return source.subscribe({
        next(item) {
          switch (item.type) {
            case 'sample':
              firstT ??= item.sample.t;
              lastT = Math.max(lastT, item.sample.t);
              checkCooldown(item.sample.t);
              subscriber.next(item);
              return;
            case 'tick':
              checkCooldown(item.t);
              subscriber.next(item);
              return;
            case 'phase': {
              const p = item.phase;
              if (p.kind === 'work') {
                openWorkStart = p.start;
                phase('work', p.start, true, works + 1);
              } else if (p.kind === 'rest') {
                const wasWork = openWorkStart !== undefined && p.start - openWorkStart >= minWorkMs;
                openWorkStart = undefined;
                if (wasWork) phase(cooldownAnnounced ? 'cooldown' : 'rest', p.start, true, works + 1);
                else phase(restKind(), p.start, true, works === 0 ? undefined : works);
              } else {
                openWorkStart = undefined;
                phase(p.kind, p.start, true);
              }
              return;
            }
            case 'segment': {
              const s = item.segment;
              if (s.kind !== 'work') return;
              if (works === 0) {
                if (firstT !== undefined && s.start > firstT) bounds('warmup', 1, firstT, s.start);
              } else if (lastWorkEnd !== undefined) {
                rests.push(s.start - lastWorkEnd);
                limitMs = undefined;
                bounds('rest', works, lastWorkEnd, s.start);
              }
              cooldownAnnounced = false;
              works++;
              phase('work', s.start, false, works);
              bounds('work', works, s.start, s.end);
              phase('rest', s.end, false, works);
              lastWorkEnd = s.end;
              return;
            }
            case 'final-segments':
              subscriber.next({ type: 'final-bounds', intervals: finalBounds(rower, item.segments, firstCatch, lastStroke) });
              return;
            case 'stroke':
              firstCatch ??= item.stroke.catchT;
              lastStroke = item.stroke.t;
              subscriber.next(item);
              return;
            default:
              subscriber.next(item);
          }
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          if (lastWorkEnd !== undefined && lastT > lastWorkEnd) bounds('cooldown', 1, lastWorkEnd, lastT);
          subscriber.complete();
        },
      });
    });
}
