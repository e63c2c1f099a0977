/** The one power-trace policy: ≤ 1 point per second of data time (the newest), older samples ignored, 2 h kept. */
import { describe, expect, it } from 'vitest';
import { addTracePoint, applyTraceEvent, type PowerTrace, type PowerTraces } from '../../src/session/power-trace.js';

describe('addTracePoint', () => {
  it('keeps the newest sample of each second of data time', () => {
    const tr: PowerTrace = { t: [], powerW: [] };
    for (const [t, w] of [[100, 200], [350, 210], [999, 220], [1000, 230], [1250, 240], [2600, 250]] as const) addTracePoint(tr, t, w);
    expect(tr).toEqual({ t: [999, 1250, 2600], powerW: [220, 240, 250] });
  });

  it('ignores a sample older than the last point, in the same second or an earlier one', () => {
    const tr: PowerTrace = { t: [], powerW: [] };
    addTracePoint(tr, 5400, 300);
    addTracePoint(tr, 5100, 100); // same second, older
    addTracePoint(tr, 4900, 100); // earlier second
    expect(tr).toEqual({ t: [5400], powerW: [300] });
  });

  it('keeps 2 h: past 7800 points the oldest 600 go', () => {
    const tr: PowerTrace = { t: [], powerW: [] };
    for (let s = 0; s < 7800; s++) addTracePoint(tr, s * 1000, s % 400);
    expect(tr.t).toHaveLength(7800);
    addTracePoint(tr, 7800 * 1000, 1);
    expect(tr.t).toHaveLength(7201);
    expect(tr.t[0]).toBe(600 * 1000);
    expect(tr.powerW[0]).toBe(600 % 400);
    expect(tr.t.at(-1)).toBe(7800 * 1000);
  });
});

describe('applyTraceEvent', () => {
  it('adds samples with power, skips samples without, drops a rower’s trace when its new session starts', () => {
    const traces: PowerTraces = new Map();
    const sample = (rower: string, t: number, powerW?: number) =>
      ({ type: 'sample', rower, sample: { rower, t, ...(powerW !== undefined ? { powerW } : {}) } }) as Parameters<typeof applyTraceEvent>[1];
    applyTraceEvent(traces, sample('a', 1000, 250));
    applyTraceEvent(traces, sample('a', 2000));
    applyTraceEvent(traces, sample('b', 1500, 180));
    expect(traces.get('a')).toEqual({ t: [1000], powerW: [250] });
    applyTraceEvent(traces, { type: 'session', rower: 'a', state: 'ended', t: 3000 });
    expect(traces.get('a')?.t).toEqual([1000]);
    applyTraceEvent(traces, { type: 'session', rower: 'a', state: 'started', t: 9000 });
    expect(traces.has('a')).toBe(false);
    expect(traces.get('b')).toEqual({ t: [1500], powerW: [180] });
  });
});
