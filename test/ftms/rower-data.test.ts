import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/ftms/decode-error.js';
import { decodeRowerData, decodeRowerDataFields, encodeRowerData, type RowerData, type RowerDataFields } from '../../src/ftms/rower-data.js';
import { hex, toHex } from './hex.js';
import { haveVectors, vectors } from './shared-vectors.js';

const base = { trailingBytes: 0, reservedFlagBits: 0 };

/** Hand-built from FTMS §4.8, annotated field by field. */
const cases: { name: string; bytes: string; expected: RowerData }[] = [
  {
    name: 'bit 0 = 0 (inverted): stroke rate + count present',
    // flags 0x0000 | SR 0x3d = 61 → 30.5 spm | SC 0x0102 = 258
    bytes: '0000 3d 0201',
    expected: { flags: 0, moreData: false, strokeRate: 30.5, strokeCount: 258, ...base },
  },
  {
    name: 'bit 0 = 1: no stroke fields, More Data',
    // flags 0x0001, nothing else
    bytes: '0100',
    expected: { flags: 1, moreData: true, ...base },
  },
  {
    name: 'bit 1 average stroke rate',
    // flags 0x0003 | avg SR 0x31 = 49 → 24.5
    bytes: '0300 31',
    expected: { flags: 3, moreData: true, avgStrokeRate: 24.5, ...base },
  },
  {
    name: 'bit 2 distance is uint24',
    // flags 0x0005 | distance 0x0a0b0c = 658188 m (three bytes, LE)
    bytes: '0500 0c0b0a',
    expected: { flags: 5, moreData: true, distanceM: 0x0a0b0c, ...base },
  },
  {
    name: 'bit 2 distance at its maximum',
    // flags 0x0005 | distance 0xffffff
    bytes: '0500 ffffff',
    expected: { flags: 5, moreData: true, distanceM: 16777215, ...base },
  },
  {
    name: 'bits 3 and 4 pace and average pace',
    // flags 0x0019 | pace 0x0078 = 120 s | avg pace 0x0082 = 130 s
    bytes: '1900 7800 8200',
    expected: { flags: 0x19, moreData: true, paceS500: 120, avgPaceS500: 130, ...base },
  },
  {
    name: 'bits 5 and 6 power is signed',
    // flags 0x0061 | power 0xff38 = -200 W | avg power 0x7fff = 32767 W
    bytes: '6100 38ff ff7f',
    expected: { flags: 0x61, moreData: true, powerW: -200, avgPowerW: 32767, ...base },
  },
  {
    name: 'bit 7 resistance is signed',
    // flags 0x0081 | resistance 0x8000 = -32768
    bytes: '8100 0080',
    expected: { flags: 0x81, moreData: true, resistance: -32768, ...base },
  },
  {
    name: 'bit 8 energy triple',
    // flags 0x0101 | total 0x0102 = 258 kcal | per hour 0x0300 = 768 | per minute 0x0d = 13
    bytes: '0101 0201 0003 0d',
    expected: { flags: 0x101, moreData: true, totalEnergyKcal: 258, energyPerHourKcal: 768, energyPerMinuteKcal: 13, ...base },
  },
  {
    name: 'bit 8 energy not available',
    // flags 0x0101 | total 0xffff N/A | per hour 0xffff N/A | per minute 0xff N/A
    bytes: '0101 ffff ffff ff',
    expected: { flags: 0x101, moreData: true, totalEnergyKcal: null, energyPerHourKcal: null, energyPerMinuteKcal: null, ...base },
  },
  {
    name: 'bit 8 energy just below the sentinel',
    // flags 0x0101 | total 0xfffe = 65534 | per hour 0 | per minute 0xfe = 254
    bytes: '0101 feff 0000 fe',
    expected: { flags: 0x101, moreData: true, totalEnergyKcal: 65534, energyPerHourKcal: 0, energyPerMinuteKcal: 254, ...base },
  },
  {
    name: 'bit 9 heart rate',
    // flags 0x0201 | HR 0xb4 = 180
    bytes: '0102 b4',
    expected: { flags: 0x201, moreData: true, heartRate: 180, ...base },
  },
  {
    name: 'bit 10 MET at 0.1',
    // flags 0x0401 | MET 0x7b = 123 → 12.3
    bytes: '0104 7b',
    expected: { flags: 0x401, moreData: true, met: 12.3, ...base },
  },
  {
    name: 'bits 11 and 12 elapsed and remaining time',
    // flags 0x1801 | elapsed 0x0e10 = 3600 s | remaining 0xffff = 65535 s
    bytes: '0118 100e ffff',
    expected: { flags: 0x1801, moreData: true, elapsedS: 3600, remainingS: 65535, ...base },
  },
  {
    name: 'reserved bits 13–15 counted, no fields',
    // flags 0xe001: bits 13, 14, 15 reserved + bit 0
    bytes: '01e0',
    expected: { flags: 0xe001, moreData: true, trailingBytes: 0, reservedFlagBits: 3 },
  },
  {
    name: 'trailing bytes counted',
    // flags 0x0000 | SR 0x20 = 16 | SC 0x0005 | 3 extra bytes aa bb cc
    bytes: '0000 20 0500 aabbcc',
    expected: { flags: 0, moreData: false, strokeRate: 16, strokeCount: 5, trailingBytes: 3, reservedFlagBits: 0 },
  },
  {
    name: 'every field, in order',
    // flags 0x1ffe | SR 0x3c=30 | SC 0x0064=100 | avgSR 0x3a=29 | dist 0x0001f4=500 | pace 0x0073=115
    // | avg pace 0x0076=118 | power 0x00e1=225 | avg 0x00dc=220 | resistance 0x0005 | energy 0x0032=50,
    // 0x0320=800, 0x0e=14 | HR 0xa0=160 | MET 0x64=10.0 | elapsed 0x0096=150 | remaining 0x0000
    bytes: 'fe1f 3c 6400 3a f40100 7300 7600 e100 dc00 0500 3200 2003 0e a0 64 9600 0000',
    expected: {
      flags: 0x1ffe,
      moreData: false,
      strokeRate: 30,
      strokeCount: 100,
      avgStrokeRate: 29,
      distanceM: 500,
      paceS500: 115,
      avgPaceS500: 118,
      powerW: 225,
      avgPowerW: 220,
      resistance: 5,
      totalEnergyKcal: 50,
      energyPerHourKcal: 800,
      energyPerMinuteKcal: 14,
      heartRate: 160,
      met: 10,
      elapsedS: 150,
      remainingS: 0,
      ...base,
    },
  },
];

describe('decodeRowerData: annotated spec vectors', () => {
  it.each(cases)('$name', ({ bytes, expected }) => {
    expect(decodeRowerData(hex(bytes))).toStrictEqual(expected);
  });
});

describe('decodeRowerData: too short at every boundary', () => {
  // flags 0x1ffe need 2 + 3 + 1 + 3 + 2·5 + 5 + 1 + 1 + 2·2 = 30 bytes
  const full = hex('fe1f 3c 6400 3a f40100 7300 7600 e100 dc00 0500 3200 2003 0e a0 64 9600 0000');
  it('the full record is 30 bytes', () => expect(full.length).toBe(30));
  it.each(Array.from({ length: 30 }, (_, n) => n))('%i bytes of it are rejected', (n) => {
    let err: unknown;
    try {
      decodeRowerData(full.subarray(0, n));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).code).toBe(n === 0 ? 'EMPTY' : 'TOO_SHORT');
    expect((err as DecodeError).char).toBe('2ad1');
  });
  it('a 1-byte payload (half the flags) is TOO_SHORT', () => {
    expect(() => decodeRowerData(hex('00'))).toThrow(expect.objectContaining({ code: 'TOO_SHORT' }));
  });
});

describe('encodeRowerData', () => {
  it('derives flags from the fields present: stroke fields absent ⇒ bit 0 = 1', () => {
    // flags 0x0021 | power 0x00c8 = 200
    expect(toHex(encodeRowerData({ powerW: 200 }))).toBe('2100c800');
  });
  it('stroke fields present ⇒ bit 0 = 0, stroke rate at 0.5 resolution', () => {
    // flags 0x0000 | SR 24.5 → 0x31 | SC 0x0007
    expect(toHex(encodeRowerData({ strokeRate: 24.5, strokeCount: 7 }))).toBe('0000310700');
  });
  it('null energy is sent as 0xFFFF / 0xFF', () => {
    expect(toHex(encodeRowerData({ totalEnergyKcal: 12, energyPerHourKcal: null, energyPerMinuteKcal: null }))).toBe(
      '01010c00ffffff',
    );
  });
  it('rounds to the field resolution', () => {
    // SR 24.3 → nearest 0.5 = 24.5 → 0x31 ; MET 5.14 → 51 = 0x33
    expect(toHex(encodeRowerData({ strokeRate: 24.3, strokeCount: 0, met: 5.14 }))).toBe('0004310000' + '33');
  });
  it('clamps to the field range (energy below its sentinel)', () => {
    // power 40000 → 32767 = 0x7fff ; distance -5 → 0 ; total energy 70000 → 0xfffe, others N/A
    expect(toHex(encodeRowerData({ powerW: 40000, distanceM: -5, totalEnergyKcal: 70000 }))).toBe(
      '2501' + '000000' + 'ff7f' + 'feff' + 'ffff' + 'ff',
    );
  });
  it('encodes S1 from its spec fields byte for byte', () => {
    const { flags: _f, moreData: _m, trailingBytes: _t, reservedFlagBits: _r, ...fields } = decodeRowerData(
      hex('fe1f3064002ed0070078007e00cb00b4000a00780084030f965ae0017800'),
    );
    expect(toHex(encodeRowerData(fields))).toBe('fe1f3064002ed0070078007e00cb00b4000a00780084030f965ae0017800');
  });
});

/** fast-check record of fields, each absent or in its range at its resolution. */
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const energyArb = fc.option(fc.integer({ min: 0, max: 0xfffe }), { nil: null });
const rowerFieldsArb: fc.Arbitrary<RowerDataFields> = fc
  .record({
    stroke: opt(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffff }))),
    avgStrokeRate: opt(fc.integer({ min: 0, max: 255 }).map((r) => r / 2)),
    distanceM: opt(fc.integer({ min: 0, max: 0xffffff })),
    paceS500: opt(fc.integer({ min: 0, max: 0xffff })),
    avgPaceS500: opt(fc.integer({ min: 0, max: 0xffff })),
    powerW: opt(fc.integer({ min: -32768, max: 32767 })),
    avgPowerW: opt(fc.integer({ min: -32768, max: 32767 })),
    resistance: opt(fc.integer({ min: -32768, max: 32767 })),
    energy: opt(fc.tuple(energyArb, energyArb, fc.option(fc.integer({ min: 0, max: 0xfe }), { nil: null }))),
    heartRate: opt(fc.integer({ min: 0, max: 255 })),
    met: opt(fc.integer({ min: 0, max: 255 }).map((m) => m / 10)),
    elapsedS: opt(fc.integer({ min: 0, max: 0xffff })),
    remainingS: opt(fc.integer({ min: 0, max: 0xffff })),
  })
  .map(({ stroke, energy, ...rest }) => {
    const out: RowerDataFields = {};
    if (stroke) Object.assign(out, { strokeRate: stroke[0] / 2, strokeCount: stroke[1] });
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) Object.assign(out, { [k]: v });
    if (energy) Object.assign(out, { totalEnergyKcal: energy[0], energyPerHourKcal: energy[1], energyPerMinuteKcal: energy[2] });
    return out;
  });

describe('mirror: decode(encode(x)) = x', () => {
  it('holds for generated records', () => {
    fc.assert(
      fc.property(rowerFieldsArb, (fields) => {
        const { flags, moreData, trailingBytes, reservedFlagBits, ...back } = decodeRowerData(encodeRowerData(fields));
        expect(back).toStrictEqual(fields);
        expect(moreData).toBe(fields.strokeCount === undefined);
        expect(flags & 1).toBe(moreData ? 1 : 0);
        expect([trailingBytes, reservedFlagBits]).toEqual([0, 0]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeRowerDataFields (the assembler\'s fast path)', () => {
  it('gives the same fields and More Data as decodeRowerData, and the same DecodeError, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let full: RowerData | DecodeError;
        try {
          full = decodeRowerData(bytes);
        } catch (err) {
          full = err as DecodeError;
        }
        if (full instanceof DecodeError) {
          expect(() => decodeRowerDataFields(bytes)).toThrow(full.message);
          return;
        }
        const { flags: _f, moreData, trailingBytes: _t, reservedFlagBits: _r, ...fields } = full;
        expect(decodeRowerDataFields(bytes)).toStrictEqual({ moreData, fields });
      }),
      { numRuns: 5000 },
    );
  });
});

describe.runIf(haveVectors)('shared vectors: rowerData', () => {
  it.each(vectors.rowerData)('$id', (v) => {
    if (v.error !== null) {
      expect(() => decodeRowerData(hex(v.hex))).toThrow(expect.objectContaining({ code: v.error }));
      expect(() => decodeRowerData(hex(v.hex))).toThrow(DecodeError);
    } else {
      expect(decodeRowerData(hex(v.hex))).toStrictEqual(v.expected);
    }
  });
});
