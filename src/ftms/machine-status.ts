/**
 * Fitness Machine Status (0x2ADA) — FTMS 1.0 §4.17: Op Code u8, then op-specific parameters.
 * Extra bytes happen in the field and are ignored (counted in `extraBytes`).
 */
import { requireLength } from './decode-error.js';
import { MACHINE_STATUS } from './uuids.js';

export type MachineStatusName =
  | 'reset'
  | 'stopped-or-paused'
  | 'stopped-by-safety-key'
  | 'started-or-resumed'
  | 'control-permission-lost'
  | 'other';

/** FTMS §4.17 op codes ergsprint cares about; all others decode as 'other'. */
export const MACHINE_STATUS_CODES: Readonly<Record<Exclude<MachineStatusName, 'other'>, number>> = {
  reset: 0x01,
  'stopped-or-paused': 0x02,
  'stopped-by-safety-key': 0x03,
  'started-or-resumed': 0x04,
  'control-permission-lost': 0xff,
};

export interface MachineStatus {
  opCode: number;
  status: MachineStatusName;
  /** for 'stopped-or-paused': parameter 0x01 stop, 0x02 pause */
  stopPause?: 'stop' | 'pause';
  /** bytes after the op code (and its known parameter) */
  extraBytes: number;
}

/** Decode Fitness Machine Status; throws DecodeError (EMPTY) for an empty payload. */
export function decodeMachineStatus(bytes: Uint8Array): MachineStatus {
  requireLength(bytes, 1, MACHINE_STATUS, 'op code');
  const opCode = bytes[0] ?? 0;
  const entry = Object.entries(MACHINE_STATUS_CODES).find(([, code]) => code === opCode);
  const status = (entry?.[0] ?? 'other') as MachineStatusName;
  const out: MachineStatus = { opCode, status, extraBytes: bytes.length - 1 };
  if (status === 'stopped-or-paused' && bytes.length >= 2) {
    const p = bytes[1];
    if (p === 0x01 || p === 0x02) {
      out.stopPause = p === 0x01 ? 'stop' : 'pause';
      out.extraBytes -= 1;
    }
  }
  return out;
}

/** Encode a Fitness Machine Status notification. */
export function encodeMachineStatus(status: Exclude<MachineStatusName, 'other'>, stopPause?: 'stop' | 'pause'): Uint8Array {
  const op = MACHINE_STATUS_CODES[status];
  if (status === 'stopped-or-paused' && stopPause !== undefined) return Uint8Array.of(op, stopPause === 'stop' ? 1 : 2);
  return Uint8Array.of(op);
}
