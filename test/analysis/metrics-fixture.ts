/** Hand-made sprint metrics for verdict tests: the default is a textbook all-out 30-s rep. */
import type { SprintMetrics } from '../../src/analysis/sprint-metrics.js';

export function metrics(over: Partial<SprintMetrics> = {}): SprintMetrics {
  return {
    startMs: 0,
    endMs: 30_000,
    durationS: 30,
    meanPowerW: 400,
    peakPowerW: 440,
    timeToPeakS: 8,
    peakInSecondHalf: false,
    fade: 0.12,
    endSpurt: 0.97,
    frontLoading: 1.08,
    strokeRate: 38,
    peakHeartRate: null,
    strokes: 19,
    coverage: 1,
    maxGapS: 0,
    ...over,
  };
}
