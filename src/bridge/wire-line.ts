/** Recording items ↔ wire lines (the recording's own line shape plus `seq`). */
import type { RecordingItem } from '../recording/format.js';
import { hexToBytes } from '../recording/format.js';
import type { WireLine } from './messages.js';

/** A frame or event of rower `r` numbered `seq` in its hub session. */
export function toWireLine(item: RecordingItem, seq: number): WireLine {
  if (item.kind === 'frame') return { seq, t: item.t, r: item.rower, c: item.char, d: Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength).toString('hex') };
  return { seq, t: item.t, r: item.rower, type: 'event', event: item.event, ...(item.name !== undefined ? { name: item.name } : {}), ...(item.plan !== undefined ? { plan: item.plan } : {}) };
}

/** The item a wire line carries, with rower id `rower` and time `t` (both as the receiver maps them). */
export function fromWireLine(line: WireLine, rower: string, t: number): RecordingItem {
  if ('c' in line) return { kind: 'frame', t, rower, char: line.c, bytes: hexToBytes(line.d) };
  return { kind: 'event', t, rower, event: line.event, ...(line.name !== undefined ? { name: line.name } : {}), ...(line.plan !== undefined ? { plan: line.plan } : {}) };
}
