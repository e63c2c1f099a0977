/**
 * rowingdata CSV, the per-stroke format rowsandall.com, openrowingmonitor and intervals.icu tools
 * exchange (and `ergsprint export --format csv` writes): the columns of rowingdata-columns.ts, one
 * row per stroke, usually with an unnamed index column first.
 */
import { csvRows } from './csv.js';
import { parseRowingdataColumns } from './rowingdata-columns.js';
import type { ImportedSession } from './types.js';

export function parseRowingdataCsv(text: string): ImportedSession {
  return { ...parseRowingdataColumns(csvRows(text), 'rowingdata CSV'), format: 'rowingdata-csv', device: 'rowing machine (rowingdata CSV)', heartRateFrom: 'console' };
}
