/**
 * What a recording says about each rower before any analysis: when its first stroke came (the
 * first decoded sample with power or stroke rate above 0, decoded as the pipeline decodes it), and
 * the athlete and plan its events name. Lets the store hand the athlete to the analysis options
 * (personal references) before the analysis runs.
 */
import { findProfile } from '../ftms/device-profiles.js';
import { ATHLETE_EVENT, WORKOUT_START, type Frame, type RowerEvent } from '../ftms/frame.js';
import { createSampleAssembler, type SampleAssembler } from '../ftms/merge.js';
import type { RecordingLike } from '../pipeline/analyze-recording.js';


export interface RowerFacts {
  rower: string;
  /** data time of the first stroke, ms; undefined when the rower never rowed */
  firstStrokeMs?: number;
  /** the last `athlete` event before the first stroke; when none precedes it, the first one */
  athlete?: string;
  /** the name of the first `workout-start` plan */
  plan?: string;
}

const planName = (ev: RowerEvent): string | undefined => {
  const name = ev.plan?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
};

/** Facts per rower, for every rower with a frame or event, in order of first appearance. */
export function rowerFacts(recording: RecordingLike): RowerFacts[] {
  const names = Object.fromEntries(recording.header.rowers.map((r) => [r.id, r.name]));
  const byRower = new Map<string, { facts: RowerFacts; asm: SampleAssembler; athletes: RowerEvent[] }>();
  const entry = (rower: string) => {
    let e = byRower.get(rower);
    if (!e) {
      e = { facts: { rower }, asm: createSampleAssembler({ profile: findProfile(names[rower] ?? rower) }), athletes: [] };
      byRower.set(rower, e);
    }
    return e;
  };
  for (const item of recording.items) {
    const e = entry(item.rower);
    if (item.kind === 'event') {
      if (item.event === ATHLETE_EVENT && item.athlete !== undefined && item.athlete.trim() !== '') e.athletes.push(item);
      else if (item.event === WORKOUT_START && e.facts.plan === undefined) {
        const name = planName(item);
        if (name !== undefined) e.facts.plan = name;
      }
      continue;
    }
    if (e.facts.firstStrokeMs === undefined) {
      for (const s of e.asm.push(item as Frame)) {
        if ((s.powerW ?? 0) > 0 || (s.strokeRate ?? 0) > 0 || (s.paceS500 ?? 0) > 0) {
          e.facts.firstStrokeMs = s.t;
          break;
        }
      }
    }
  }
  return [...byRower.values()].map(({ facts, athletes }) => {
    const before = facts.firstStrokeMs === undefined ? athletes : athletes.filter((a) => a.t <= facts.firstStrokeMs!);
    const pick = before.length > 0 ? before[before.length - 1] : athletes[0];
    return pick?.athlete !== undefined ? { ...facts, athlete: pick.athlete.trim() } : facts;
  });
}
