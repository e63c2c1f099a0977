/**
 * Aligned text columns for the CLI's human output (analyze, evaluate, inspect, scan, decode).
 * Widths are terminal columns, not UTF-16 units: a combining mark takes none, an East Asian wide
 * or emoji character two, everything else (the en dash "–" included) one.
 */

export interface TextTableOptions {
  /** `right[i]` right-aligns column i (default: left) */
  right?: readonly boolean[];
  /** put in front of every line (default none) */
  indent?: string;
  /** between columns (default two spaces) */
  gap?: string;
}

/** Code points that a terminal draws two columns wide (East Asian Wide/Fullwidth, emoji). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}\p{Emoji_Presentation}]/u;
const ZERO = /[\p{M}\u200b-\u200f\ufe00-\ufe0f]/u;

/** Terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

const pad = (cell: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return right ? fill + cell : cell + fill;
};

/**
 * Lay out rows as columns (the first row sets how many columns a full row has, usually the head).
 * A shorter row is a note: its cells but the last are aligned, the last runs on unpadded and does
 * not widen its column. Trailing spaces are trimmed; no rows → no lines.
 */
export function textTable(rows: ReadonlyArray<readonly string[]>, opts: TextTableOptions = {}): string[] {
  const { right = [], indent = '', gap = '  ' } = opts;
  const full = rows[0]?.length ?? 0;
  const aligned = (row: readonly string[]): number => (row.length < full ? row.length - 1 : row.length);
  const widths: number[] = [];
  for (const row of rows) for (let i = 0; i < aligned(row); i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(row[i] ?? ''));
  return rows.map((row) => {
    const n = aligned(row);
    return (indent + row.map((cell, i) => (i >= n ? cell : pad(cell, widths[i] ?? 0, right[i] === true))).join(gap)).trimEnd();
  });
}
