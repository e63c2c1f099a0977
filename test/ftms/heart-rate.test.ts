import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/ftms/decode-error.js';
import { decodeHeartRate, decodeHeartRateBpm, encodeHeartRate, type HeartRateMeasurement } from '../../src/ftms/heart-rate.js';
import { hex, toHex } from './hex.js';
import { haveVectors, vectors } from './shared-vectors.js';

/** Hand-built from HRS 1.0 §3.1, annotated field by field. */
const cases: { name: string; bytes: string; expected: HeartRateMeasurement }[] = [
  {
    name: 'uint8 bpm, no contact bits',
    // flags 0x00 | bpm 0x3c = 60
    bytes: '00 3c',
    expected: { heartRate: 60, contactSupported: false, contactDetected: false },
  },
  {
    name: 'uint16 bpm',
    // flags 0x01 (u16) | bpm 0x012c = 300
    bytes: '01 2c01',
    expected: { heartRate: 300, contactSupported: false, contactDetected: false },
  },
  {
    name: 'contact detected bit without "supported" means nothing',
    // flags 0x02 (detected, but bit 2 supported = 0) | bpm 0x50 = 80
    bytes: '02 50',
    expected: { heartRate: 80, contactSupported: false, contactDetected: false },
  },
  {
    name: 'energy expended and two RR intervals',
    // flags 0x1e (detected, supported, energy, RR) | bpm 0x96 = 150 | energy 0x0064 = 100 kJ
    // | RR 0x0400 = 1024/1024 s = 1000 ms | RR 0x0199 = 409 → 399.4140625 → 399.4 ms
    bytes: '1e 96 6400 0004 9901',
    expected: { heartRate: 150, contactSupported: true, contactDetected: true, energyKJ: 100, rrMs: [1000, 399.4] },
  },
  {
    name: 'an odd byte after the RR intervals is ignored',
    // flags 0x10 (RR) | bpm 0x48 = 72 | RR 0x0300 = 768 → 750 ms | stray 0x01
    bytes: '10 48 0003 01',
    expected: { heartRate: 72, contactSupported: false, contactDetected: false, rrMs: [750] },
  },
  // RR-Intervals are zero or more (a strap may set the flag in a notification that has no room
  // left for them, cf. codeinversion/sensors-swift#6): the heart rate still counts.
  {
    name: 'RR flag set, no RR bytes',
    // flags 0x10 (RR) | bpm 0x50 = 80 | (no RR intervals)
    bytes: '10 50',
    expected: { heartRate: 80, contactSupported: false, contactDetected: false, rrMs: [] },
  },
  {
    name: 'RR flag set, only a stray odd byte',
    // flags 0x16 (supported, detected, RR) | bpm 0x50 = 80 | stray 0x01 (half an interval, ignored)
    bytes: '16 50 01',
    expected: { heartRate: 80, contactSupported: true, contactDetected: true, rrMs: [] },
  },
  {
    name: 'uint16 bpm, energy and the RR flag, no RR bytes',
    // flags 0x19 (u16, energy, RR) | bpm 0x00a0 = 160 | energy 0x012c = 300 kJ | (no RR intervals)
    bytes: '19 a000 2c01',
    expected: { heartRate: 160, contactSupported: false, contactDetected: false, energyKJ: 300, rrMs: [] },
  },
];

describe('decodeHeartRate: annotated spec vectors', () => {
  it.each(cases)('$name', ({ bytes, expected }) => {
    expect(decodeHeartRate(hex(bytes))).toStrictEqual(expected);
  });
});

describe('decodeHeartRate: too short', () => {
  it.each([
    ['', 'EMPTY'],
    ['00', 'TOO_SHORT'], // uint8 bpm missing
    ['01 50', 'TOO_SHORT'], // uint16 bpm needs 2 bytes
    ['08 50 01', 'TOO_SHORT'], // energy needs 2 bytes
    ['11 50', 'TOO_SHORT'], // uint16 bpm with RR flagged: the bpm itself is cut
    ['18 50 2c', 'TOO_SHORT'], // energy with RR flagged: the energy is cut
  ])('%s → %s', (bytes, code) => {
    expect(() => decodeHeartRate(hex(bytes))).toThrow(DecodeError);
    expect(() => decodeHeartRate(hex(bytes))).toThrow(expect.objectContaining({ code, char: '2a37' }));
  });
});

describe('encodeHeartRate', () => {
  it('uses uint8 up to 255 bpm and uint16 above', () => {
    expect(toHex(encodeHeartRate({ heartRate: 255, contactSupported: true, contactDetected: true }))).toBe('06ff');
    expect(toHex(encodeHeartRate({ heartRate: 256, contactSupported: false, contactDetected: false }))).toBe('010001');
  });
  it('encodes RR intervals in 1/1024 s', () => {
    // flags 0x18 (energy, RR; uint8 bpm) | bpm 0x8c = 140 | energy 0x012c = 300 kJ | 500 ms → 512 ticks = 0x0200
    expect(toHex(encodeHeartRate({ heartRate: 140, contactSupported: false, contactDetected: false, energyKJ: 300, rrMs: [500] }))).toBe(
      '188c2c010002',
    );
  });
});

const hrArb: fc.Arbitrary<HeartRateMeasurement> = fc
  .record({
    heartRate: fc.integer({ min: 0, max: 0xffff }),
    contactSupported: fc.boolean(),
    detected: fc.boolean(),
    energyKJ: fc.option(fc.integer({ min: 0, max: 0xffff }), { nil: undefined }),
    // RR intervals as whole 1/1024 s ticks, shown in ms at 0.1 ms as a decoder would
    rrTicks: fc.option(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 8 }), { nil: undefined }),
  })
  .map(({ heartRate, contactSupported, detected, energyKJ, rrTicks }) => {
    const m: HeartRateMeasurement = { heartRate, contactSupported, contactDetected: contactSupported && detected };
    if (energyKJ !== undefined) m.energyKJ = energyKJ;
    if (rrTicks !== undefined) m.rrMs = rrTicks.map((t) => Math.round((t * 10000) / 1024) / 10);
    return m;
  });

describe('mirror: decode(encode(x)) = x', () => {
  it('holds for generated measurements', () => {
    fc.assert(
      fc.property(hrArb, (m) => {
        expect(decodeHeartRate(encodeHeartRate(m))).toStrictEqual(m);
      }),
      { numRuns: 2000 },
    );
  });
});

describe.runIf(haveVectors)('shared vectors: heartRate', () => {
  it.each(vectors.heartRate)('$id', (v) => {
    expect(decodeHeartRate(hex(v.hex))).toStrictEqual(v.expected);
  });
});

describe('decodeHeartRateBpm (the assembler\'s fast path)', () => {
  it('keeps the heart rate of a payload whose RR flag is set but carries no RR bytes', () => {
    // flags 0x10 (RR) | bpm 0x50 = 80; flags 0x19 (u16, energy, RR) | bpm 0x00a0 = 160 | energy 0x012c
    expect(decodeHeartRateBpm(hex('10 50'))).toBe(80);
    expect(decodeHeartRateBpm(hex('19 a000 2c01'))).toBe(160);
  });
  it('gives decodeHeartRate\'s heart rate, or the same DecodeError, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let full: HeartRateMeasurement | DecodeError;
        try {
          full = decodeHeartRate(bytes);
        } catch (err) {
          full = err as DecodeError;
        }
        if (full instanceof DecodeError) expect(() => decodeHeartRateBpm(bytes)).toThrow(full.message);
        else expect(decodeHeartRateBpm(bytes)).toBe(full.heartRate);
      }),
      { numRuns: 5000 },
    );
  });
});
