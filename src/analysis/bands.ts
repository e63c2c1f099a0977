/**
 * Duration bands and execution modes of a work interval (docs/science.md §7.1), with one frozen
 * parameter table per band: every threshold the verdict reads, each with its source (a section of
 * docs/science.md, or "[J]" judgement).
 */

export type BandId = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/**
 * How a set is rowed: every rep all-out (REP-MAX), paced for the whole set (SET-PACED), in between
 * (MIXED), or one maximal piece (SINGLE: a 2k, 5k or 20-min test).
 */
export type ExecutionMode = 'rep-max' | 'mixed' | 'set-paced' | 'single';

export interface BandParams {
  id: BandId;
  /** what the athlete reads: "30-s sprint", "5-minute rep" are built from the duration; this names the band */
  name: string;
  /** the band holds durations in [fromS, toS) */
  fromS: number;
  toS: number;
  /** the athlete's word for one work interval of this band */
  repWord: 'sprint' | 'rep';
  /** END SPURT: ES (A: last 5 s ÷ 10–25 s) or ES_T (B–F: last 10 % ÷ 40–80 %) at or above this raises it */
  endSpurt: number;
  /** D–F: the spurt counts only when the middle (40–80 %) is also below this share of the expected power */
  endSpurtMidBelow: number | null;
  /** a raised END SPURT blocks "all-out" on its own (strong) or only counts towards two flags (weak) */
  endSpurtStrong: boolean;
  /** up to this ES_T a finish is normal for the band (what the message says) */
  normalEndSpurt: number;
  /** LATE PEAK: A by time to peak (s, and in the second half), B by the best 10 s in the last third with NS above `lateNs`, else off */
  latePeak: { kind: 'ttp'; afterS: number } | { kind: 'last-third'; ns: number } | null;
  /** LOW RATE floor, spm (null = off). docs/science.md §4 raises it to max(this, usual − 4) with the athlete's usual rate from history; no production path knows that rate yet */
  rateFloor: number | null;
  /** FLAT + LOW: fade (best 3 strokes → last 3) under this with the level under target (null = off) */
  flatFade: number | null;
  /** heart rate "high" supports all-out from this rep on, at this share of HRmax */
  hrHighFromRep: number;
  hrHigh: number;
  /** heart rate "low" supports held back from this rep on, under this share of HRmax */
  hrLowFromRep: number;
  hrLow: number;
  /** rep 1 more than this below the best of reps 2–3 reads "rep 1 held back" (a message only when `rep1MessageOnly`); null = n/a */
  rep1Below: number | null;
  rep1MessageOnly: boolean;
  /** normal percentage decrement over an all-out set, % [low, high] */
  sdecNormal: readonly [number, number];
  /** sources, per field */
  source: Readonly<Record<string, string>>;
}

const band = (p: BandParams): Readonly<BandParams> => Object.freeze(p);

/** docs/science.md §7.5 "Flags by band"; band A keeps the 30-s design's numbers exactly. */
export const BANDS: readonly Readonly<BandParams>[] = Object.freeze([
  band({
    id: 'A', name: 'sprint (15–45 s)', fromS: 0, toS: 45, repWord: 'sprint',
    endSpurt: 1.05, endSpurtMidBelow: null, endSpurtStrong: true, normalEndSpurt: 1.02,
    latePeak: { kind: 'ttp', afterS: 12 }, rateFloor: 30, flatFade: 0.03,
    hrHighFromRep: 3, hrHigh: 0.9, hrLowFromRep: 4, hrLow: 0.8,
    rep1Below: 0.05, rep1MessageOnly: false, sdecNormal: [10, 25],
    source: { endSpurt: '§3.1, §7.5', latePeak: '§7.5, §8.1 (12 s: monitor lag)', rateFloor: '§4', flatFade: '§7.5', hr: '§6', rep1Below: '§5.5 (Glaister ~4 %)', sdecNormal: '§5.5' },
  }),
  band({
    id: 'B', name: 'short (45–90 s)', fromS: 45, toS: 90, repWord: 'rep',
    endSpurt: 1.08, endSpurtMidBelow: null, endSpurtStrong: false, normalEndSpurt: 1.05,
    latePeak: { kind: 'last-third', ns: 1.05 }, rateFloor: 28, flatFade: 0.05,
    hrHighFromRep: 2, hrHigh: 0.9, hrLowFromRep: 3, hrLow: 0.82,
    rep1Below: 0.06, rep1MessageOnly: false, sdecNormal: [8, 25],
    source: { endSpurt: '§7.5 weak flag [J]; §3.2 (fade expected 1–2 min)', latePeak: '§7.5 (needs NS > 1.05 and a low level) [J]', rateFloor: '§4 table [J]', flatFade: '§7.5 [J]', hr: '§7.5, Astorino 2022 [V]; cut-offs [J]', rep1Below: '§7.5 [J]', sdecNormal: '§7.5 [J]' },
  }),
  band({
    id: 'C', name: '500 m (90–150 s)', fromS: 90, toS: 150, repWord: 'rep',
    endSpurt: 1.1, endSpurtMidBelow: null, endSpurtStrong: false, normalEndSpurt: 1.08,
    latePeak: null, rateFloor: 28, flatFade: null,
    hrHighFromRep: 1, hrHigh: 0.9, hrLowFromRep: 1, hrLow: 0.85,
    rep1Below: 0.08, rep1MessageOnly: false, sdecNormal: [5, 20],
    source: { endSpurt: '§7.5 weak flag [J]', latePeak: '§7.5 off (TTP meaningless past band B, §7.3)', rateFloor: '§4 table [J]', flatFade: '§7.5 off', hr: '§7.5 [J]', rep1Below: '§7.5 [J]', sdecNormal: '§7.5 [D/J]' },
  }),
  band({
    id: 'D', name: 'VO2max (2.5–8 min)', fromS: 150, toS: 480, repWord: 'rep',
    endSpurt: 1.2, endSpurtMidBelow: 0.93, endSpurtStrong: true, normalEndSpurt: 1.15,
    latePeak: null, rateFloor: 24, flatFade: null,
    hrHighFromRep: 1, hrHigh: 0.92, hrLowFromRep: 1, hrLow: 0.85,
    rep1Below: 0.1, rep1MessageOnly: true, sdecNormal: [0, 6],
    source: { endSpurt: '§7.5; Tucker 2006, Garland 2005 [V]; thresholds [J]', latePeak: '§7.5 off', rateFloor: '§4 table [J]', flatFade: '§7.5 off', hr: '§7.5, Seiler 2013 [V]; cut-offs [J]', rep1Below: '§7.5 (message only) [J]', sdecNormal: '§5.4 set-paced 0–6 % [D/J]' },
  }),
  band({
    id: 'E', name: 'threshold (8–20 min)', fromS: 480, toS: 1200, repWord: 'rep',
    endSpurt: 1.25, endSpurtMidBelow: 0.92, endSpurtStrong: true, normalEndSpurt: 1.2,
    latePeak: null, rateFloor: 20, flatFade: null,
    hrHighFromRep: 1, hrHigh: 0.88, hrLowFromRep: 1, hrLow: 0.82,
    rep1Below: 0.1, rep1MessageOnly: true, sdecNormal: [0, 5],
    source: { endSpurt: '§7.5 [J]', latePeak: '§7.5 off', rateFloor: '§4 table [J]', flatFade: '§7.5 off', hr: '§7.5, Seiler 2013 [V]; cut-offs [J]', rep1Below: '§7.5 [J]', sdecNormal: '§7.5 [D/J]' },
  }),
  band({
    id: 'F', name: 'long test (> 20 min)', fromS: 1200, toS: Infinity, repWord: 'rep',
    endSpurt: 1.25, endSpurtMidBelow: 0.92, endSpurtStrong: true, normalEndSpurt: 1.2,
    latePeak: null, rateFloor: null, flatFade: null,
    hrHighFromRep: 1, hrHigh: 0.85, hrLowFromRep: 1, hrLow: 0.78,
    rep1Below: null, rep1MessageOnly: true, sdecNormal: [0, 5],
    source: { endSpurt: '§7.5 (same as E) [J]', latePeak: '§7.5 off', rateFloor: '§4: off (rate caps r20 are common)', flatFade: '§7.5 off', hr: '§7.5 mean-HR cut-offs applied to the peak [J]', rep1Below: '§7.5 n/a', sdecNormal: '[J]' },
  }),
]);

/** The band of a work interval of `durationS` seconds. */
export function bandOf(durationS: number): Readonly<BandParams> {
  return BANDS.find((b) => durationS >= b.fromS && durationS < b.toS) ?? BANDS[BANDS.length - 1]!;
}

/** §7.1 overrides [J]: a set is paced when the rests are under half the work or the work adds up to 12 min. */
export const DENSE_REST_SHARE = 0.5;
export const LONG_SET_WORK_S = 12 * 60;
/**
 * A paced set is "dense" — its target averaged with the continuous-effort bound (§7.2) — when the
 * rests are under half the work AND at most 60 s. Departure [J]: §5.4's own 4 × 10:00/3:00 row
 * (0.89 × P2k) comes from the W′ model alone; averaging it with C(40 min) would expect 0.81.
 */
export const DENSE_MAX_REST_S = 60;

/** Whether a paced set's target takes the midpoint with the continuous-effort bound. */
export function isDenseSet(workS: number, restS: number): boolean {
  return restS < DENSE_REST_SHARE * workS && restS <= DENSE_MAX_REST_S;
}

/** "rest ≥ work" within measurement noise. */
export const REST_EQUALS_WORK = 0.9;

export interface SetShape {
  /** this rep's (or the planned) work length, s */
  workS: number;
  /** reps in the set (planned, or assumed) */
  reps: number;
  /** rest between reps, s */
  restS: number;
}

/**
 * Execution mode by §7.1. Departure: band A is never overridden to SET-PACED — the W′ model does
 * not describe ≤ 60-s sprints (§5.3: they are PCr-limited), so the 30-s f(n) stays.
 */
export function executionMode(s: SetShape): ExecutionMode {
  const b = bandOf(s.workS);
  if (s.reps <= 1) return 'single';
  if (b.id === 'A') return 'rep-max';
  if (s.restS < DENSE_REST_SHARE * s.workS || s.reps * s.workS >= LONG_SET_WORK_S) return 'set-paced';
  switch (b.id) {
    case 'B':
      // measured rests run a second or two short of the plan (the segmenter backdates starts):
      // 6 × 1:00/1:00 on the simulator measured 61 s work / 59 s rests and became MIXED [J: 10 %]
      return s.restS >= REST_EQUALS_WORK * s.workS ? 'rep-max' : 'mixed';
    case 'C':
      return 'mixed';
    default:
      return 'set-paced';
  }
}
