/**
 * The version of the analysis the history's rows were computed with. A session is keyed by its
 * recording's content hash, its rower and this number: a row of an older version is stale, and the
 * next `addRecording` of that recording (or `history rebuild`) re-judges it.
 *
 * Bump rule: add 1 whenever a change would alter a stored row for an unchanged recording —
 * segmentation, interval stats, verdicts, summaries, best windows, judged efforts, or what is read
 * from the recording (start, athlete, plan). Refactors that keep `analyze --json` and the stored
 * rows byte-identical do not bump it.
 */
export const ANALYSIS_VERSION = 1;
