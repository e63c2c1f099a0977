/**
 * W′ balance (Skiba et al. 2012, MSSE 44:1526 — the integral form GoldenCheetah uses by default,
 * `src/Metrics/WPrime.cpp`) and the set target of a paced set (docs/science.md §5.3,
 * §7.2): the constant power for the remaining reps that just empties W′ by the end of the last one.
 * Power is piecewise constant over segments (a rep's or a rest's mean power).
 */
import { capacityW, powerDurationRatio } from './power-duration.js';
import { paceFromPower as paceFromPowerS500 } from '../rowing/power.js';

/** CP ÷ P2k (§1.2, triangulated default 0.85; plausible 0.78–0.90). */
export const CP_SHARE = 0.85;
/** Rest power assumed before any rest was measured, × P2k (the simulator's easy row; [J]). */
export const DEFAULT_REST_SHARE = 0.4;

export interface PowerModel {
  /** critical power, W */
  cpW: number;
  /** W′, J: (1 − CP/P2k) × P2k × T2k, so the model passes through the 2k (§1.2) */
  wPrimeJ: number;
  p2kW: number;
}

/** CP and W′ from a 2k power (§1.2 defaults). */
export function powerModel(p2kW: number): PowerModel {
  const t2kS = 4 * paceFromPowerS500(p2kW);
  return { cpW: CP_SHARE * p2kW, wPrimeJ: (1 - CP_SHARE) * p2kW * t2kS, p2kW };
}

/** Skiba 2012 recovery time constant, s: τ = 546·e^(−0.01·DCP) + 316, DCP = CP − recovery power. */
export function skibaTauS(cpW: number, recoveryPowerW: number): number {
  return 546 * Math.exp(-0.01 * Math.max(0, cpW - recoveryPowerW)) + 316;
}

export interface Segment {
  durationS: number;
  powerW: number;
}

/**
 * W′ balance, J, at the end of `segments`: W′ spent above CP recovers exponentially with τ, and
 * only while the power is below CP. Measured: with recovery counted only below CP this reproduces
 * both model tables of docs/science.md — the set-paced column of §5.4 (5 × 5:00/5:00 → 0.96 × P2k,
 * 6 × 3:00 → 0.98, 4 × 10:00/3:00 → 0.89) and §5.3's 2 × 1000 m (rep 2 = 0.78/0.82/0.88 of rep 1
 * after 1.5/3/6 min); letting W′ also recover during work above CP gave 1.06, 1.09 and 0.95.
 */
export function wPrimeBalanceJ(model: PowerModel, segments: readonly Segment[], tauS: number): number {
  let spent = 0;
  for (const seg of segments) {
    if (seg.powerW > model.cpW) spent += (seg.powerW - model.cpW) * seg.durationS;
    else spent *= Math.exp(-seg.durationS / tauS);
  }
  return model.wPrimeJ - spent;
}

export interface SetTargetInput {
  model: PowerModel;
  /** what has been rowed since the start of the set (reps and rests before this rep) */
  done: readonly Segment[];
  /** work length of each remaining rep (this one included), s */
  workS: number;
  /** remaining reps, this one included (≥ 1) */
  remaining: number;
  /** planned rest between the remaining reps, s */
  restS: number;
  /** power of those rests, W */
  restPowerW: number;
  /** dense set: average with the continuous-effort bound C(remaining × work) */
  dense: boolean;
}

export interface SetTarget {
  /** E_n, W */
  powerW: number;
  /** W′ left before this rep, share of W′ (may be < 0 when the athlete beat the model) */
  wPrimeLeft: number;
  /** τ used, s */
  tauS: number;
}

/**
 * §7.2 step 3: the constant power for the remaining reps that leaves W′bal = 0 at the end of the
 * last, bounded above by min(C(T), CP + W′bal/T) and below by CP (W′ already used up: the model
 * then expects only CP [J]); for dense sets the midpoint with C(remaining × T).
 */
export function setTarget(inp: SetTargetInput): SetTarget {
  const { model } = inp;
  const subCp = [...inp.done.filter((s) => s.powerW < model.cpW), { durationS: inp.restS, powerW: inp.restPowerW }];
  const subTime = subCp.reduce((a, s) => a + s.durationS, 0);
  const recovery = subTime > 0 ? subCp.reduce((a, s) => a + s.powerW * s.durationS, 0) / subTime : inp.restPowerW;
  const tauS = skibaTauS(model.cpW, recovery);
  const before = wPrimeBalanceJ(model, inp.done, tauS);
  const plan = (p: number): Segment[] => {
    const out: Segment[] = [...inp.done];
    for (let r = 0; r < inp.remaining; r++) {
      if (r > 0) out.push({ durationS: inp.restS, powerW: inp.restPowerW });
      out.push({ durationS: inp.workS, powerW: p });
    }
    return out;
  };
  const c = capacityW(model.p2kW, inp.workS);
  const upper = Math.min(c, model.cpW + Math.max(0, before) / inp.workS);
  let lo = model.cpW;
  let hi = Math.max(lo, c * 1.5);
  if (wPrimeBalanceJ(model, plan(lo), tauS) <= 0) hi = lo;
  for (let i = 0; i < 40 && hi - lo > 0.05; i++) {
    const mid = (lo + hi) / 2;
    if (wPrimeBalanceJ(model, plan(mid), tauS) > 0) lo = mid;
    else hi = mid;
  }
  let powerW = Math.max(model.cpW, Math.min(upper, lo));
  if (inp.dense) powerW = (powerW + model.p2kW * powerDurationRatio(inp.remaining * inp.workS, model.p2kW)) / 2;
  return { powerW, wPrimeLeft: before / model.wPrimeJ, tauS };
}
