/** Decoder and assembler throughput: one PM5-style split record per second of data time. */
import { bench, describe } from 'vitest';
import type { Frame } from '../../src/ftms/frame.js';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import { decodeRowerData, encodeRowerData } from '../../src/ftms/rower-data.js';

const S1 = encodeRowerData({
  strokeRate: 24, strokeCount: 100, avgStrokeRate: 23, distanceM: 2000, paceS500: 120, avgPaceS500: 126,
  powerW: 203, avgPowerW: 180, resistance: 10, totalEnergyKcal: 120, energyPerHourKcal: 900, energyPerMinuteKcal: 15,
  heartRate: 150, met: 9, elapsedS: 480, remainingS: 120,
});
const frames: Frame[] = [];
for (let i = 0; i < 10_000; i++) {
  const t = i * 1000;
  frames.push({ kind: 'frame', t, rower: 'r1', char: '2ad1', bytes: encodeRowerData({ distanceM: i * 4, paceS500: 120, powerW: 200, elapsedS: i }) });
  frames.push({ kind: 'frame', t: t + 10, rower: 'r1', char: '2ad1', bytes: encodeRowerData({ strokeRate: 24, strokeCount: i, totalEnergyKcal: i >> 4, energyPerHourKcal: 900, energyPerMinuteKcal: null }) });
}

describe('ftms', () => {
  bench('decodeRowerData, every field (one payload)', () => {
    decodeRowerData(S1);
  });
  bench('assembler: 20 000 split parts → 10 000 samples', () => {
    const asm = createSampleAssembler();
    for (const f of frames) asm.push(f);
    asm.flush(Number.POSITIVE_INFINITY);
  });
});
