/**
 * Fragment merger (docs/ftms.md §4 rule 1) and the per-rower sample assembler.
 *
 * A Rower Data record may span several notifications: parts with More Data (flag bit 0 = 1)
 * are kept, field by field, until a part with bit 0 = 0 completes the record — the merged record
 * is stamped with the completing part's `t`, so parts that arrive together or a few hundred ms
 * apart give the identical Sample. A pending record is emitted as it is (stamped with its last
 * part's `t`) when
 *   - `windowMs` of data time has passed since its first part (checked on every push and flush:
 *     devices that only ever send bit 0 = 1, like the Viking distance stream, still yield samples), or
 *   - a new part repeats a field the pending record already holds (the device started the next record).
 * One assembler per rower holds the pending record and the normaliser's state.
 * No clocks: time is the frames' `t` (ms of data time).
 */
import { DecodeError } from './decode-error.js';
import { GENERIC_PROFILE, type ConsoleProfile } from './device-profiles.js';
import type { Frame } from './frame.js';
import { decodeHeartRateBpm } from './heart-rate.js';
import { RecordNormaliser } from './normalise.js';
import { decodeRowerDataFields, type RowerDataFields } from './rower-data.js';
import type { Sample } from './sample.js';
import { HEART_RATE_MEASUREMENT, ROWER_DATA } from './uuids.js';

/** Default merge window, ms of data time (docs/ftms.md §4 rule 1: a short window). */
export const DEFAULT_WINDOW_MS = 500;
/** Default hold for instantaneous fields and strap heart rate, ms of data time. */
export const DEFAULT_HOLD_MS = 3000;

/** Does `fields` repeat a field `pending` already holds? (the device started the next record) */
function repeatsField(fields: RowerDataFields, pending: RowerDataFields): boolean {
  for (const k in fields) if (k in pending) return true;
  return false;
}

export interface AssemblerOptions {
  /** device quirks to apply (default: generic) */
  profile?: ConsoleProfile;
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
  const norm = new RecordNormaliser({ profile: opts.profile ?? GENERIC_PROFILE, holdMs: opts.holdMs ?? DEFAULT_HOLD_MS });
  /** the record being merged from More-Data parts, with its first and last part's data time */
  let pending: { fields: RowerDataFields; firstT: number; lastT: number } | null = null;
  let rower = '';
  let dropped = 0;

  const emit = (t: number, fields: RowerDataFields, out: Sample[]): void => {
    const sample = norm.record(rower, t, fields);
    if (sample !== null) out.push(sample);
  };
  /** Emit the pending record once its window has passed at data time `t`. */
  const expire = (t: number, out: Sample[]): void => {
    if (pending !== null && t - pending.firstT >= windowMs) {
      const p = pending;
      pending = null;
      emit(p.lastT, p.fields, out);
    }
  };
  const mergePart = (t: number, part: { moreData: boolean; fields: RowerDataFields }, out: Sample[]): void => {
    const { fields } = part;
    if (pending !== null && repeatsField(fields, pending.fields)) {
      const p = pending;
      pending = null;
      emit(p.lastT, p.fields, out);
    }
    if (pending !== null) Object.assign(pending.fields, fields);
    if (!part.moreData) {
      const merged = pending === null ? fields : pending.fields;
      pending = null;
      emit(t, merged, out);
    } else if (pending === null) pending = { fields, firstT: t, lastT: t };
    else pending.lastT = t;
  };

  return {
    push(frame) {
      rower = frame.rower;
      const out: Sample[] = [];
      expire(frame.t, out);
      try {
        if (frame.char === ROWER_DATA) mergePart(frame.t, decodeRowerDataFields(frame.bytes), out);
        else if (frame.char === HEART_RATE_MEASUREMENT) norm.strap(frame.t, decodeHeartRateBpm(frame.bytes));
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        dropped += 1;
      }
      return out;
    },
    flush(t) {
      const out: Sample[] = [];
      expire(t, out);
      return out;
    },
    get dropped() {
      return dropped;
    },
  };
}
