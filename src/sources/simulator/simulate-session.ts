/**
 * A whole simulated session, pure and deterministic: options → recording header, raw frames and
 * events (what a real device would have sent), and the ground-truth labels.
 */
import type { Frame, RowerEvent } from '../../ftms/frame.js';
import type { RecordingHeader } from '../../recording/format.js';
import { makeAthlete } from './athlete.js';
import { advertisedName, simulatedConsoles } from './simulated-consoles.js';
import { emitFrames } from './emit-frames.js';
import { runFlywheel } from './flywheel.js';
import { heartRateTrace } from './heart-rate-model.js';
import type { CounterQuirks } from './monitor-readout.js';
import { type Labels, labelStrokes } from './labels.js';
import { createRandom, deriveSeed } from './random.js';
import { planSession } from './session-plan.js';
import { type ResolvedRower, resolveSimulateOptions, type SimulateOptions } from './simulate-options.js';
import { generateStrokes } from './strokes.js';
import { pieceEstimateS } from './test-piece.js';

/** recording time at which the first rower starts rowing, s (wake-up packets come before) */
const LEAD_IN_S = 3;
/** a time-driven console keeps notifying this long after the last stroke, s */
const TAIL_EMIT_S = 15;

export interface SimulatedSession {
  header: RecordingHeader;
  items: Array<Frame | RowerEvent>;
  labels: Labels;
}

/** Simulate a session; the same options (seed included) always give identical output. Throws SimulateOptionsError. */
export function simulateSession(opts: SimulateOptions = {}): SimulatedSession {
  const o = resolveSimulateOptions(opts);
  const many = o.rowers.length > 1;
  const perRower = o.rowers.map((r, i) => simulateRower(r, i));
  const items = perRower
    .flatMap((p, ri) => p.items.map((item, k) => ({ item, ri, k })))
    .sort((a, b) => a.item.t - b.item.t || a.ri - b.ri || a.k - b.k)
    .map((x) => x.item);
  return {
    header: { startedAt: o.startedAt, source: 'simulator', rowers: perRower.map((p) => ({ id: p.id, name: p.name })) },
    items,
    labels: { intervals: perRower.flatMap((p) => p.labels) },
  };

  function simulateRower(r: ResolvedRower, index: number) {
    const rng = createRandom(deriveSeed(o.seed, index));
    const radio = createRandom(deriveSeed(o.seed, 1000 + index));
    const athlete = makeAthlete(r.athlete);
    if (index > 0 && opts.athlete === undefined && (typeof opts.rowers !== 'object' || opts.rowers[index]?.athlete === undefined)) {
      // a second rower in the room is a different person: scale strength and rate a little
      athlete.p2kW *= rng.uniform(0.8, 1.15);
      athlete.sprintRateSpm += rng.int(-3, 3);
    }
    const profile = simulatedConsoles[r.profile];
    const plan = planSession({
      reps: o.reps, workS: o.workS, restS: o.restS, warmupS: o.warmupS, cooldownS: o.cooldownS, steadyMin: o.steadyMin, held: r.held, rateOnly: r.rateOnly, surges: o.surges, stopInRestS: r.stopInRestS,
      ...(o.ladderMin > 0 ? { ladderMin: o.ladderMin } : {}),
      ...(o.pieceM > 0 ? { pieceM: o.pieceM, pieceS: pieceEstimateS(athlete, o.pieceM) } : {}),
    });
    const strokes = generateStrokes(plan, athlete, { workS: o.workS, restS: o.restS }, rng);
    const trace = runFlywheel(strokes, athlete.dragFactor);
    const hrTrace = heartRateTrace(strokes, athlete, trace.endS, rng);
    const advertised = advertisedName(profile);
    const name = r.name ?? (many ? `${advertised} ${index + 1}` : advertised);
    const leadInS = LEAD_IN_S + index * 0.4; // rowers never catch on the same millisecond
    const counters = o.counterOffset || o.resetAtS !== undefined ? counterQuirks(leadInS) : undefined;
    const items = emitFrames(trace, { rowerId: r.id, name, profile, hr: r.hr, hrTrace, leadInS, tailEmitS: TAIL_EMIT_S, ...(o.gap ? { gap: o.gap } : {}), ...(counters ? { counters } : {}), rng: radio });
    return { id: r.id, name, items, labels: labelStrokes(strokes, leadInS, many ? r.id : undefined) };
  }

  /** the counter quirks in this rower's rowing time */
  function counterQuirks(leadInS: number): CounterQuirks {
    return {
      strokeOffset: o.counterOffset?.strokes ?? 0,
      distanceOffsetM: o.counterOffset?.distanceM ?? 0,
      ...(o.resetAtS !== undefined ? { resetAtS: o.resetAtS - leadInS } : {}),
    };
  }
}
