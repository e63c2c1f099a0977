/**
 * Live pieces separated by stops. The causal segmenter finds efforts by a change of level; a
 * session rowed at one level with rests sat out (4 × 10:00, 20-min pieces) has no such change,
 * so live it would read as one long warm-up. This watcher keeps the strokes so far and, once the
 * silence after the last stroke reaches a stop (`FINAL_PARAMS.stopMs`), asks the end-of-session
 * smoother about the data so far: a work piece ending at that last stroke is a piece that just
 * ended. Rowing on after it starts the next piece. The smoother re-judges everything at the end.
 * Pure: strokes and data time in, pieces out.
 */
import type { Segment, StrokeEvent } from './types.js';
import { FINAL_PARAMS, finalSegments, type FinalOptions } from './session-segments.js';

/** A piece found at a stop must end this close to the last stroke before it, ms [J: two strokes]. */
const END_SLACK_MS = 6_000;

export class StopPieces {
  private readonly all: StrokeEvent[] = [];
  /** the running stop has been looked at */
  private looked = false;
  /** the running stop ended a piece: the next stroke starts a new one */
  private afterPiece = false;

  constructor(private readonly opts: FinalOptions = {}) {}

  /** Every stroke so far (the smoother's input at the end of the session). */
  get strokes(): readonly StrokeEvent[] {
    return this.all;
  }

  /** Feed a stroke; true when it is the first stroke after a stop that ended a piece. */
  stroke(ev: StrokeEvent): boolean {
    const resumed = this.afterPiece;
    this.all.push(ev);
    this.looked = false;
    this.afterPiece = false;
    return resumed;
  }

  /** Data time passed: the piece that a stop has just ended, if any (once per stop). */
  tick(t: number): Segment | undefined {
    const last = this.all[this.all.length - 1];
    if (last === undefined || this.looked || t - last.t < FINAL_PARAMS.stopMs) return undefined;
    this.looked = true;
    const works = finalSegments(this.all, this.opts).filter((s) => s.kind === 'work');
    const piece = works[works.length - 1];
    if (piece === undefined || piece.end < last.t - END_SLACK_MS) return undefined;
    this.afterPiece = true;
    return piece;
  }
}
