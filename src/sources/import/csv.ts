/**
 * CSV reading shared by the CSV parsers: csv-parse (quotes, BOM, ragged rows) plus the number and
 * header helpers every export needs (decimal comma, blank = unknown, "m:ss.t" clocks).
 */
import { parse } from 'csv-parse/sync';
import { fail } from './import-error.js';
import type { ImportedRow } from './types.js';

/** All rows of a CSV text as trimmed strings (quotes and one layer of inner quotes removed). */
export function csvRows(text: string, delimiter = ','): string[][] {
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, trim: true, bom: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    return fail('BAD_FILE', `not a readable CSV (${err instanceof Error ? err.message : String(err)})`);
  }
  // Painsled writes values like `" ""00 waiting to row"""`: a quoted field holding a quoted value
  return rows.map((r) => r.map((v) => v.trim().replace(/^"(.*)"$/s, '$1').trim()));
}

/** A number from a cell; blank, '-' or not a number → undefined. `decimalComma` reads "18,8" as 18.8. */
export function num(cell: string | undefined, decimalComma = false): number | undefined {
  if (cell === undefined) return undefined;
  const s = decimalComma ? cell.replace(',', '.') : cell;
  if (s.trim() === '' || s.trim() === '-') return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

/** A positive reading (power, pace, rate, heart rate): 0 and negatives mean "none" in these exports. */
export const positive = (x: number | undefined): number | undefined => (x !== undefined && x > 0 ? x : undefined);

/** The per-row readings of a CSV export, in the units of ImportedRow (pace s/500 m, W, spm, bpm). */
export type Readings = Partial<Record<'paceS500' | 'powerW' | 'strokeRate' | 'heartRate', number | undefined>>;

/** Puts each positive reading on the row; a missing, 0 or negative one is left off ("none"). */
export function putReadings(row: ImportedRow, readings: Readings): void {
  for (const key of ['paceS500', 'powerW', 'strokeRate', 'heartRate'] as const) {
    const v = positive(readings[key]);
    if (v !== undefined) row[key] = v;
  }
}

/** "h:mm:ss.t", "m:ss.t" or "ss.t" → seconds; undefined when not a clock. */
export function clockS(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const parts = cell.trim().split(':');
  if (parts.length > 3 || !parts.every((p) => /^\d+(\.\d+)?$/.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 60 + Number(p), 0);
}

/** Column indexes of a header row by name (names compared trimmed, case-insensitive). */
export function columns(header: readonly string[]): (name: string) => number {
  const idx = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  return (name: string): number => idx.get(name.toLowerCase()) ?? -1;
}

/** A header's column index by name, or a BAD_FILE error naming the missing column. */
export function required(col: (name: string) => number, name: string, format: string): number {
  const i = col(name);
  return i >= 0 ? i : fail('BAD_FILE', `not a ${format} file: no "${name}" column`);
}
