/**
 * Per-rower reference inputs from an athlete's history (issue 10 item 4): the chain history →
 * declared → session, per rower. The rower's bound athlete brings their judged efforts (as of the
 * session's start) and their declared 2k; a rower without an athlete keeps the command's defaults
 * (`--ref-2k`, `--ref-500m`). Pure: the store is passed in as two functions.
 */
import type { JudgedEffort } from './judged-effort.js';
import { HISTORY_WINDOW_DAYS, historyReferences } from './personal-reference.js';
import type { ReferenceInputs } from './reference.js';

const DAY_MS = 86_400_000;

export interface AthleteHistorySource {
  /** the athlete bound to a rower and their declared 2k, s; undefined = no athlete */
  athleteOf(rower: string): { name: string; declared2kS?: number } | undefined;
  /** the athlete's judged efforts that started in [sinceMs, beforeMs) */
  efforts(query: { athlete: string; sinceMs: number; beforeMs: number }): readonly JudgedEffort[];
}

/**
 * `SessionPipelineOptions.references` for a session starting at `atMs` (ms since the epoch): the
 * bound athlete's history, then their declared 2k, then `defaults`' declared times.
 */
export function athleteReferences(source: AthleteHistorySource, atMs: number, defaults: Pick<ReferenceInputs, 'declared2kS' | 'declared500mS'> = {}): (rower: string) => ReferenceInputs | undefined {
  return (rower) => {
    const athlete = source.athleteOf(rower);
    if (athlete === undefined) return undefined;
    const efforts = source.efforts({ athlete: athlete.name, sinceMs: atMs - HISTORY_WINDOW_DAYS.stale * DAY_MS, beforeMs: atMs });
    const out: ReferenceInputs = { ...defaults, history: historyReferences(efforts, atMs) };
    if (athlete.declared2kS !== undefined) {
      // the athlete's own 2k outranks a command-wide declared time of either kind
      out.declared2kS = athlete.declared2kS;
      delete out.declared500mS;
    }
    return out;
  };
}
