/**
 * The reference a rep is judged against: what one fresh maximal effort of the rep's duration should
 * average, C(T) = P2k × R(T) (docs/science.md §7.2 step 1), taken in order from personal
 * history, a declared 2k or 500 m time, or the session itself.
 */
import { formatRowTime } from '../rowing/format.js';
import { powerFromPace as powerFromPaceW } from '../rowing/power.js';
import { p2kFromTimeW, PAUL_K_S, powerDurationRatio } from './power-duration.js';
import type { VerdictReference } from './types.js';
import type { PowerModel } from './w-prime.js';

export type ReferenceKind = 'history' | 'declared-2k' | 'declared-500m' | 'session';

export interface Reference {
  /** C(T): expected mean power of one fresh maximal effort of this rep's duration (for a session reference: the best of reps 1–3), W */
  powerW: number;
  /** where it came from, in words that fit "… (from <source>)": "your 7:05 2k" */
  source: string;
  kind: ReferenceKind;
  /** the 2k power the reference stands for, W (declared, or derived from history or the session) */
  p2kW?: number;
  /** duration of the declared test the reference extrapolates from, s */
  testS?: number;
  /** history: when the effort it comes from started, ms since the epoch */
  dateMs?: number;
  /** history: taken from the fallback window (nothing all-out in the last 42 days, docs/science.md §2.1) */
  stale?: boolean;
  /** history: personal CP/W′ for paced-set targets (docs/science.md §2.4) */
  model?: PowerModel;
}

/** What personal history says for a rep of one duration (`personal-reference.ts`). */
export interface HistoryReference {
  /** C(T), W */
  powerW: number;
  /** "your best 30-s sprint of the last 42 days, 12 Nov" */
  source: string;
  /** start of the effort it comes from, ms since the epoch */
  dateMs: number;
  sessionId: string;
  /** the equivalent-2k index, W */
  p2kW: number;
  stale: boolean;
  windowDays: number;
  /** length of the effort extrapolated from (absent: an effort of about this duration), s */
  testS?: number;
  /** personal Paul constant, s/500 m per doubling */
  paulK?: number;
  model?: PowerModel;
}

/**
 * Personal history (a later issue plugs the store in here): best all-out 30-s reps 1–2 of the last
 * 42 days, and — when the store has an envelope — the best maximal effort at a duration.
 */
export interface ReferenceProvider {
  rep1PowerW(rower: string): { powerW: number; source: string } | undefined;
  /** the athlete's own single-effort capacity at `durationS`, W (§2 envelope); absent → rep 1 × R(T)/R(30 s) */
  capacityW?(rower: string, durationS: number): number | undefined;
  /** the whole reference for a rep of `durationS`, with its words and date; when given it wins over the two above */
  referenceFor?(rower: string, durationS: number): HistoryReference | undefined;
}

/** A reference before it is placed at a duration. */
export interface ReferenceBasis {
  kind: Exclude<ReferenceKind, 'session'>;
  source: string;
  /** P2k, W */
  p2kW: number;
  /** C(T), W */
  capacityW(durationS: number): number;
  /** duration of the declared test, s */
  testS?: number;
  /** the reference at a duration when it is more than C(T) (history: its own source and date per duration) */
  at?(durationS: number): Reference;
}

/** The duration history's rep-1 power stands for, s (the 30-s protocol). */
const HISTORY_REP_S = 30;

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



/** The basis of a declared 2k time: P2k = 2.80 / (pace/500)³ with pace = 2k time ÷ 4. */
export function basisFrom2k(time2kS: number): ReferenceBasis {
  const p2kW = p2kFromTimeW(time2kS);
  return { kind: 'declared-2k', source: `your ${formatRowTime(time2kS)} 2k`, p2kW, testS: time2kS, capacityW: (t) => p2kW * powerDurationRatio(t, p2kW) };
}

/**
 * The basis of a declared 500 m time: P2k from Paul's law in distance form (2k split = 500 m split +
 * 2 doublings × 5 s, §1.1). Replaces the old 30-s-only 1.16 × P500; for 1:32.5 it expects 527 W
 * for a 30-s sprint instead of 513 W (+2.7 %, inside the ±8 % band).
 */
export function basisFrom500m(time500S: number): ReferenceBasis {
  const p2kW = powerFromPaceW(time500S + PAUL_K_S * 2);
  return { kind: 'declared-500m', source: `your ${formatRowTime(time500S)} 500 m`, p2kW, testS: time500S, capacityW: (t) => p2kW * powerDurationRatio(t, p2kW) };
}

/** The basis from history: P2k = rep-1 power ÷ R(30 s) unless the store knows the capacity at T. */
function basisFromHistory(provider: ReferenceProvider, rower: string, rep1: { powerW: number; source: string }): ReferenceBasis {
  const p2kW = rep1.powerW / powerDurationRatio(HISTORY_REP_S);
  return {
    kind: 'history',
    source: rep1.source,
    p2kW,
    capacityW: (t) => provider.capacityW?.(rower, t) ?? p2kW * powerDurationRatio(t, p2kW),
  };
}

/** A reference as a verdict reports it: power, words, kind, and for history its date (and stale) — only fields that are set. */
export function reportedReference(ref: Reference): VerdictReference {
  const out: VerdictReference = { powerW: ref.powerW, source: ref.source, kind: ref.kind };
  if (ref.dateMs !== undefined) out.dateMs = ref.dateMs;
  if (ref.stale) out.stale = true;
  return out;
}

/** A history reference in the verdict's terms (only the fields that are set, so JSON without history is unchanged). */
function historyToReference(h: HistoryReference): Reference {
  const ref: Reference = { powerW: h.powerW, source: h.source, kind: 'history', p2kW: h.p2kW, dateMs: h.dateMs };
  if (h.testS !== undefined) ref.testS = h.testS;
  if (h.stale) ref.stale = true;
  if (h.model) ref.model = h.model;
  return ref;
}

/** The basis of a provider that knows the reference per duration (`lookup`); `probe` = its answer at 30 s. */
function basisFromProvider(lookup: (durationS: number) => HistoryReference | undefined, probe: HistoryReference): ReferenceBasis {
  const at = (t: number): Reference => {
    const h = lookup(t);
    return h ? historyToReference(h) : { powerW: probe.p2kW * powerDurationRatio(t, probe.p2kW), source: probe.source, kind: 'history', p2kW: probe.p2kW, dateMs: probe.dateMs };
  };
  return { kind: 'history', source: probe.source, p2kW: probe.p2kW, capacityW: (t) => at(t).powerW, at };
}

/** The reference for a rep of `durationS` from a basis. */
export function referenceAt(basis: ReferenceBasis, durationS: number): Reference {
  if (basis.at) return basis.at(durationS);
  const ref: Reference = { powerW: basis.capacityW(durationS), source: basis.source, kind: basis.kind, p2kW: basis.p2kW };
  if (basis.testS !== undefined) ref.testS = basis.testS;
  return ref;
}

/** C(T) from a declared 2k time (a 30-s sprint by default: 1.62 × P2k). */
export function referenceFrom2k(time2kS: number, durationS = 30): Reference {
  return referenceAt(basisFrom2k(time2kS), durationS);
}

/** C(T) from a declared 500 m time (a 30-s sprint by default). */
export function referenceFrom500m(time500S: number, durationS = 30): Reference {
  return referenceAt(basisFrom500m(time500S), durationS);
}

/** Ref₁ from the session: the best of reps 1–3 (fewer if fewer were rowed); undefined before any. */
export function sessionReference(meanPowersW: readonly number[], word: 'sprint' | 'rep' = 'sprint'): Reference | undefined {
  const first = meanPowersW.slice(0, 3).filter((p) => Number.isFinite(p) && p > 0);
  if (first.length === 0) return undefined;
  const best = Math.max(...first);
  const which = first.length === 1 ? `${word} 1` : `your best of ${word}s 1–${first.length}`;
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

/** The basis that does not depend on today's reps: history, then 2k, then 500 m. */
export function priorBasis(inputs: ReferenceInputs): ReferenceBasis | undefined {
  const provider = inputs.history;
  if (provider?.referenceFor) {
    const lookup = (t: number): HistoryReference | undefined => provider.referenceFor?.(inputs.rower ?? '', t);
    const probe = lookup(HISTORY_REP_S);
    if (probe && probe.powerW > 0) return basisFromProvider(lookup, probe);
  }
  const fromHistory = inputs.history?.rep1PowerW(inputs.rower ?? '');
  if (inputs.history && !inputs.history.referenceFor && fromHistory && fromHistory.powerW > 0) return basisFromHistory(inputs.history, inputs.rower ?? '', fromHistory);
  if (inputs.declared2kS !== undefined) return basisFrom2k(inputs.declared2kS);
  if (inputs.declared500mS !== undefined) return basisFrom500m(inputs.declared500mS);
  return undefined;
}

/** The prior reference placed at a 30-s sprint (history, then 2k, then 500 m). */
export function priorReference(inputs: ReferenceInputs, durationS = 30): Reference | undefined {
  const basis = priorBasis(inputs);
  return basis ? referenceAt(basis, durationS) : undefined;
}

/**
 * Plausible declared times, s: a 2k from 4:50 (below the 5:35 world record, room for error) to
 * 15:00, a 500 m from 1:05 (record ≈ 1:09) to 4:00 [J]. Outside them the time is a typo
 * ("70:05" for "7:05"), and judging against it would print "90525 % of the 0 W expected".
 */
export const DECLARED_RANGES_S = Object.freeze({
  '2k': Object.freeze({ minS: 290, maxS: 900 }),
  '500m': Object.freeze({ minS: 65, maxS: 240 }),
});

export type DeclaredDistance = keyof typeof DECLARED_RANGES_S;

/** A declared 2k or 500 m time, M:SS or M:SS.t, within DECLARED_RANGES_S; throws RowTimeError. */
export function parseDeclaredTime(text: string, distance: DeclaredDistance): number {
  const s = text.trim();
  const { minS, maxS } = DECLARED_RANGES_S[distance];
  const range = `between ${formatRowTime(minS)} and ${formatRowTime(maxS)}`;
  if (s === '') throw new RowTimeError('EMPTY', `no ${distance} time given (M:SS ${range})`);
  const m = /^(\d{1,2}):([0-5]\d)(\.\d)?$/.exec(s);
  if (!m) throw new RowTimeError('FORMAT', `"${text}" is not a ${distance} time like ${distance === '2k' ? '7:05' : '1:32.5'} (M:SS or M:SS.t)`);
  const total = Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) : 0);
  if (total < minS || total > maxS) throw new RowTimeError('RANGE', `${formatRowTime(total)} is not a plausible ${distance} time: give one ${range}`);
  return total;
}
