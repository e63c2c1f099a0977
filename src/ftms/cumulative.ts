/**
 * Cumulative counters made monotonic (REFERENCE.md rule 6): Stroke Count is uint16 and wraps;
 * a decrease of any cumulative field means the console was reset, so every counter banks its
 * last reading into a session offset and restarts from 0. Values start at the console's first
 * reading (not rebased to 0), then never decrease.
 */

export type CumulativeKey = 'strokeCount' | 'distanceM' | 'energyKcal' | 'elapsedS';
export const CUMULATIVE_KEYS: readonly CumulativeKey[] = ['strokeCount', 'distanceM', 'energyKcal', 'elapsedS'];

/** A forward step across 65535 → 0 smaller than this is a wrap; anything else that decreases is a reset. */
export const STROKE_WRAP_MAX_STEP = 1024;

export interface CounterState {
  /** last raw console reading per key */
  readonly raw: Readonly<Partial<Record<CumulativeKey, number>>>;
  /** added to the raw reading (wraps and banked pre-reset readings) */
  readonly offset: Readonly<Partial<Record<CumulativeKey, number>>>;
  /** how many console resets were seen */
  readonly resets: number;
}

export const initialCounters: CounterState = { raw: {}, offset: {}, resets: 0 };

/** Feed one record's raw cumulative readings; returns the new state and the session values. */
export function stepCounters(
  state: CounterState,
  readings: Partial<Record<CumulativeKey, number>>,
): { state: CounterState; values: Partial<Record<CumulativeKey, number>> } {
  const offset = { ...state.offset };
  let raw = { ...state.raw };
  const strokes = readings.strokeCount;
  const lastStrokes = raw.strokeCount;
  let wrapped = false;
  if (strokes !== undefined && lastStrokes !== undefined && strokes < lastStrokes) {
    wrapped = (strokes - lastStrokes + 65536) % 65536 < STROKE_WRAP_MAX_STEP;
  }
  const reset = CUMULATIVE_KEYS.some((k) => {
    const now = readings[k];
    const last = raw[k];
    return now !== undefined && last !== undefined && now < last && !(k === 'strokeCount' && wrapped);
  });
  let resets = state.resets;
  if (reset) {
    resets += 1;
    for (const k of CUMULATIVE_KEYS) {
      const last = raw[k];
      if (last !== undefined) offset[k] = (offset[k] ?? 0) + last;
    }
    raw = Object.fromEntries(Object.keys(raw).map((k) => [k, 0]));
  } else if (wrapped) {
    offset.strokeCount = (offset.strokeCount ?? 0) + 65536;
  }
  const values: Partial<Record<CumulativeKey, number>> = {};
  for (const k of CUMULATIVE_KEYS) {
    const now = readings[k];
    if (now === undefined) continue;
    raw[k] = now;
    values[k] = (offset[k] ?? 0) + now;
  }
  return { state: { raw, offset, resets }, values };
}
