import { describe, expect, it } from 'vitest';
import { OP_REQUEST_CONTROL, OP_START, responseOutcome, runStartup } from '../../../src/sources/ble/startup-sequence.js';

describe('responseOutcome (FTMS §4.16.2: indication 80 <request op> <result>)', () => {
  it.each([
    [[0x80, 0x00, 0x01], OP_REQUEST_CONTROL, 'success'],
    [[0x80, 0x07, 0x05], OP_START, 'control-not-permitted'],
    [[0x80, 0x07, 0x02], OP_START, 'not-supported'],
    [[0x80, 0x07, 0x04], OP_START, 'failed'],
    [[0x80, 0x00, 0x01], OP_START, null], // answers another request
    [[0x07], OP_START, null], // an echo of the request, not a response
    [[0x80, 0x07], OP_START, null], // torn
  ])('%j answering op %i → %s', (bytes, op, outcome) => {
    expect(responseOutcome(Uint8Array.from(bytes), op)).toBe(outcome);
  });

  it("does nothing for a device that needs no start-up, and reports a missing control point without throwing", async () => {
    await expect(runStartup(undefined, 'none', 10)).resolves.toEqual([]);
    await expect(runStartup(undefined, 'control-start', 10)).resolves.toEqual([{ op: OP_REQUEST_CONTROL, outcome: 'no-control-point' }]);
  });
});
