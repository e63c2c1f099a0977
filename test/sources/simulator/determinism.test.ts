import { describe, expect, it } from 'vitest';
import { serializeRecording } from '../../../src/recording/writer.js';
import { simulateSession } from '../../../src/sources/simulator/simulate-session.js';
import type { SimulateOptions } from '../../../src/sources/simulator/simulate-options.js';

const bytes = (o: SimulateOptions): string => {
  const s = simulateSession(o);
  return serializeRecording(s.header, s.items) + JSON.stringify(s.labels);
};

describe('simulateSession determinism', () => {
  it('gives identical bytes and labels for the same seed', () => {
    const o: SimulateOptions = { seed: 42, held: [3], rateOnly: [5], profile: 'dropped', rowers: 2 };
    expect(bytes(o)).toBe(bytes({ ...o }));
  });

  it('gives different bytes for a different seed', () => {
    expect(bytes({ seed: 1 })).not.toBe(bytes({ seed: 2 }));
  });

  it('does not depend on the wall clock: startedAt is the fixed default unless given', () => {
    expect(simulateSession({ reps: 1, warmupS: 0, cooldownS: 0 }).header.startedAt).toBe('2026-01-05T07:00:00.000Z');
    expect(simulateSession({ reps: 1, warmupS: 0, cooldownS: 0, startedAt: '2025-03-01T10:00:00Z' }).header.startedAt).toBe('2025-03-01T10:00:00Z');
  });

  it('keeps a rower identical whatever the device profile (profile changes only the radio)', () => {
    const a = simulateSession({ seed: 9, profile: 'ideal' }).labels;
    const b = simulateSession({ seed: 9, profile: 'pm5-split' }).labels;
    expect(b).toEqual(a);
  });
});
