/**
 * Cumulative counters made monotonic (docs/ftms.md §4 rule 6): Stroke Count is uint16 and wraps;
 * a decrease of any cumulative field means the console was reset, so every counter banks its
 * last reading into a session offset and restarts from 0. Values start at the console's first
 * reading (not rebased to 0), then never decrease.
 *
 * One `Counters` per rower, mutated in place: it runs once per record on the decode hot path, so
 * the four counters live in fixed slots (`CUMULATIVE_KEYS` order) with NaN for "never read".
 */

export type CumulativeKey = 'strokeCount' | 'distanceM' | 'energyKcal' | 'elapsedS';
export const CUMULATIVE_KEYS: readonly CumulativeKey[] = ['strokeCount', 'distanceM', 'energyKcal', 'elapsedS'];
const STROKES = 0;

/** A forward step across 65535 → 0 smaller than this is a wrap; anything else that decreases is a reset. */
export const STROKE_WRAP_MAX_STEP = 1024;

export class Counters {
  /** last raw console reading per slot (NaN = never read) */
  private readonly raw = new Float64Array(4).fill(Number.NaN);
  /** added to the raw reading (wraps and banked pre-reset readings) */
  private readonly offset = new Float64Array(4);
  /** session value per slot (NaN = never read): offset + the last raw reading */
  readonly values = new Float64Array(4).fill(Number.NaN);
  /** how many console resets were seen */
  resets = 0;

  /**
   * Feed one record's raw readings, one slot per `CUMULATIVE_KEYS` entry (NaN = not in this
   * record); `values` then holds the session value of every counter read so far.
   */
  step(readings: Float64Array): void {
    const { raw, offset, values } = this;
    const strokes = readings[STROKES]!;
    const lastStrokes = raw[STROKES]!;
    // comparisons with NaN are false: an absent reading or a never-read counter decides nothing
    const wrapped = strokes < lastStrokes && (strokes - lastStrokes + 65536) % 65536 < STROKE_WRAP_MAX_STEP;
    let reset = false;
    for (let k = 0; k < 4; k++) if (readings[k]! < raw[k]! && !(k === STROKES && wrapped)) reset = true;
    if (reset) {
      this.resets += 1;
      for (let k = 0; k < 4; k++) {
        if (Number.isNaN(raw[k]!)) continue;
        offset[k] = offset[k]! + raw[k]!;
        raw[k] = 0;
      }
    } else if (wrapped) offset[STROKES] = offset[STROKES]! + 65536;
    for (let k = 0; k < 4; k++) {
      const now = readings[k]!;
      if (Number.isNaN(now)) continue;
      raw[k] = now;
      values[k] = offset[k]! + now;
    }
  }
}
