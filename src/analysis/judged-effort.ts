/**
 * One judged effort of a past session as the history store keeps it: the unit personal references
 * are built from (docs/science.md §2.1: a max envelope of mean-maximal power per duration, built only
 * from efforts the verdict judged all-out). Written by `store/` (history), read by `analysis/`.
 */
export interface JudgedEffort {
  /** history id of the session the effort belongs to */
  sessionId: string;
  /** when the effort started, ms since the Unix epoch (recording `startedAt` + data time) */
  startMs: number;
  /** length of the effort, s */
  durationS: number;
  /** energy ÷ time over the effort, W */
  meanPowerW: number;
  /** the final verdict: true all-out, false held back, null cannot tell or not judged */
  allOut: boolean | null;
  /** 'rep': a work interval of a set (its 1-based `rep` number); 'piece': a single continuous piece */
  kind: 'rep' | 'piece';
  rep?: number;
  distanceM?: number;
}
