/**
 * The athlete's strokes: catch time, duration (from the stroke rate) and the mean power actually
 * APPLIED during the stroke. What the monitor reports is computed later (flywheel.ts).
 *
 * Timing: a stroke belongs to the segment in which its catch falls. A sprint starts at the first
 * catch at or after the planned start (athletes wait for the catch, so up to one easy stroke late),
 * and ends with the stroke in progress when the planned work time has elapsed.
 */
import type { Athlete } from './athlete.js';
import { expectedFatigue as fatigueFactor } from '../../rowing/fatigue.js';
import type { Random } from './random.js';
import { LADDER_RATES_SPM, type PlanSegment, type SegmentKind, type SprintStyle } from './session-plan.js';
import { longRepFactor, longRepRateDropSpm, type RepIntent, repRateSpm, sprintStrokeTarget } from './sprint-styles.js';
import { pieceStrokeTarget, strokeDistanceM } from './test-piece.js';

export interface AppliedStroke {
  /** catch time, s since rowing starts */
  catchS: number;
  durationS: number;
  /** mean power applied over the stroke cycle, W */
  powerW: number;
  kind: SegmentKind;
  rep?: number;
  style?: SprintStyle;
}

/**
 * The monitor-reported 30 s mean is ~94–95 % of the applied mean (flywheel lag, docs/science.md §8.1);
 * applied capacity = reported target ÷ this, so rep 1 reads ≈ sprintRatio × P2k on the monitor.
 */
export const MONITOR_CREDIT = 0.95;

export interface StrokeOptions {
  workS: number;
  restS: number;
}

/** All strokes of a session, in order. Pure given `rng`'s state. */
export function generateStrokes(plan: readonly PlanSegment[], athlete: Athlete, o: StrokeOptions, rng: Random): AppliedStroke[] {
  const out: AppliedStroke[] = [];
  const noisyW = (w: number): number => Math.max(15, w * (1 + rng.normal(0, athlete.powerCv)));
  const noisyRate = (spm: number): number => Math.min(56, Math.max(12, spm + rng.normal(0, athlete.rateSdSpm)));
  const warmupEndS = plan.find((seg) => seg.kind === 'work')?.startS ?? 1;
  let t = 0;
  for (let i = 0; i < plan.length; i++) {
    const seg = plan[i]!;
    const next = plan[i + 1];
    if (seg.kind === 'work') {
      t = seg.pieceM ? piece(t, seg.pieceM) : sprint(t, seg);
      continue;
    }
    if (seg.kind === 'rest' && seg.stopS) t += seg.stopS;
    for (;;) {
      const target = easyTarget(seg, t);
      const durationS = 60 / noisyRate(target.rateSpm);
      const natural = t + durationS;
      const stroke = (d: number): AppliedStroke => ({ catchS: t, durationS: d, powerW: noisyW(target.powerW), kind: seg.kind, ...(seg.rep !== undefined ? { rep: seg.rep } : {}) });
      if (next?.kind === 'work' && natural >= next.startS - 1) {
        // settle at the catch and go on the clock: this stroke is stretched, never shortened
        const end = Math.max(natural, next.startS + rng.uniform(0, 0.6));
        out.push(stroke(end - t));
        t = end;
        break;
      }
      out.push(stroke(durationS));
      t = natural;
      if (next ? t >= next.startS : t >= seg.startS + seg.durationS) break;
    }
  }
  return out;

  function sprint(startS: number, seg: PlanSegment): number {
    const rep = seg.rep ?? 1;
    const style = seg.style ?? 'all-out';
    const reported = athlete.sprintRatio * athlete.p2kW * longRepFactor(athlete, o.workS) * fatigueFactor(rep, o.restS) * (1 + rng.normal(0, athlete.repCv));
    const intent: RepIntent = {
      style,
      capacityW: reported / MONITOR_CREDIT,
      heldLevel: rng.uniform(0.75, 0.85),
      spurtS: rng.uniform(5.5, 7),
      fade: Math.max(0.04, athlete.fade * rng.uniform(0.8, 1.2)),
      rateSpm: repRateSpm(athlete, rep) - longRepRateDropSpm(athlete, o.workS),
    };
    let t = startS;
    for (;;) {
      const target = sprintStrokeTarget(intent, t - startS, o.workS);
      const durationS = 60 / noisyRate(target.rateSpm);
      out.push({ catchS: t, durationS, powerW: noisyW(target.powerW), kind: 'work', rep, style });
      t += durationS;
      if (t >= startS + o.workS - 0.3) return t;
    }
  }

  /** one continuous maximal piece of `pieceM` metres: ends with the stroke that completes the distance */
  function piece(startS: number, pieceM: number): number {
    let t = startS;
    let doneM = 0;
    while (doneM < pieceM) {
      const target = pieceStrokeTarget(athlete, t - startS, doneM, pieceM);
      const durationS = 60 / noisyRate(target.rateSpm);
      const powerW = noisyW(target.powerW);
      out.push({ catchS: t, durationS, powerW, kind: 'work', rep: 1, style: 'all-out' });
      doneM += strokeDistanceM(powerW, durationS);
      t += durationS;
    }
    return t;
  }

  function easyTarget(seg: PlanSegment, t: number): { powerW: number; rateSpm: number } {
    const easyW = athlete.easyRatio * athlete.p2kW;
    const x = seg.durationS > 0 ? Math.min(1, Math.max(0, (t - seg.startS) / seg.durationS)) : 0;
    switch (seg.kind) {
      case 'warmup': // ramps from 75 % to 105 % of easy over the warm-up as a whole
        return { powerW: easyW * (0.75 + 0.3 * Math.min(1, t / Math.max(1, warmupEndS))), rateSpm: athlete.easyRateSpm };
      case 'surge':
        return { powerW: 1.15 * athlete.p2kW, rateSpm: athlete.easyRateSpm + 10 };
      case 'rest': // tired right after the sprint, recovering through the rest
        return { powerW: easyW * (0.85 + 0.1 * x), rateSpm: athlete.easyRateSpm - 1 + 2 * x };
      case 'cooldown':
        return { powerW: easyW * (0.85 - 0.15 * x), rateSpm: athlete.easyRateSpm - 1 };
      case 'steady': // UT2 with a slow ±5 % wander
        return { powerW: athlete.p2kW * 0.62 * (1 + 0.05 * Math.sin((2 * Math.PI * t) / 240)), rateSpm: athlete.easyRateSpm + 3 };
      case 'ladder': { // the rate steps up; power rises ~3 %/spm with it (docs/science.md §4), slow ±3 % wander
        const rateSpm = LADDER_RATES_SPM[seg.step ?? 0] ?? athlete.easyRateSpm;
        return { powerW: athlete.p2kW * 0.52 * (1 + 0.03 * (rateSpm - 18)) * (1 + 0.03 * Math.sin((2 * Math.PI * t) / 200)), rateSpm };
      }
      case 'work':
        return { powerW: easyW, rateSpm: athlete.easyRateSpm };
    }
  }
}
