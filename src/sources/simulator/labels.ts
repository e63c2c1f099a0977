/**
 * Ground truth of a simulated session (DESIGN.md: `<name>.labels.json`), taken from the athlete's
 * strokes, not from the monitor: a work interval starts at the catch of its first sprint stroke
 * and ends at the end of its last sprint stroke — the boundaries the analysis is judged against.
 * Warm-up surges (< 15 s) stay inside the warm-up. A steady row has no intervals.
 */
import type { SprintStyle } from './session-plan.js';
import type { AppliedStroke } from './strokes.js';

export interface LabelInterval {
  kind: 'work' | 'rest' | 'warmup' | 'cooldown';
  /** s since the recording's start */
  start: number;
  end: number;
  /** work only: 1-based rep */
  rep?: number;
  /** work only: true for a truly all-out rep */
  allOut?: boolean;
  /** work only: how the rep was rowed */
  style?: SprintStyle;
  /** present when the recording holds several rowers */
  rower?: string;
}

export interface Labels {
  intervals: LabelInterval[];
}

const sec = (s: number): number => Math.round(s * 1000) / 1000;

/** Labels for one rower's strokes; `offsetS` = recording time at which rowing time 0 falls. */
export function labelStrokes(strokes: readonly AppliedStroke[], offsetS: number, rower?: string): LabelInterval[] {
  const first = strokes[0];
  const last = strokes[strokes.length - 1];
  if (!first || !last || strokes.every((s) => s.kind !== 'work')) return [];
  const reps = new Map<number, { start: number; end: number; style: SprintStyle }>();
  for (const s of strokes) {
    if (s.kind !== 'work' || s.rep === undefined) continue;
    const r = reps.get(s.rep);
    const end = s.catchS + s.durationS;
    if (r) r.end = end;
    else reps.set(s.rep, { start: s.catchS, end, style: s.style ?? 'all-out' });
  }
  const out: LabelInterval[] = [];
  const push = (i: Omit<LabelInterval, 'start' | 'end' | 'rower'>, startS: number, endS: number): void => {
    if (endS <= startS) return;
    out.push({ kind: i.kind, start: sec(startS + offsetS), end: sec(endS + offsetS), ...omitKind(i), ...(rower !== undefined ? { rower } : {}) });
  };
  const ordered = [...reps.entries()].sort((a, b) => a[0] - b[0]);
  const firstWork = ordered[0]![1];
  push({ kind: 'warmup' }, first.catchS, firstWork.start);
  ordered.forEach(([rep, r], i) => {
    push({ kind: 'work', rep, allOut: r.style === 'all-out', style: r.style }, r.start, r.end);
    const next = ordered[i + 1];
    if (next) push({ kind: 'rest' }, r.end, next[1].start);
  });
  push({ kind: 'cooldown' }, ordered[ordered.length - 1]![1].end, last.catchS + last.durationS);
  return out;
}

function omitKind(i: Omit<LabelInterval, 'start' | 'end' | 'rower'>): Omit<LabelInterval, 'kind' | 'start' | 'end' | 'rower'> {
  const { kind: _kind, ...rest } = i;
  return rest;
}
