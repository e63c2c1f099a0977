import { describe, expect, it } from 'vitest';
import { formatInterval, formatRowerLine } from '../../src/commands/live-status.js';

describe('live status line', () => {
  it('shows power, rate, pace as m:ss.s per 500 m, heart rate, distance and phase', () => {
    const line = formatRowerLine({
      name: 'PM5 430012345',
      connected: true,
      phase: 'work 3',
      last: { t: 1000, rower: 'x', powerW: 402.4, strokeRate: 36.5, paceS500: 97.25, heartRate: 161, distanceM: 1234.4 },
    });
    for (const part of ['402 W', '36.5 spm', '1:37.3/500m', 'HR 161', '1234 m', 'work 3']) expect(line).toContain(part);
  });

  it('shows dashes for what the machine did not send, never zeros, and marks a lost link', () => {
    const line = formatRowerLine({ name: 'Rower', connected: false, last: { t: 0, rower: 'x' } });
    expect(line).toContain('(link lost)');
    expect(line).toContain('- W');
    expect(line).toContain('-:--.-/500m');
    expect(line).not.toMatch(/\b0 W/);
  });

  it('summarises a finished interval with its verdict', () => {
    const text = formatInterval('PM5', {
      rower: 'x',
      index: 2,
      kind: 'work',
      start: 0,
      end: 30_000,
      stats: { durationS: 30, avgPowerW: 455.6, avgStrokeRate: 38 },
      verdict: { allOut: true, score: 91, reasons: [] } as never, // only allOut and score are shown
    });
    expect(text).toBe('PM5: work 2 30.0 s, 456 W avg, 38.0 spm, verdict: ALL-OUT (91)');
  });
});
