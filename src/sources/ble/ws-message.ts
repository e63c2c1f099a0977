/**
 * One message from a remote adapter over noble's ws-slave protocol, checked before noble sees it:
 * JSON, an object with a `type`, and for each type noble handles (`_onMessage` in
 * `lib/websocket/bindings.js`) the fields it dereferences, with the types it assumes (binary
 * values as even-length hex). Unknown types pass: noble ignores them, as the protocol wants.
 */
import { z } from 'zod';
import type WebSocket from 'ws';

const id = z.string().min(1).max(128);
const hex = z.string().regex(/^(?:[0-9a-fA-F]{2})*$/, 'not hex').nullable().optional();
const uuids = z.array(z.string().max(128));
const value = z.string().regex(/^(?:[0-9a-fA-F]{2})*$/, 'not hex');
const onChar = { peripheralUuid: id, serviceUuid: id, characteristicUuid: id };

const BY_TYPE: Record<string, z.ZodType> = {
  stateChange: z.looseObject({ state: z.string().max(64) }),
  discover: z.looseObject({
    peripheralUuid: id,
    address: z.string().max(64).optional(),
    connectable: z.boolean().optional(),
    rssi: z.number().optional(),
    advertisement: z.looseObject({
      localName: z.string().max(248).nullable().optional(),
      txPowerLevel: z.number().nullable().optional(),
      serviceUuids: uuids.nullable().optional(),
      manufacturerData: hex,
      serviceData: hex,
    }),
  }),
  connect: z.looseObject({ peripheralUuid: id }),
  disconnect: z.looseObject({ peripheralUuid: id }),
  rssiUpdate: z.looseObject({ peripheralUuid: id, rssi: z.number() }),
  servicesDiscover: z.looseObject({ peripheralUuid: id, serviceUuids: uuids }),
  includedServicesDiscover: z.looseObject({ peripheralUuid: id, serviceUuid: id, includedServiceUuids: uuids }),
  characteristicsDiscover: z.looseObject({ peripheralUuid: id, serviceUuid: id, characteristics: z.array(z.looseObject({ uuid: id, properties: uuids })) }),
  read: z.looseObject({ ...onChar, data: value, isNotification: z.boolean().optional() }),
  write: z.looseObject(onChar),
  broadcast: z.looseObject({ ...onChar, state: z.boolean() }),
  notify: z.looseObject({ ...onChar, state: z.boolean() }),
  descriptorsDiscover: z.looseObject({ ...onChar, descriptors: uuids }),
  valueRead: z.looseObject({ ...onChar, descriptorUuid: id, data: hex }),
  valueWrite: z.looseObject({ ...onChar, descriptorUuid: id }),
  handleRead: z.looseObject({ peripheralUuid: id, handle: z.number(), data: hex }),
  handleWrite: z.looseObject({ peripheralUuid: id, handle: z.number() }),
  handleNotify: z.looseObject({ peripheralUuid: id, handle: z.number(), data: value }),
};

export interface WsSlaveMessage {
  type: string;
  [field: string]: unknown;
}

export type ParsedWsSlaveMessage = { ok: true; message: WsSlaveMessage } | { ok: false; reason: string };

/** Parse and check one ws-slave message; never throws. */
export function parseWsSlaveMessage(raw: WebSocket.RawData | string): ParsedWsSlaveMessage {
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `not JSON: ${JSON.stringify(text.slice(0, 40))}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, reason: 'no "type"' };
  const schema = BY_TYPE[type];
  if (schema) {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      return { ok: false, reason: `"${type}": ${issue ? `${issue.path.join('.') || '(message)'} ${issue.message}` : 'invalid'}` };
    }
  }
  return { ok: true, message: value as WsSlaveMessage };
}
