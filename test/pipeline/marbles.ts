/**
 * Marble strings from timed values, so data time (ms) and virtual time are the same axis:
 * `timed([[0, a], [1500, b]])` → "a 1499ms b". Values at the same time become a group "(ab)",
 * which (as in RxJS marbles) occupies as many frames as it has characters.
 */
export interface Timed<T> {
  marbles: string;
  values: Record<string, T>;
}

const KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Marbles for values at the given times (sorted), optionally ending with completion at `endT`. */
export function timed<T>(entries: ReadonlyArray<readonly [number, T]>, endT?: number): Timed<T> {
  const values: Record<string, T> = {};
  let marbles = '';
  let cursor = 0;
  let k = 0;
  const advance = (t: number): void => {
    if (t < cursor) throw new Error(`marble time ${t} overlaps the previous group (cursor ${cursor})`);
    if (t > cursor) marbles += ` ${t - cursor}ms `;
    cursor = t;
  };
  for (let i = 0; i < entries.length; ) {
    const t = entries[i]![0];
    const group: string[] = [];
    while (i < entries.length && entries[i]![0] === t) {
      const key = KEYS[k++ % KEYS.length]!;
      values[key] = entries[i]![1];
      group.push(key);
      i++;
    }
    advance(t);
    marbles += group.length === 1 ? group[0] : `(${group.join('')})`;
    cursor += group.length === 1 ? 1 : group.length + 2;
  }
  if (endT !== undefined) {
    advance(endT);
    marbles += '|';
  }
  return { marbles, values };
}
