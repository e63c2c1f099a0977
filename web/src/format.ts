/** Number and time formatting for the display. Missing values show as an en dash. */
import type { PhaseKind, VerdictKind } from '../../src/server/protocol.js';

const DASH = '–';

/** Whole number or a dash. */
export function int(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? DASH : String(Math.round(v));
}

/** m:ss from seconds (negative clamps to 0). */
export function clock(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return DASH;
  const total = Math.max(0, Math.floor(s));
  const m = Math.floor(total / 60);
  return `${m}:${String(total % 60).padStart(2, '0')}`;
}

/** Pace per 500 m, m:ss.t from seconds. */
export function pace(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s) || s <= 0) return DASH;
  // rounded to tenths before the minutes are split off, so 119.96 s is 2:00.0, not 1:60.0 (as src/rowing/format.ts)
  const tenths = Math.round(s * 10);
  const m = Math.floor(tenths / 600);
  return `${m}:${((tenths - m * 600) / 10).toFixed(1).padStart(4, '0')}`;
}

/** Metres with a narrow no-break space every thousand. */
export function metres(m: number | undefined): string {
  if (m === undefined || !Number.isFinite(m)) return DASH;
  return Math.round(m).toLocaleString('en-US').replace(/,/g, '\u202f');
}

export const PHASE_LABEL: Record<PhaseKind | 'done' | 'offline', string> = {
  warmup: 'Warm-up',
  work: 'Work',
  rest: 'Rest',
  cooldown: 'Cool-down',
  idle: 'Idle',
  paused: 'Paused',
  done: 'Done',
  offline: 'Signal lost',
};

export const VERDICT_LABEL: Record<VerdictKind, string> = {
  'all-out': 'All-out',
  'all-out-paced': 'Paced — had more',
  'fatigued-all-out': 'All-out (fatigued)',
  'held-back': 'Held back',
  close: 'Close',
  below: 'Below',
  inconclusive: 'Can’t tell',
};

/**
 * Short symbol for a verdict tile, as the verdict reads: ✓ all-out, ✗ not (held back, or on
 * target with a reserve shown), ≈ close, ↓ below (under the expected power, cannot tell why:
 * `allOut` null — never drawn like held back) and ? cannot tell.
 */
export function verdictMark(kind: VerdictKind): string {
  if (kind === 'all-out' || kind === 'fatigued-all-out') return '✓';
  if (kind === 'held-back' || kind === 'all-out-paced') return '✗';
  if (kind === 'close') return '≈';
  if (kind === 'below') return '↓';
  return '?';
}

/** Escapes text for innerHTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
