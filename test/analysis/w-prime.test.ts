/** W′ balance and set targets against the research note's model tables (durations.md §5.3, §5.4). */
import { describe, expect, it } from 'vitest';
import { isDenseSet } from '../../src/analysis/bands.js';
import { p2kFromTimeW } from '../../src/analysis/power-duration.js';
import { powerModel, setTarget, skibaTauS, wPrimeBalanceJ } from '../../src/analysis/w-prime.js';

const p2k = p2kFromTimeW(420); // 302 W; the note's athlete: CP 257 W, W′ 19 kJ, rests at 100 W
const model = powerModel(p2k);

describe('model', () => {
  it('CP = 0.85 × P2k and W′ = 0.15 × P2k × T2k (§1.2: ≈ 19 kJ at 302 W / 7:00)', () => {
    expect(model.cpW).toBeCloseTo(0.85 * 302.34, 1);
    expect(model.wPrimeJ).toBeCloseTo(0.15 * 302.34 * 420, -1);
  });
  it('Skiba 2012 τ = 546·e^(−0.01·DCP) + 316 (§5.2: ≈ 430 s at 100 W rest, ≈ 360 s at 0 W for CP 257 W)', () => {
    expect(skibaTauS(257, 100)).toBeCloseTo(430, -1);
    expect(skibaTauS(257, 0)).toBeCloseTo(360, -1);
  });
  it('W′ is spent above CP and recovers below it', () => {
    const spent = wPrimeBalanceJ(model, [{ durationS: 100, powerW: model.cpW + 50 }], 400);
    expect(spent).toBeCloseTo(model.wPrimeJ - 5000, 6);
    const back = wPrimeBalanceJ(model, [{ durationS: 100, powerW: model.cpW + 50 }, { durationS: 400, powerW: 100 }], 400);
    expect(back).toBeCloseTo(model.wPrimeJ - 5000 * Math.exp(-1), 6);
  });
});

describe('set-paced constant power (§5.4, × P2k), within 0.02', () => {
  it.each([
    ['6 × 1:00 / 1:00', 6, 60, 60, 1.09],
    ['4 × 500 m (100 s) / 3:00', 4, 100, 180, 1.12],
    ['8 × 500 m / 2:00', 8, 100, 120, 1.02],
    ['10 × 100 s / 20 s (dense: midpoint with C(1000 s))', 10, 100, 20, 0.89],
    ['6 × 3:00 / 3:00', 6, 180, 180, 0.98],
    ['5 × 5:00 / 5:00', 5, 300, 300, 0.96],
    ['4 × 10:00 / 3:00', 4, 600, 180, 0.89],
    ['4 × 2000 m (7:00) / 5:00', 4, 420, 300, 0.92],
  ])('%s → %f', (_, reps, workS, restS, expected) => {
    const t = setTarget({ model, done: [], workS, remaining: reps, restS, restPowerW: 100, dense: isDenseSet(workS, restS) });
    expect(Math.abs(t.powerW / p2k - expected)).toBeLessThanOrEqual(0.02);
    expect(t.wPrimeLeft).toBeCloseTo(1, 10);
  });
});

describe('carry-over: what was rowed moves the next target (§7.2)', () => {
  it('2 × 1000 m all-out (≈ 209 s at C(T)), rest 1.5 / 3 / 6 min: rep 2 ≈ 0.79 / 0.83 / 0.89 of rep 1 (§5.3 Skiba 2012), within 0.03', () => {
    const rep1 = { durationS: 209, powerW: 1.16 * p2k };
    for (const [restS, expected] of [[90, 0.79], [180, 0.83], [360, 0.89]] as const) {
      const t = setTarget({ model, done: [rep1, { durationS: restS, powerW: 100 }], workS: 209, remaining: 1, restS: 0, restPowerW: 100, dense: false });
      expect(Math.abs(t.powerW / rep1.powerW - expected)).toBeLessThanOrEqual(0.03);
    }
  });
  it('a fast first rep lowers the later targets, a conservative one raises them', () => {
    const fresh = setTarget({ model, done: [], workS: 300, remaining: 5, restS: 300, restPowerW: 100, dense: false }).powerW;
    const after = (powerW: number) => setTarget({ model, done: [{ durationS: 300, powerW }, { durationS: 300, powerW: 100 }], workS: 300, remaining: 4, restS: 300, restPowerW: 100, dense: false }).powerW;
    expect(after(fresh * 1.08)).toBeLessThan(after(fresh));
    expect(after(fresh * 0.9)).toBeGreaterThan(after(fresh));
  });
  it('the target never exceeds one maximal effort C(T) nor falls below CP', () => {
    const t = setTarget({ model, done: [], workS: 300, remaining: 1, restS: 0, restPowerW: 100, dense: false });
    expect(t.powerW).toBeLessThanOrEqual(1.07 * p2k + 3);
    const spent = setTarget({ model, done: [{ durationS: 600, powerW: 1.2 * p2k }], workS: 300, remaining: 3, restS: 60, restPowerW: 100, dense: false });
    expect(spent.powerW).toBeCloseTo(model.cpW, 6);
    expect(spent.wPrimeLeft).toBeLessThan(0);
  });
});
