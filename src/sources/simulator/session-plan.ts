/**
 * The planned session: warm-up (with short surges), N × (work / rest), cool-down — or a steady
 * row, a rate ladder, or warm-up + one continuous test piece (e.g. a 2k) + cool-down. Times are the plan's clock (s since the athlete starts rowing); the athlete's strokes
 * (strokes.ts) land on it within a stroke.
 */

/** How a rep is rowed: truly all-out, held back (paced + end spurt), or high rate with light pressure. */
export type SprintStyle = 'all-out' | 'held' | 'rate-only';

export type SegmentKind = 'warmup' | 'surge' | 'work' | 'rest' | 'cooldown' | 'steady' | 'ladder';

/** Stroke rates of the ladder's steps, spm (one step each, equal length). */
export const LADDER_RATES_SPM: readonly number[] = [18, 20, 22, 24, 26, 28];

export interface PlanSegment {
  kind: SegmentKind;
  /** planned start, s since rowing starts */
  startS: number;
  durationS: number;
  /** 1-based rep for work and the rest after it */
  rep?: number;
  style?: SprintStyle;
  /** seconds of standstill at the start of this rest (athlete stops after the sprint) */
  stopS?: number;
  /** ladder only: 0-based step into LADDER_RATES_SPM */
  step?: number;
  /** work only: a test piece of this many metres (ends on distance, not on durationS) */
  pieceM?: number;
}

export interface PlanOptions {
  reps: number;
  workS: number;
  restS: number;
  warmupS: number;
  cooldownS: number;
  /** > 0: a steady row of this many minutes instead of intervals */
  steadyMin: number;
  /** > 0: a rate ladder of this many minutes instead of intervals */
  ladderMin?: number;
  /** > 0: one test piece of this many metres (planned to last `pieceS`) instead of intervals */
  pieceM?: number;
  pieceS?: number;
  /** 1-based reps rowed held back */
  held: readonly number[];
  /** 1-based reps rowed at high rate but light pressure */
  rateOnly: readonly number[];
  /** number of short surges (< 15 s) in the warm-up */
  surges: number;
  /** standstill at the start of each rest, s (0 = keep rowing) */
  stopInRestS: number;
}

const SURGE_S = 8;

/** The ordered, contiguous segments of a session. */
export function planSession(o: PlanOptions): PlanSegment[] {
  if (o.steadyMin > 0) return [{ kind: 'steady', startS: 0, durationS: o.steadyMin * 60 }];
  if (o.ladderMin && o.ladderMin > 0) {
    const stepS = (o.ladderMin * 60) / LADDER_RATES_SPM.length;
    return LADDER_RATES_SPM.map((_, step) => ({ kind: 'ladder', startS: step * stepS, durationS: stepS, step }));
  }
  const out: PlanSegment[] = [];
  let t = 0;
  const push = (seg: Omit<PlanSegment, 'startS'>): void => {
    if (seg.durationS <= 0) return;
    out.push({ ...seg, startS: t });
    t += seg.durationS;
  };
  if (o.warmupS > 0) {
    // surges evenly spread through the middle of the warm-up, never in its last 60 s
    const usable = Math.max(0, o.warmupS - 60);
    const n = usable >= (SURGE_S + 20) * o.surges ? o.surges : 0;
    let cursor = 0;
    for (let i = 1; i <= n; i++) {
      const at = Math.round((usable * i) / (n + 1));
      push({ kind: 'warmup', durationS: at - cursor });
      push({ kind: 'surge', durationS: SURGE_S });
      cursor = at + SURGE_S;
    }
    push({ kind: 'warmup', durationS: o.warmupS - cursor });
  }
  if (o.pieceM && o.pieceM > 0) {
    push({ kind: 'work', durationS: o.pieceS ?? 420, rep: 1, style: 'all-out', pieceM: o.pieceM });
  } else {
    for (let rep = 1; rep <= o.reps; rep++) {
      const style: SprintStyle = o.held.includes(rep) ? 'held' : o.rateOnly.includes(rep) ? 'rate-only' : 'all-out';
      push({ kind: 'work', durationS: o.workS, rep, style });
      if (rep < o.reps) push({ kind: 'rest', durationS: o.restS, rep, stopS: o.stopInRestS });
    }
  }
  push({ kind: 'cooldown', durationS: o.cooldownS });
  return out;
}
