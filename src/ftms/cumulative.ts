/**
 * Cumulative counters made monotonic (REFERENCE.md rule 6): Stroke Count is uint16 and wraps;
 * a decrease of any cumulative field means the console was reset, so every counter banks its
 * last reading into a session offset and restarts from 0. Values start at the console's first
 * reading (not rebased to 0), then never decrease.
 *
 * One `Counters` per rower, mutated in place: it runs once per record on the decode hot path.
 */

export type CumulativeKey = 'strokeCount' | 'distanceM' | 'energyKcal' | 'elapsedS';
export const CUMULATIVE_KEYS: readonly CumulativeKey[] = ['strokeCount', 'distanceM', 'energyKcal', 'elapsedS'];

/** A forward step across 65535 → 0 smaller than this is a wrap; anything else that decreases is a reset. */
export const STROKE_WRAP_MAX_STEP = 1024;

export type CumulativeValues = Partial<Record<CumulativeKey, number>>;

export class Counters {
  /** last raw console reading per key */
  private readonly raw: CumulativeValues = {};
  /** added to the raw reading (wraps and banked pre-reset readings) */
  private readonly offset: CumulativeValues = {};
  /** how many console resets were seen */
  resets = 0;

  /** Feed one record's raw readings; writes the session value of every key it carries into `out`. */
  step(readings: CumulativeValues, out: CumulativeValues): void {
    const { raw, offset } = this;
    const strokes = readings.strokeCount;
    const lastStrokes = raw.strokeCount;
    let wrapped = false;
    if (strokes !== undefined && lastStrokes !== undefined && strokes < lastStrokes) {
      wrapped = (strokes - lastStrokes + 65536) % 65536 < STROKE_WRAP_MAX_STEP;
    }
    let reset = false;
    for (const k of CUMULATIVE_KEYS) {
      const now = readings[k];
      const last = raw[k];
      if (now !== undefined && last !== undefined && now < last && !(k === 'strokeCount' && wrapped)) reset = true;
    }
    if (reset) {
      this.resets += 1;
      for (const k of CUMULATIVE_KEYS) {
        const last = raw[k];
        if (last === undefined) continue;
        offset[k] = (offset[k] ?? 0) + last;
        raw[k] = 0;
      }
    } else if (wrapped) {
      offset.strokeCount = (offset.strokeCount ?? 0) + 65536;
    }
    for (const k of CUMULATIVE_KEYS) {
      const now = readings[k];
      if (now === undefined) continue;
      raw[k] = now;
      out[k] = (offset[k] ?? 0) + now;
    }
  }
}
