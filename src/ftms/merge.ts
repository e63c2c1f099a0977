/**
 * Fragment merger (REFERENCE.md rule 1) and the per-rower sample assembler.
 *
 * A Rower Data record may span several notifications: parts with More Data (flag bit 0 = 1)
 * are kept, field by field, until a part with bit 0 = 0 completes the record — the merged record
 * is stamped with the completing part's `t`, so parts that arrive together or a few hundred ms
 * apart give the identical Sample. A pending record is emitted as it is (stamped with its last
 * part's `t`) when
 *   - `windowMs` of data time has passed since its first part (checked on every push and flush:
 *     devices that only ever send bit 0 = 1, like the Viking distance stream, still yield samples), or
 *   - a new part repeats a field the pending record already holds (the device started the next record).
 * Pure step functions over a state value; `createSampleAssembler` is the thin stateful wrapper.
 * No clocks: time is the frames' `t` (ms of data time).
 */
import { DecodeError } from './decode-error.js';
import { GENERIC_PROFILE, type DeviceProfile } from './device-profiles.js';
import type { Frame } from './frame.js';
import { decodeHeartRate } from './heart-rate.js';
import { initialNormaliseState, normaliseRecord, noteStrapHeartRate, type NormaliseState } from './normalise.js';
import { decodeRowerData, type RowerData, type RowerDataFields } from './rower-data.js';
import type { Sample } from './sample.js';
import { HEART_RATE_MEASUREMENT, ROWER_DATA } from './uuids.js';

/** Default merge window, ms of data time (REFERENCE.md: ~250–500 ms). */
export const DEFAULT_WINDOW_MS = 500;
/** Default hold for instantaneous fields and strap heart rate, ms of data time. */
export const DEFAULT_HOLD_MS = 3000;

/** A record (parts merged) ready for normalisation. */
export interface MergedRecord {
  t: number;
  fields: RowerDataFields;
}

export interface MergeState {
  readonly pending: { readonly fields: RowerDataFields; readonly firstT: number; readonly lastT: number } | null;
}

export const initialMergeState: MergeState = { pending: null };

/** The data fields of a decoded part (flags, moreData and counts dropped). */
export function partFields(part: RowerData): RowerDataFields {
  const { flags: _flags, moreData: _more, trailingBytes: _trailing, reservedFlagBits: _reserved, ...fields } = part;
  return fields;
}

/** Emit the pending record when its window has passed at data time `t` (`Infinity` emits it always). */
export function expirePending(state: MergeState, t: number, windowMs: number): { state: MergeState; records: MergedRecord[] } {
  const p = state.pending;
  if (p === null || t - p.firstT < windowMs) return { state, records: [] };
  return { state: { pending: null }, records: [{ t: p.lastT, fields: p.fields }] };
}

/** Add one decoded Rower Data part at data time `t`. */
export function mergePart(state: MergeState, t: number, part: RowerData, windowMs: number): { state: MergeState; records: MergedRecord[] } {
  const expired = expirePending(state, t, windowMs);
  const records = [...expired.records];
  let pending = expired.state.pending;
  const fields = partFields(part);
  const held = pending;
  if (held !== null && Object.keys(fields).some((k) => k in held.fields)) {
    records.push({ t: held.lastT, fields: held.fields });
    pending = null;
  }
  const merged = { ...pending?.fields, ...fields };
  if (!part.moreData) {
    records.push({ t, fields: merged });
    return { state: { pending: null }, records };
  }
  return { state: { pending: { fields: merged, firstT: pending?.firstT ?? t, lastT: t } }, records };
}

export interface AssemblerOptions {
  /** device quirks to apply (default: generic) */
  profile?: DeviceProfile;
  /** merge window for More-Data parts, ms of data time (default 500) */
  windowMs?: number;
  /** how long instantaneous fields and strap HR carry forward, ms of data time (default 3000) */
  holdMs?: number;
}

export interface SampleAssembler {
  /** Feed one frame of this rower (2ad1 or 2a37; other characteristics are ignored). */
  push(frame: Frame): Sample[];
  /** Emit a pending record whose window has passed at data time `t` (`Infinity` at end of stream). */
  flush(t: number): Sample[];
  /** frames dropped because they failed to decode */
  readonly dropped: number;
}

/** One assembler per rower: 2ad1 parts + 2a37 frames → complete normalised Samples. */
export function createSampleAssembler(opts: AssemblerOptions = {}): SampleAssembler {
  const windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS;
  const norm = { profile: opts.profile ?? GENERIC_PROFILE, holdMs: opts.holdMs ?? DEFAULT_HOLD_MS };
  let merge: MergeState = initialMergeState;
  let state: NormaliseState = initialNormaliseState;
  let rower = '';
  let dropped = 0;

  const toSamples = (records: MergedRecord[]): Sample[] => {
    const out: Sample[] = [];
    for (const r of records) {
      const step = normaliseRecord(state, rower, r.t, r.fields, norm);
      state = step.state;
      if (step.sample !== null) out.push(step.sample);
    }
    return out;
  };
  const flush = (t: number): Sample[] => {
    const step = expirePending(merge, t, windowMs);
    merge = step.state;
    return toSamples(step.records);
  };

  return {
    push(frame) {
      rower = frame.rower;
      const out = flush(frame.t);
      try {
        if (frame.char === ROWER_DATA) {
          const step = mergePart(merge, frame.t, decodeRowerData(frame.bytes), windowMs);
          merge = step.state;
          out.push(...toSamples(step.records));
        } else if (frame.char === HEART_RATE_MEASUREMENT) {
          state = noteStrapHeartRate(state, frame.t, decodeHeartRate(frame.bytes).heartRate);
        }
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        dropped += 1;
      }
      return out;
    },
    flush,
    get dropped() {
      return dropped;
    },
  };
}
