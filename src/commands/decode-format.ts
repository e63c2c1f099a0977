/** Text and JSON output of `ergsprint decode` for one payload's outcome (src/ftms/decode-by-char.ts decodes it). */
import type { DecodableChar, DecodeOutcome } from '../ftms/decode-by-char.js';
import { ROWER_DATA_UNITS } from '../ftms/rower-data.js';
import { textTable } from './text-table.js';

const UNITS: Readonly<Record<string, string>> = {
  ...ROWER_DATA_UNITS,
  energyKJ: 'kJ',
  rrMs: 'ms',
};

/** Notes for raw values that mean "nothing" (docs/ftms.md §4 rule 3), shown in the text listing. */
const noPace = (v: unknown): string | undefined => (v === 0 || v === 0xffff ? '  (no pace)' : undefined);
const SENTINELS: Readonly<Record<string, (v: unknown) => string | undefined>> = {
  paceS500: noPace,
  avgPaceS500: noPace,
  heartRate: (v) => (v === 0 ? '  (no sensor)' : undefined),
};

/** The --json line of one outcome: the record as is, or {"error","message"}. */
export function outcomeJson(o: DecodeOutcome): string {
  return JSON.stringify(o.ok ? o.record : { error: o.error, message: o.message });
}

function formatValue(key: string, value: unknown): string {
  if (value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'flags' && typeof value === 'number') return `0x${value.toString(16).padStart(4, '0')}`;
  const unit = UNITS[key];
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return (unit ? `${text} ${unit}` : text) + (SENTINELS[key]?.(value) ?? '');
}

/** Readable block for one payload: a header line, then aligned `field  value unit` lines. */
export function outcomeText(char: DecodableChar, text: string, o: DecodeOutcome): string {
  const header = `${char} ${text.trim()}`;
  const rows: [string, string][] = o.ok
    ? Object.entries(o.record).map(([k, v]) => [k, formatValue(k, v)])
    : [['error', `${o.error}: ${o.message}`]];
  return [header, ...textTable(rows, { indent: '  ' })].join('\n') + '\n';
}
