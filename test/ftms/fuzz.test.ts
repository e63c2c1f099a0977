/**
 * Bounded random-bytes runs: every decoder, on any payload, returns a record or throws a
 * DecodeError — never another exception, never an out-of-bounds read (which would show up as
 * NaN/undefined values caught by the record checks below).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeControlPoint } from '../../src/ftms/control-point.js';
import { DecodeError } from '../../src/ftms/decode-error.js';
import { decodeFeature } from '../../src/ftms/feature.js';
import { decodeHeartRate } from '../../src/ftms/heart-rate.js';
import { decodeMachineStatus } from '../../src/ftms/machine-status.js';
import { decodeRowerData } from '../../src/ftms/rower-data.js';
import { decodeTrainingStatus } from '../../src/ftms/training-status.js';

const decoders: [string, (b: Uint8Array) => unknown][] = [
  ['2ad1', decodeRowerData],
  ['2a37', decodeHeartRate],
  ['2acc', decodeFeature],
  ['2ad3', decodeTrainingStatus],
  ['2ada', decodeMachineStatus],
  ['2ad9', decodeControlPoint],
];

/** No number in the record is NaN or non-finite, no value undefined (would betray a read past the end). */
function wellFormed(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x === undefined) return false;
  if (Array.isArray(x)) return x.every(wellFormed);
  if (x !== null && typeof x === 'object') return Object.values(x).every(wellFormed);
  return true;
}

describe('random payloads: a record or a DecodeError', () => {
  it.each(decoders)('%s: 100 000 payloads', (char, decode) => {
    let records = 0;
    let errors = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        let value: unknown;
        try {
          value = decode(bytes);
        } catch (err) {
          if (!(err instanceof DecodeError)) return false;
          errors += 1;
          return err.char === char;
        }
        records += 1;
        return wellFormed(value);
      }),
      { numRuns: 100_000 },
    );
    expect(records + errors).toBe(100_000);
    expect(records).toBeGreaterThan(0);
  });
});
