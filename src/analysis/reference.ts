/**
 * Ref₁ — what a fresh all-out 30-s sprint should average for this athlete (science notes §6.2),
 * taken in order from personal history, a declared 2k or 500 m time, or the session itself.
 */
import { powerFromPaceW } from './interval-stats.js';

export type ReferenceKind = 'history' | 'declared-2k' | 'declared-500m' | 'session';

export interface Reference {
  /** expected mean power of a fresh rep 1, W */
  powerW: number;
  /** where it came from, in words that fit "… (from <source>)": "your 7:05 2k" */
  source: string;
  kind: ReferenceKind;
}

/** Personal history (a later issue plugs a store in here): best all-out reps 1–2 of the last 42 days. */
export interface ReferenceProvider {
  rep1PowerW(rower: string): { powerW: number; source: string } | undefined;
}

/** 30-s all-out mean ÷ 2k mean power for rowers (notes §1.3; band 1.45–1.80). */
export const SPRINT_PER_2K = 1.62;
/** 30-s all-out mean ÷ 500 m mean power (notes §1.3; band 1.08–1.25). */
export const SPRINT_PER_500M = 1.16;

export type RowTimeErrorCode = 'EMPTY' | 'FORMAT' | 'RANGE';

/** A rowing time that could not be read; `code` says why. */
export class RowTimeError extends Error {
  constructor(
    readonly code: RowTimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RowTimeError';
  }
}

/** Seconds from a rowing time: "7:05", "1:32.5", "1:02:03.4" (h:mm:ss). */
export function parseRowTime(text: string): number {
  const s = text.trim();
  if (s === '') throw new RowTimeError('EMPTY', 'no time given');
  const m = /^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$/.exec(s);
  if (!m) throw new RowTimeError('FORMAT', `"${text}" is not a time like 7:05 or 1:32.5`);
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) {
    throw new RowTimeError('RANGE', `"${text}": seconds and minutes must be below 60`);
  }
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total <= 0) throw new RowTimeError('RANGE', `"${text}" is not a positive time`);
  return total;
}

/** "7:05", "1:32.5" from seconds (tenths shown only when present). */
export function formatRowTime(totalS: number): string {
  const tenths = Math.round(totalS * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = (tenths - minutes * 600) / 10;
  const whole = Math.floor(rest);
  const frac = tenths % 10 === 0 ? '' : `.${tenths % 10}`;
  return `${minutes}:${String(whole).padStart(2, '0')}${frac}`;
}

/** Mean power, W, of a piece of `distanceM` metres rowed in `timeS` seconds. */
export function powerFromTimeW(timeS: number, distanceM: number): number {
  return powerFromPaceW((timeS / distanceM) * 500);
}

/** Ref₁ from a declared 2k time (1.62 × P2k). */
export function referenceFrom2k(time2kS: number): Reference {
  return { powerW: SPRINT_PER_2K * powerFromTimeW(time2kS, 2000), source: `your ${formatRowTime(time2kS)} 2k`, kind: 'declared-2k' };
}

/** Ref₁ from a declared 500 m time (1.16 × P500). */
export function referenceFrom500m(time500S: number): Reference {
  return { powerW: SPRINT_PER_500M * powerFromTimeW(time500S, 500), source: `your ${formatRowTime(time500S)} 500 m`, kind: 'declared-500m' };
}

/** Ref₁ from the session: the best of sprints 1–3 (fewer if fewer were rowed); undefined before any. */
export function sessionReference(meanPowersW: readonly number[]): Reference | undefined {
  const first = meanPowersW.slice(0, 3).filter((p) => Number.isFinite(p) && p > 0);
  if (first.length === 0) return undefined;
  const best = Math.max(...first);
  const which = first.length === 1 ? 'sprint 1' : `your best of sprints 1–${first.length}`;
  return { powerW: best, source: `${which} today`, kind: 'session' };
}

export interface ReferenceInputs {
  rower?: string;
  history?: ReferenceProvider;
  /** declared 2k time, s */
  declared2kS?: number;
  /** declared 500 m time, s */
  declared500mS?: number;
}

/** The reference that does not depend on today's sprints: history, then 2k, then 500 m. */
export function priorReference(inputs: ReferenceInputs): Reference | undefined {
  const fromHistory = inputs.history?.rep1PowerW(inputs.rower ?? '');
  if (fromHistory && fromHistory.powerW > 0) return { ...fromHistory, kind: 'history' };
  if (inputs.declared2kS !== undefined) return referenceFrom2k(inputs.declared2kS);
  if (inputs.declared500mS !== undefined) return referenceFrom500m(inputs.declared500mS);
  return undefined;
}
