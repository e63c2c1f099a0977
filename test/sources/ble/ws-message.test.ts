import { describe, expect, it } from 'vitest';
import { parseWsSlaveMessage } from '../../../src/sources/ble/ws-message.js';
import { MALFORMED_MESSAGES } from '../../../src/sources/simulator/ble-server/ble-simulator.js';

const ID = 'e75100000001';

describe('parseWsSlaveMessage', () => {
  it.each([
    ['stateChange', { type: 'stateChange', state: 'poweredOn' }],
    ['discover', { type: 'discover', peripheralUuid: ID, address: 'e7:51', connectable: true, rssi: -60, advertisement: { localName: 'R', serviceUuids: ['1826'], manufacturerData: null, serviceData: '0110' } }],
    ['read', { type: 'read', peripheralUuid: ID, serviceUuid: '1826', characteristicUuid: '2ad1', data: '0108aa00', isNotification: true }],
    ['an unknown type (noble ignores it)', { type: 'somethingNew', x: 1 }],
  ])('passes a well-formed %s message', (_what, msg) => {
    expect(parseWsSlaveMessage(JSON.stringify(msg))).toEqual({ ok: true, message: msg });
  });

  it.each([
    ['not JSON', '{"type":', /not JSON/],
    ['an array', '[1]', /not a JSON object/],
    ['no type', '{"a":1}', /no "type"/],
    ['discover without advertisement', '{"type":"discover","peripheralUuid":"x"}', /"discover": advertisement/],
    ['read with odd hex', `{"type":"read","peripheralUuid":"${ID}","serviceUuid":"1826","characteristicUuid":"2ad1","data":"abc"}`, /data not hex/],
    ['read with a number', `{"type":"read","peripheralUuid":"${ID}","serviceUuid":"1826","characteristicUuid":"2ad1","data":5}`, /"read": data/],
    ['characteristics not a list', `{"type":"characteristicsDiscover","peripheralUuid":"${ID}","serviceUuid":"1826","characteristics":"2ad1"}`, /characteristics/],
  ])('refuses %s with a reason', (_what, text, reason) => {
    const r = parseWsSlaveMessage(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('never throws, on the simulator\'s faulty messages or random bytes', () => {
    for (const text of MALFORMED_MESSAGES(ID)) expect(() => parseWsSlaveMessage(text)).not.toThrow();
    for (let i = 0; i < 500; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (i % 40) }, (_, k) => (i * 31 + k * 17) & 0xff));
      expect(() => parseWsSlaveMessage(bytes)).not.toThrow();
    }
  });
});
