/**
 * FIT export details beyond the round trip: the timer stops and starts around a lost link (no
 * records while it is lost, timer time excludes it), laps carry wkt_step_index only when a plan
 * ran, and the rower's Device Information becomes its device_info (Concept2 by its FIT id).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportInput } from '../../src/export/export-input.js';
import { exportFit } from '../../src/export/fit.js';
import { inputsOf, ms, sdkDecode, type SdkDecoded } from './fit-decode.js';

let input: ExportInput;
let d: SdkDecoded;
beforeAll(async () => {
  input = (await inputsOf('disconnect-25s.ndjson')).inputs[0]!;
  d = sdkDecode(exportFit(input));
});

describe('FIT timer around a lost link (disconnect-25s: link lost 540 s → 565 s)', () => {
  it('writes timer start, stop at the loss, start at the reconnection, stop_all at the end', () => {
    const t0 = Date.parse(input.startedAt);
    const events = (d.messages['eventMesgs'] ?? []).map((e) => [e['event'], e['eventType'], (ms(e['timestamp']) - t0) / 1000]);
    expect(events.map((e) => e[1])).toEqual(['start', 'stop', 'start', 'stopAll']);
    expect(events.every((e) => e[0] === 'timer')).toBe(true);
    expect(events[1]![2]).toBe(540);
    expect(events[2]![2]).toBe(565);
  });

  it('has no records while the link is lost, and timer time excludes the 25 s', () => {
    const t0 = Date.parse(input.startedAt);
    const inside = (d.messages['recordMesgs'] ?? []).filter((r) => {
      const t = ms(r['timestamp']) - t0;
      return t > 540_000 && t < 565_000;
    });
    expect(inside).toEqual([]);
    const s = d.messages['sessionMesgs']![0]!;
    expect((s['totalElapsedTime'] as number) - (s['totalTimerTime'] as number)).toBeCloseTo(25, 3);
    const lap = (d.messages['lapMesgs'] ?? []).find((l) => {
      const start = ms(l['startTime']) - t0;
      return start <= 540_000 && start + (l['totalElapsedTime'] as number) * 1000 >= 565_000;
    })!;
    expect((lap['totalElapsedTime'] as number) - (lap['totalTimerTime'] as number)).toBeCloseTo(25, 3);
  });
});

describe('FIT plan steps and devices', () => {
  it('numbers laps with wkt_step_index only when a plan ran: warm-up 0, then work/rest alternating', () => {
    expect((d.messages['lapMesgs'] ?? []).every((l) => l['wktStepIndex'] === undefined)).toBe(true);
    const planned = sdkDecode(exportFit({ ...input, planned: true }));
    const steps = (planned.messages['lapMesgs'] ?? []).map((l) => l['wktStepIndex']);
    expect(steps).toEqual(input.intervals.map((_, i) => i)); // warm-up, work 1, rest 1, …, cool-down: one step each
  });

  it('describes the rower from Device Information and never claims a Garmin device', () => {
    const withDis: ExportInput = { ...input, devices: [{ role: 'rower', name: 'PM5 430012345', manufacturer: 'Concept2', model: 'PM5', firmware: '32.000' }, { role: 'heart-rate', name: 'Polar H10 1234' }] };
    const devices = sdkDecode(exportFit(withDis)).messages['deviceInfoMesgs'] ?? [];
    expect(devices.map((x) => [x['deviceIndex'], x['manufacturer'], x['productName']])).toEqual([
      ['creator', 'development', 'ergsprint'],
      [1, 'concept2', 'PM5'],
      [2, 'development', 'Polar H10 1234'],
    ]);
    expect(devices.every((x) => x['manufacturer'] !== 'garmin')).toBe(true);
  });
});
