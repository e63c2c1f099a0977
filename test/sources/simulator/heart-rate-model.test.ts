import { describe, expect, it } from 'vitest';
import { makeAthlete } from '../../../src/sources/simulator/athlete.js';
import { heartRateTrace } from '../../../src/sources/simulator/heart-rate-model.js';
import { createRandom } from '../../../src/sources/simulator/random.js';
import type { AppliedStroke } from '../../../src/sources/simulator/strokes.js';

/** 5 min easy (100 W), a 30 s sprint (500 W), 5 min easy: strokes of 3 s / 1.5 s */
function session(): AppliedStroke[] {
  const out: AppliedStroke[] = [];
  let t = 0;
  const add = (untilS: number, powerW: number, d: number, kind: AppliedStroke['kind']) => {
    for (; t < untilS - 1e-9; t += d) out.push({ catchS: t, durationS: d, powerW, kind });
  };
  add(300, 100, 3, 'warmup');
  add(330, 500, 1.5, 'work');
  add(630, 100, 3, 'rest');
  return out;
}

describe('heart-rate model (background §2.4: HR lags effort by tens of seconds)', () => {
  const athlete = makeAthlete();
  const hr = heartRateTrace(session(), athlete, 630, createRandom(1));

  it('rises through the sprint and peaks only at or after its end', () => {
    const peakT = hr.indexOf(Math.max(...hr.slice(300, 400)), 300);
    expect(peakT).toBeGreaterThanOrEqual(328);
    expect(hr[330]! - hr[300]!).toBeGreaterThan(25);
  });

  it('recovers more slowly than it rose', () => {
    const rise = hr[330]! - hr[300]!;
    const peak = Math.max(...hr.slice(300, 400));
    const fall30 = peak - hr[hr.indexOf(peak, 300) + 30]!;
    expect(fall30).toBeLessThan(rise);
  });

  it('stays between rest and max', () => {
    expect(Math.min(...hr)).toBeGreaterThanOrEqual(athlete.hrRestBpm - 5);
    expect(Math.max(...hr)).toBeLessThanOrEqual(athlete.hrMaxBpm);
  });
});
