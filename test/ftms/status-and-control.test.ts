import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeControlPoint,
  decodeControlPointResponse,
  encodeControlPointRequest,
  encodeControlPointResponse,
  type ControlResultName,
} from '../../src/ftms/control-point.js';
import { DecodeError } from '../../src/ftms/decode-error.js';
import { decodeFeature, encodeFeature, FEATURE_BITS, TARGET_SETTING_BITS } from '../../src/ftms/feature.js';
import { decodeMachineStatus, encodeMachineStatus } from '../../src/ftms/machine-status.js';
import { decodeTrainingStatus, encodeTrainingStatus } from '../../src/ftms/training-status.js';
import { hex, toHex } from './hex.js';

describe('Fitness Machine Feature (2acc)', () => {
  it('decodes both words and names the bits', () => {
    // features 0x0000_5426: bits 1 cadence, 2 total distance, 5 pace, 10 HR, 12 elapsed, 14 power
    // target settings 0x0000_000c: bits 2 resistance, 3 power
    expect(decodeFeature(hex('26540000 0c000000'))).toEqual({
      features: 0x5426,
      targetSettings: 0x0c,
      featureNames: ['cadence', 'total-distance', 'pace', 'heart-rate-measurement', 'elapsed-time', 'power-measurement'],
      targetSettingNames: ['resistance-target', 'power-target'],
      trailingBytes: 0,
    });
  });
  it('pads a 2-byte value with zeros instead of rejecting it', () => {
    // 0x0004 total distance, nothing else sent
    expect(decodeFeature(hex('0400'))).toMatchObject({ features: 4, targetSettings: 0, featureNames: ['total-distance'] });
    expect(decodeFeature(hex(''))).toMatchObject({ features: 0, targetSettings: 0, featureNames: [] });
  });
  it('names reserved bits and counts extra bytes', () => {
    // feature bit 31 (reserved) | no targets | 1 extra byte
    expect(decodeFeature(hex('00000080 00000000 aa'))).toMatchObject({ featureNames: ['bit-31'], trailingBytes: 1 });
  });
  it('mirror: decode(encode(names)) = names', () => {
    fc.assert(
      fc.property(fc.subarray([...FEATURE_BITS]), fc.subarray([...TARGET_SETTING_BITS]), (f, ts) => {
        const d = decodeFeature(encodeFeature(f, ts));
        expect(d.featureNames).toEqual(f);
        expect(d.targetSettingNames).toEqual(ts);
      }),
    );
  });
});

describe('Training Status (2ad3)', () => {
  it('decodes flags and status without a string', () => {
    // flags 0x00 | status 0x0d manual mode
    expect(decodeTrainingStatus(hex('000d'))).toEqual({ flags: 0, statusCode: 13, status: 'manual-mode', trailingBytes: 0 });
  });
  it('decodes the optional UTF-8 string, possibly empty', () => {
    // flags 0x01 string | status 0x04 | "Sprint"
    expect(decodeTrainingStatus(hex('0104 537072696e74'))).toMatchObject({ status: 'high-intensity-interval', text: 'Sprint' });
    expect(decodeTrainingStatus(hex('0101'))).toMatchObject({ status: 'idle', text: '' });
  });
  it('reserved codes are named as such', () => {
    expect(decodeTrainingStatus(hex('0010')).status).toBe('reserved');
  });
  it.each([
    ['', 'EMPTY'],
    ['01', 'TOO_SHORT'],
  ])('%s → %s', (b, code) => {
    expect(() => decodeTrainingStatus(hex(b))).toThrow(expect.objectContaining({ code, char: '2ad3' }));
  });
  it('mirror', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.option(fc.string(), { nil: undefined }), (code, text) => {
        const d = decodeTrainingStatus(encodeTrainingStatus(code, text));
        expect([d.statusCode, d.text]).toEqual([code, text]);
      }),
    );
  });
});

describe('Machine Status (2ada)', () => {
  it.each([
    ['01', { opCode: 1, status: 'reset', extraBytes: 0 }],
    ['0201', { opCode: 2, status: 'stopped-or-paused', stopPause: 'stop', extraBytes: 0 }],
    ['0202', { opCode: 2, status: 'stopped-or-paused', stopPause: 'pause', extraBytes: 0 }],
    ['04', { opCode: 4, status: 'started-or-resumed', extraBytes: 0 }],
    ['ff', { opCode: 255, status: 'control-permission-lost', extraBytes: 0 }],
    ['04 0000', { opCode: 4, status: 'started-or-resumed', extraBytes: 2 }], // extra bytes happen
    ['12 05', { opCode: 0x12, status: 'other', extraBytes: 1 }],
  ])('%s', (b, expected) => {
    expect(decodeMachineStatus(hex(b))).toEqual(expected);
  });
  it('empty is EMPTY', () => {
    expect(() => decodeMachineStatus(hex(''))).toThrow(DecodeError);
  });
  it('mirror', () => {
    const names = ['reset', 'stopped-or-paused', 'stopped-by-safety-key', 'started-or-resumed', 'control-permission-lost'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.option(fc.constantFrom('stop' as const, 'pause' as const), { nil: undefined }), (status, sp) => {
        const d = decodeMachineStatus(encodeMachineStatus(status, sp));
        expect(d.status).toBe(status);
        expect(d.stopPause).toBe(status === 'stopped-or-paused' ? sp : undefined);
        expect(d.extraBytes).toBe(0);
      }),
    );
  });
  it('encodes', () => {
    expect(toHex(encodeMachineStatus('reset'))).toBe('01');
    expect(toHex(encodeMachineStatus('stopped-or-paused', 'pause'))).toBe('0202');
    expect(toHex(encodeMachineStatus('control-permission-lost'))).toBe('ff');
  });
});

describe('Control Point (2ad9)', () => {
  it('encodes the requests ergsprint sends', () => {
    expect(toHex(encodeControlPointRequest('request-control'))).toBe('00');
    expect(toHex(encodeControlPointRequest('reset'))).toBe('01');
    expect(toHex(encodeControlPointRequest('start-resume'))).toBe('07');
    expect(toHex(encodeControlPointRequest('stop-pause', 'stop'))).toBe('0801');
    expect(toHex(encodeControlPointRequest('stop-pause', 'pause'))).toBe('0802');
  });
  it.each([
    ['800701', 7, 'start-resume', 'success'],
    ['800002', 0, 'request-control', 'not-supported'],
    ['800803', 8, 'stop-pause', 'invalid-parameter'],
    ['800104', 1, 'reset', 'failed'],
    ['800705', 7, 'start-resume', 'control-not-permitted'],
    ['800709', 7, 'start-resume', 'reserved'],
  ])('decodes response %s', (b, requestOpCode, requestOp, result) => {
    expect(decodeControlPoint(hex(b))).toMatchObject({ kind: 'response', requestOpCode, requestOp, result });
  });
  it('decodes requests (the simulator reads them)', () => {
    expect(decodeControlPoint(hex('0802'))).toEqual({ kind: 'request', opCode: 8, op: 'stop-pause', stopPause: 'pause', params: [2] });
    expect(decodeControlPoint(hex('05 c800'))).toEqual({ kind: 'request', opCode: 5, op: 'other', params: [0xc8, 0] });
  });
  it.each([
    ['', 'EMPTY'],
    ['80', 'TOO_SHORT'],
    ['8007', 'TOO_SHORT'],
  ])('%s → %s', (b, code) => {
    expect(() => decodeControlPoint(hex(b))).toThrow(expect.objectContaining({ code, char: '2ad9' }));
  });
  it('a response that does not start with 0x80 is BAD_OPCODE', () => {
    expect(() => decodeControlPointResponse(hex('070101'))).toThrow(expect.objectContaining({ code: 'BAD_OPCODE' }));
  });
  it('mirror for responses and requests', () => {
    const results: Exclude<ControlResultName, 'reserved'>[] = ['success', 'not-supported', 'invalid-parameter', 'failed', 'control-not-permitted'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...results), (op, result) => {
        expect(decodeControlPoint(encodeControlPointResponse(op, result))).toMatchObject({ requestOpCode: op, result });
      }),
    );
    for (const op of ['request-control', 'reset', 'start-resume', 'stop-pause'] as const) {
      expect(decodeControlPoint(encodeControlPointRequest(op))).toMatchObject({ kind: 'request', op });
    }
  });
});
