/**
 * Fitness Machine Control Point (0x2AD9) — FTMS 1.0 §4.16.
 * Requests (client → machine, written): Op Code u8 + parameters. Responses (machine → client,
 * indicated): `80 <request op code> <result code>` + optional parameters (§4.16.2.22).
 * Both directions are decoded so the simulator (a peer of a real machine) can read requests.
 */
import { DecodeError, requireLength } from './decode-error.js';
import { CONTROL_POINT } from './uuids.js';

export type ControlOpName = 'request-control' | 'reset' | 'start-resume' | 'stop-pause' | 'other';
export type ControlResultName = 'success' | 'not-supported' | 'invalid-parameter' | 'failed' | 'control-not-permitted' | 'reserved';

/** FTMS §4.16.1 op codes ergsprint sends. */
export const CONTROL_OP_CODES: Readonly<Record<Exclude<ControlOpName, 'other'>, number>> = {
  'request-control': 0x00,
  reset: 0x01,
  'start-resume': 0x07,
  'stop-pause': 0x08,
};

/** FTMS §4.16.2.22 result codes (index = code; 0 and 6+ reserved). */
export const CONTROL_RESULT_CODES: Readonly<Record<Exclude<ControlResultName, 'reserved'>, number>> = {
  success: 0x01,
  'not-supported': 0x02,
  'invalid-parameter': 0x03,
  failed: 0x04,
  'control-not-permitted': 0x05,
};

/** Op code of a response indication. */
export const RESPONSE_CODE = 0x80;

export interface ControlPointRequest {
  kind: 'request';
  opCode: number;
  op: ControlOpName;
  /** Stop or Pause parameter: 0x01 stop, 0x02 pause */
  stopPause?: 'stop' | 'pause';
  /** parameter bytes after the op code, as sent */
  params: number[];
}

export interface ControlPointResponse {
  kind: 'response';
  requestOpCode: number;
  requestOp: ControlOpName;
  resultCode: number;
  result: ControlResultName;
  /** response parameter bytes after the result code */
  params: number[];
}

export type ControlPointMessage = ControlPointRequest | ControlPointResponse;

const opName = (code: number): ControlOpName =>
  (Object.entries(CONTROL_OP_CODES).find(([, c]) => c === code)?.[0] ?? 'other') as ControlOpName;
const resultName = (code: number): ControlResultName =>
  (Object.entries(CONTROL_RESULT_CODES).find(([, c]) => c === code)?.[0] ?? 'reserved') as ControlResultName;

/** Decode a Control Point value: a response when it starts with 0x80, otherwise a request. */
export function decodeControlPoint(bytes: Uint8Array): ControlPointMessage {
  requireLength(bytes, 1, CONTROL_POINT, 'op code');
  return bytes[0] === RESPONSE_CODE ? decodeControlPointResponse(bytes) : decodeControlPointRequest(bytes);
}

/** Decode a request as written by a client; throws DecodeError (EMPTY). */
export function decodeControlPointRequest(bytes: Uint8Array): ControlPointRequest {
  requireLength(bytes, 1, CONTROL_POINT, 'op code');
  const opCode = bytes[0] ?? 0;
  const params = [...bytes.subarray(1)];
  const out: ControlPointRequest = { kind: 'request', opCode, op: opName(opCode), params };
  if (out.op === 'stop-pause' && (params[0] === 1 || params[0] === 2)) out.stopPause = params[0] === 1 ? 'stop' : 'pause';
  return out;
}

/** Decode a response indication `80 <op> <result>`; throws DecodeError (EMPTY / TOO_SHORT / BAD_OPCODE). */
export function decodeControlPointResponse(bytes: Uint8Array): ControlPointResponse {
  requireLength(bytes, 3, CONTROL_POINT, 'response');
  if (bytes[0] !== RESPONSE_CODE) {
    throw new DecodeError('BAD_OPCODE', CONTROL_POINT, `${CONTROL_POINT}: response must start with 0x80, got 0x${(bytes[0] ?? 0).toString(16)}`);
  }
  const requestOpCode = bytes[1] ?? 0;
  const resultCode = bytes[2] ?? 0;
  return {
    kind: 'response',
    requestOpCode,
    requestOp: opName(requestOpCode),
    resultCode,
    result: resultName(resultCode),
    params: [...bytes.subarray(3)],
  };
}

/** Encode a request: Request Control 00, Reset 01, Start/Resume 07, Stop/Pause 08 + 01 stop / 02 pause. */
export function encodeControlPointRequest(op: Exclude<ControlOpName, 'other'>, stopPause: 'stop' | 'pause' = 'stop'): Uint8Array {
  const code = CONTROL_OP_CODES[op];
  return op === 'stop-pause' ? Uint8Array.of(code, stopPause === 'stop' ? 1 : 2) : Uint8Array.of(code);
}

/** Encode a response indication `80 <requestOpCode> <result>`. */
export function encodeControlPointResponse(requestOpCode: number, result: Exclude<ControlResultName, 'reserved'>): Uint8Array {
  return Uint8Array.of(RESPONSE_CODE, requestOpCode & 0xff, CONTROL_RESULT_CODES[result]);
}
