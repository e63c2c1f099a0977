/** What stroke detection and segmentation produce: strokes and settled efforts. Times are ms of data time. */

/** One rowing stroke, detected from the Stroke Count or from changes in the (power, rate) tuple. */
export interface StrokeEvent {
  /** when the stroke was observed (its sample's data time), ms */
  t: number;
  /** estimated catch of this stroke, ms (t − period, clamped to the previous stroke) */
  catchT: number;
  /** stroke period, ms (from stroke timing when available, else from the rate field) */
  periodMs: number;
  /** reported power, W; absent for zeros (no information) and spikes */
  powerW?: number;
  /** best stroke-rate estimate, spm (rate field when trusted, else stroke timing) */
  strokeRate?: number;
  /** false when the rate field looks frozen (PM5 during rest, JOROTO 66 spm) */
  rateTrusted: boolean;
  /**
   * set when notifications were lost just before this stroke: the data time by which it would
   * have been seen without the loss, ms (< t). The silence after it was never observed.
   */
  seenT?: number;
}

/** A settled effort: `work` when long enough to be an interval, otherwise a `surge`. */
export interface Segment {
  kind: 'work' | 'surge';
  /** backdated catch of the first hard stroke, ms */
  start: number;
  /** last hard stroke, ms */
  end: number;
}
