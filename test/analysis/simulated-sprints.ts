/**
 * Ground truth for verdict agreement: simulated sessions (the project's simulator, pure and
 * seeded) decoded by the project's FTMS assembler, each labelled work window measured and judged.
 * The labels' work windows stand in for the segmenter, so this measures the verdict alone.
 */
import { judgeSession, judgeSprintLive, type SessionOptions, type SprintInput } from '../../src/analysis/session-verdicts.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';
import type { Verdict } from '../../src/analysis/types.js';
import { findProfile } from '../../src/ftms/device-profiles.js';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import type { Sample } from '../../src/ftms/sample.js';
import { athletePresets, makeAthlete } from '../../src/sources/simulator/athlete.js';
import { simulateSession } from '../../src/sources/simulator/simulate-session.js';
import type { SimulateOptions } from '../../src/sources/simulator/simulate-options.js';

export interface JudgedSprint {
  session: string;
  rep: number;
  style: string;
  labelAllOut: boolean;
  live: Verdict;
  final: Verdict;
}

/** Decode a simulated session into one rower's samples. */
function samplesOf(sim: ReturnType<typeof simulateSession>): Sample[] {
  const name = sim.header.rowers[0]!.name;
  const asm = createSampleAssembler({ profile: findProfile(name) });
  const out: Sample[] = [];
  for (const item of sim.items) if ('char' in item) out.push(...asm.push(item));
  out.push(...asm.flush(Infinity));
  return out;
}

/** Judge every labelled sprint of one simulated session, live and at the end; `opts` gets the athlete's 2k power, W. */
export function judgeSimulated(sim: SimulateOptions, opts: (p2kW: number) => SessionOptions): JudgedSprint[] {
  const session = simulateSession(sim);
  const samples = samplesOf(session);
  const works = session.labels.intervals.filter((i) => i.kind === 'work');
  const sprints: SprintInput[] = [];
  const live: Verdict[] = [];
  const athlete = makeAthlete({ ...athletePresets[sim.preset ?? 'default'], ...sim.athlete });
  const o = opts(athlete.p2kW);
  works.forEach((w, i) => {
    const startMs = w.start * 1000;
    const endMs = w.end * 1000;
    const input: SprintInput = { metrics: sprintMetrics(samples, startMs, endMs) };
    if (i > 0) input.restBeforeS = w.start - works[i - 1]!.end;
    sprints.push(input);
    live.push(judgeSprintLive(sprints, o));
  });
  const final = judgeSession(sprints, o).verdicts;
  return works.map((w, i) => ({
    session: JSON.stringify(sim),
    rep: w.rep!,
    style: w.style!,
    labelAllOut: w.allOut!,
    live: live[i]!,
    final: final[i]!,
  }));
}
