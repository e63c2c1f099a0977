import { describe, expect, it } from 'vitest';
import type { JudgedEffort } from '../../src/analysis/judged-effort.js';
import { effortIndex, formatDay, historyReferences, personalCurve } from '../../src/analysis/personal-reference.js';
import { priorReference } from '../../src/analysis/reference.js';
import { athleteReferences } from '../../src/analysis/athlete-references.js';
import { buildSet, fadeFromStart, flat, judgeBuilt, P2K_7_00, type RepSpec } from './built-sessions.js';

const DAY = 86_400_000;
/** Sessions at 18:00 UTC on days of November 2026. */
const nov = (day: number, hour = 18): number => Date.UTC(2026, 10, day, hour);

function effort(over: Partial<JudgedEffort> & Pick<JudgedEffort, 'startMs' | 'durationS' | 'meanPowerW'>): JudgedEffort {
  return { sessionId: 's', allOut: true, kind: 'rep', ...over };
}

/** The efforts of a built set as the store would keep them: its final verdicts, at `startMs` + window start. */
function effortsOf(sessionId: string, startMs: number, reps: readonly RepSpec[], opts: Parameters<typeof judgeBuilt>[1] = {}): JudgedEffort[] {
  const set = buildSet(reps, 90);
  const { final } = judgeBuilt(set, opts);
  return final.map((v, i) => ({ sessionId, startMs: startMs + set.windows[i]!.startMs, durationS: (set.windows[i]!.endMs - set.windows[i]!.startMs) / 1000, meanPowerW: v.meanPowerW!, allOut: v.allOut, kind: 'rep', rep: i + 1 }));
}

const SPRINT_W = 1.62 * P2K_7_00; // a 7:00-2k athlete's 30-s capacity (durations.md §1.3)
const allOutSprints = (n: number): RepSpec[] => Array.from({ length: n }, () => ({ workS: 30, levelW: SPRINT_W, profile: fadeFromStart, rateSpm: 36 }));
/** Uniformly easy: every sprint flat at 80 % — nothing in the session itself stands out. */
const easySprints = (n: number): RepSpec[] => Array.from({ length: n }, () => ({ workS: 30, levelW: 0.8 * SPRINT_W, profile: flat, rateSpm: 30 }));

describe('formatDay', () => {
  it('is the UTC day with an English month, whatever the hour', () => {
    expect(formatDay(Date.UTC(2026, 10, 12, 0, 0))).toBe('12 Nov');
    expect(formatDay(Date.UTC(2026, 10, 12, 23, 59))).toBe('12 Nov');
    expect(formatDay(Date.UTC(2027, 0, 3, 7))).toBe('3 Jan');
  });
});

describe('a sequence of sessions for one athlete', () => {
  const first = effortsOf('s1', nov(12), allOutSprints(6));
  // second session: reps 2 and 5 held back at 70 %; they are judged not all-out and must not count
  const second = effortsOf('s2', nov(16), allOutSprints(6).map((r, i) => (i === 1 || i === 4 ? { ...r, levelW: 0.7 * SPRINT_W, profile: flat, rateSpm: 30 } : r)));
  const history = [...first, ...second];
  const easy = buildSet(easySprints(6), 90);

  it('the later uniformly easy session reads all-out without history', () => {
    const { final } = judgeBuilt(easy, {});
    expect(final.every((v) => v.allOut === true || v.allOut === null)).toBe(true);
    expect(final.every((v) => v.reference?.kind !== 'history')).toBe(true);
  });

  it('with history its sprints are held back, citing the date of the best sprint', () => {
    const h = historyReferences(history, nov(22));
    const { final, live } = judgeBuilt(easy, { history: h });
    const heldBack = final.filter((v) => v.kind === 'held-back');
    expect(heldBack.length).toBeGreaterThanOrEqual(4);
    expect(final[0]!.kind).toBe('held-back');
    expect(live[0]!.kind).toBe('held-back'); // live too: history is a settled reference from rep 1 on
    const best = [...first, ...second].filter((e) => e.allOut === true).sort((a, b) => b.meanPowerW - a.meanPowerW)[0]!;
    expect(final[0]!.reference).toMatchObject({ kind: 'history', dateMs: best.startMs });
    expect(final[0]!.reference!.source).toBe(`your best 30-s sprint of the last 42 days, ${formatDay(best.startMs)}`);
    expect(final[0]!.message).toContain(formatDay(best.startMs));
  });

  it('efforts the verdict did not judge all-out are never used', () => {
    const held = second.filter((e) => e.allOut !== true);
    expect(held.length).toBeGreaterThan(0);
    const curve = personalCurve(history, nov(22));
    for (const e of held) expect(curve.points).not.toContain(e);
    // a not-all-out effort stronger than everything else changes nothing
    const loud = effort({ startMs: nov(20), durationS: 30, meanPowerW: 900, allOut: null });
    const wrong = effort({ startMs: nov(20), durationS: 30, meanPowerW: 900, allOut: false });
    const a = historyReferences(history, nov(22)).referenceFor!('r', 30)!;
    const b = historyReferences([...history, loud, wrong], nov(22)).referenceFor!('r', 30)!;
    expect(b).toEqual(a);
  });

  it('nothing at or after the session start is used', () => {
    const later = effort({ startMs: nov(22), durationS: 30, meanPowerW: 900 });
    const muchLater = effort({ startMs: nov(25), durationS: 30, meanPowerW: 900 });
    expect(historyReferences([...history, later, muchLater], nov(22)).referenceFor!('r', 30)).toEqual(historyReferences(history, nov(22)).referenceFor!('r', 30));
    // and before the first session there is nothing at all
    expect(historyReferences(history, nov(12)).referenceFor!('r', 30)).toBeUndefined();
  });
});

describe('windows', () => {
  const sprint = effort({ sessionId: 'old', startMs: nov(1), durationS: 30, meanPowerW: 480 });

  it('within 42 days the reference is fresh', () => {
    const ref = historyReferences([sprint], nov(1) + 41 * DAY).referenceFor!('r', 30)!;
    expect(ref.stale).toBe(false);
    expect(ref.windowDays).toBe(42);
    expect(ref.source).toBe('your best 30-s sprint of the last 42 days, 1 Nov');
  });

  it('after 42 days it comes from the 90-day fallback, marked stale', () => {
    const at = nov(1) + 50 * DAY;
    const ref = historyReferences([sprint], at).referenceFor!('r', 30)!;
    expect(ref.stale).toBe(true);
    expect(ref.windowDays).toBe(90);
    expect(ref.source).toBe('your best 30-s sprint of the last 90 days, 1 Nov — over 42 days old');
    const reported = priorReference({ history: historyReferences([sprint], at), rower: 'r' });
    expect(reported).toMatchObject({ kind: 'history', stale: true, dateMs: sprint.startMs });
  });

  it('a stale reference says so in the verdict', () => {
    const { final } = judgeBuilt(buildSet(easySprints(4), 90), { history: historyReferences([sprint], nov(1) + 50 * DAY) });
    expect(final[0]!.reference).toMatchObject({ kind: 'history', stale: true, dateMs: sprint.startMs });
    expect(final[0]!.message).toContain('1 Nov — over 42 days old');
  });

  it('after 90 days there is no history reference', () => {
    expect(historyReferences([sprint], nov(1) + 91 * DAY).referenceFor!('r', 30)).toBeUndefined();
  });

  it('a fresh effort wins over a stronger stale one (the window ages old bests out)', () => {
    const fresh = effort({ sessionId: 'new', startMs: nov(1) + 60 * DAY, durationS: 30, meanPowerW: 420 });
    const strongOld = effort({ sessionId: 'old', startMs: nov(1), durationS: 30, meanPowerW: 520 });
    const ref = historyReferences([strongOld, fresh], nov(1) + 70 * DAY).referenceFor!('r', 30)!;
    expect(ref.sessionId).toBe('new');
    expect(ref.stale).toBe(false);
  });
});

describe('first session: no history', () => {
  const none = historyReferences([], nov(12));
  it('falls back to the declared 2k', () => {
    expect(priorReference({ history: none, rower: 'r', declared2kS: 420 })).toMatchObject({ kind: 'declared-2k', source: 'your 7:00 2k' });
  });
  it('and without one to the session itself', () => {
    const { final } = judgeBuilt(buildSet(allOutSprints(6), 90), { history: none });
    expect(final.every((v) => v.reference?.kind === 'session')).toBe(true);
  });
});

describe('the curve', () => {
  it('equivalent-2k index: a 7:00 2k piece stands for a 7:00 2k', () => {
    const idx = effortIndex({ durationS: 420, meanPowerW: P2K_7_00 });
    expect(idx.time2kS).toBeCloseTo(420, 0);
    expect(idx.p2kW).toBeCloseTo(P2K_7_00, 0);
  });

  it('a 30-s rep is judged against a 4-minute rep extrapolated when no sprint is in history, tolerance widened', () => {
    const rep = effort({ sessionId: 'a', startMs: nov(10), durationS: 240, meanPowerW: 1.12 * P2K_7_00 });
    const ref = historyReferences([rep], nov(20)).referenceFor!('r', 30)!;
    expect(ref.testS).toBe(240);
    expect(ref.source).toMatch(/^your 4-minute rep of 10 Nov, worth a \d:\d\d 2k, the best of the last 42 days$/);
    // the index of a 4-min rep at R(4 min) = 1.12 is a ~7:00 2k, and C(30 s) ≈ 1.62 × P2k
    expect(ref.p2kW / P2K_7_00).toBeGreaterThan(0.97);
    expect(ref.p2kW / P2K_7_00).toBeLessThan(1.03);
    expect(ref.powerW / ref.p2kW).toBeCloseTo(1.62, 2);
  });

  /** A maximal piece of `distanceM` at a split `split2k + k·log₂(d/2000)` (Paul's law with constant k). */
  const paulPiece = (distanceM: number, k: number, day: number): JudgedEffort => {
    const split = 105 + k * Math.log2(distanceM / 2000);
    return effort({ sessionId: `p${distanceM}`, startMs: nov(day), kind: 'piece', distanceM, durationS: (distanceM / 500) * split, meanPowerW: 2.8 / (split / 500) ** 3 });
  };

  it('personal Paul constant from two maximal pieces ≥ 2× apart', () => {
    const curve = personalCurve([paulPiece(2000, 4, 5), paulPiece(6000, 4, 8)], nov(20));
    expect(curve.paulK?.k).toBeCloseTo(4, 5);
    expect(personalCurve([paulPiece(2000, 11, 5), paulPiece(6000, 11, 8)], nov(20)).paulK?.k).toBe(8); // clipped to 3–8
    expect(personalCurve([paulPiece(2000, 4, 5)], nov(20)).paulK).toBeUndefined();
    expect(personalCurve([paulPiece(2000, 4, 5), paulPiece(3000, 4, 6)], nov(20)).paulK).toBeUndefined(); // < 2× apart
  });

  it('CP/W′ only from maximal efforts at 3–5 and 10–30 minutes', () => {
    const cp = 260;
    const wPrime = 18_000;
    const max = (t: number, day: number): JudgedEffort => effort({ sessionId: `m${t}`, startMs: nov(day), kind: 'piece', durationS: t, meanPowerW: cp + wPrime / t });
    const model = personalCurve([max(240, 3), max(1200, 6)], nov(20)).model;
    expect(model?.cpW).toBeCloseTo(cp, 6);
    expect(model?.wPrimeJ).toBeCloseTo(wPrime, 3);
    expect(personalCurve([max(240, 3)], nov(20)).model).toBeUndefined();
    expect(personalCurve([max(240, 3), max(480, 6)], nov(20)).model).toBeUndefined(); // no 10–30 min effort
    expect(personalCurve([max(60, 3), max(1200, 6)], nov(20)).model).toBeUndefined(); // no 3–5 min effort
  });

  it('a paced set uses the personal CP/W′ for its targets', () => {
    const max = (t: number, day: number, p: number): JudgedEffort => effort({ sessionId: `m${t}`, startMs: nov(day), kind: 'piece', durationS: t, meanPowerW: p });
    const efforts = [max(240, 3, 260 + 18_000 / 240), max(1200, 6, 260 + 18_000 / 1200)];
    const h = historyReferences(efforts, nov(20));
    expect(h.curve.model).toBeDefined();
    const reps = Array.from({ length: 5 }, () => ({ workS: 240, levelW: 300, profile: flat, rateSpm: 30 }));
    const set = buildSet(reps, 240);
    const withCp = judgeBuilt(set, { history: h }).final;
    const noCp = judgeBuilt(set, { history: { ...h, referenceFor: (r, t) => { const x = h.referenceFor!(r, t)!; const { model: _m, ...rest } = x; return rest; } } }).final;
    expect(withCp[2]!.expectedPowerW).not.toBeCloseTo(noCp[2]!.expectedPowerW!, 0);
  });
});

describe('athleteReferences (per rower)', () => {
  const efforts = [effort({ sessionId: 'a', startMs: nov(10), durationS: 30, meanPowerW: 470 })];
  const source = {
    athleteOf: (rower: string) => (rower === 'r1' ? { name: 'Ann' } : rower === 'r2' ? { name: 'Bob', declared2kS: 400 } : undefined),
    efforts: (q: { athlete: string; sinceMs: number; beforeMs: number }) => (q.athlete === 'Ann' ? efforts.filter((e) => e.startMs >= q.sinceMs && e.startMs < q.beforeMs) : []),
  };
  const refs = athleteReferences(source, nov(20), { declared2kS: 450 });
  it('history for a bound athlete with efforts', () => {
    expect(priorReference({ ...refs('r1'), rower: 'r1' })).toMatchObject({ kind: 'history', dateMs: nov(10) });
  });
  it('the athlete’s own 2k when they have no history, over the command’s', () => {
    expect(priorReference({ ...refs('r2'), rower: 'r2' })).toMatchObject({ kind: 'declared-2k', testS: 400 });
  });
  it('a rower without an athlete keeps the defaults', () => {
    expect(refs('r3')).toBeUndefined();
  });
});
