/**
 * FIT activity export with the official @garmin/fitsdk Encoder, Summary Last like Garmin devices
 * (docs/interop.md §A5): file_id, file_creator, developer_data_id + field_descriptions,
 * device_info, timer start, 1 Hz records (timer stop/start around a lost link), one lap per
 * segment, the same boundaries as splits + split_summary, session, timer stop_all, activity.
 * Every message is built whole, then clamped against the field table, and only then encoded; a
 * throw anywhere aborts the whole file. The result is decoded back and linted before it is returned.
 */
import { Encoder, Profile } from '@garmin/fitsdk';
import type { ExportInput } from './export-input.js';
import { clampMesg, fitEnum, type Clamped } from './fit-fields.js';
import { DEVELOPER_FIELDS, developerDataIdMesg, devValue, fieldDescriptionMesg, verdictCode, type DeveloperField } from './fit-developer-fields.js';
import { lintFit } from './fit-lint.js';
import { lapTotals, sessionTotals, type LapTotals } from './lap-summary.js';
import { ExportError, timelineOf, type ExportSegment, type Timeline } from './timeline.js';

export interface FitOptions {
  /** ergsprint's version, "0.1.0" (file_creator and device_info software version) */
  softwareVersion?: string;
  /** the session's UTC offset, minutes (activity.local_timestamp); omitted when unknown */
  utcOffsetMin?: number;
  /** decode the file back and lint it before returning (default true; tests that lint the decoded file themselves turn it off) */
  lint?: boolean;
}

export interface FitExport {
  bytes: Uint8Array;
  /** values that were out of their FIT range and were clamped */
  clamped: Clamped[];
}

type Mesg = Record<string, unknown>;

/** 1989-12-31T00:00:00Z in Unix seconds. */
const FIT_EPOCH_S = 631065600;

function mesgNum(name: string): number {
  const n = (Profile.MesgNum as Record<string, number | undefined>)[name];
  if (n === undefined) throw new Error(`FIT profile has no message ${name}`);
  return n;
}

const INTENSITY: Record<ExportSegment['kind'], string> = { warmup: 'warmup', work: 'active', rest: 'rest', cooldown: 'cooldown', session: 'active' };
const SPLIT_TYPE: Record<ExportSegment['kind'], string> = { warmup: 'intervalWarmup', work: 'intervalActive', rest: 'intervalRest', cooldown: 'intervalCooldown', session: 'intervalActive' };

const versionNumber = (v: string): number => {
  const [a = 0, b = 0, c = 0] = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return a * 100 + b * 10 + c;
};

const dev = (f: DeveloperField, v: number): Record<number, number> => ({ [f.key]: devValue(f, v) });

/** FIT manufacturer of a rower from its Device Information name (never a spoofed Garmin). */
function manufacturerOf(name: string | undefined): number {
  const n = (name ?? '').toLowerCase();
  if (n.includes('concept2') || n.includes('concept 2')) return fitEnum('manufacturer', 'concept2');
  if (n.includes('waterrower')) return fitEnum('manufacturer', 'waterrower');
  return fitEnum('manufacturer', 'development');
}

const text = (s: string, max = 32): string => s.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);

/** wkt_step_index of each segment when a plan ran: warm-up, then work/rest alternating, then cool-down right after the last step. */
function stepIndices(segments: readonly ExportSegment[]): number[] {
  const w = segments.some((s) => s.kind === 'warmup') ? 1 : 0;
  let last = -1;
  return segments.map((seg) => {
    if (seg.kind === 'work') last = w + 2 * (seg.index - 1);
    else if (seg.kind === 'rest') last = w + 2 * (seg.index - 1) + 1;
    else if (seg.kind === 'cooldown') last += 1;
    else last = 0;
    return last;
  });
}

function lapTrigger(last: boolean, planned: boolean): number {
  if (last) return fitEnum('lapTrigger', 'sessionEnd');
  return fitEnum('lapTrigger', planned ? 'time' : 'fitnessEquipment');
}

function speedFields(t: LapTotals, enhanced: boolean): Mesg {
  const m: Mesg = {};
  if (t.avgSpeedMps !== undefined) m[enhanced ? 'enhancedAvgSpeed' : 'avgSpeed'] = t.avgSpeedMps;
  if (t.maxSpeedMps !== undefined) m[enhanced ? 'enhancedMaxSpeed' : 'maxSpeed'] = t.maxSpeedMps;
  return m;
}

function statFields(t: LapTotals): Mesg {
  const m: Mesg = {
    totalElapsedTime: t.elapsedS,
    totalTimerTime: t.timerS,
    totalDistance: t.distanceM,
    totalCycles: t.strokes,
    ...speedFields(t, false),
    ...speedFields(t, true),
  };
  if (t.workJ !== undefined) m['totalWork'] = t.workJ;
  if (t.energyKcal !== undefined) m['totalCalories'] = t.energyKcal;
  if (t.avgPowerW !== undefined) m['avgPower'] = t.avgPowerW;
  if (t.maxPowerW !== undefined) m['maxPower'] = t.maxPowerW;
  if (t.avgStrokeRate !== undefined) {
    m['avgCadence'] = Math.floor(t.avgStrokeRate);
    m['avgFractionalCadence'] = t.avgStrokeRate - Math.floor(t.avgStrokeRate);
  }
  if (t.maxStrokeRate !== undefined) m['maxCadence'] = t.maxStrokeRate;
  if (t.avgHeartRate !== undefined) m['avgHeartRate'] = t.avgHeartRate;
  if (t.maxHeartRate !== undefined) m['maxHeartRate'] = t.maxHeartRate;
  if (t.minHeartRate !== undefined) m['minHeartRate'] = t.minHeartRate;
  if (t.strokes > 0) m['avgStrokeDistance'] = t.distanceM / t.strokes;
  return m;
}

/** Every message of the file, in order, as [message name, fields]; pure. */
export function fitMessages(input: ExportInput, tl: Timeline, opts: FitOptions = {}): Array<[string, Mesg]> {
  const t0 = Date.parse(input.startedAt);
  const at = (ms: number): Date => new Date(t0 + ms);
  const version = versionNumber(opts.softwareVersion ?? '0.1.0');
  const out: Array<[string, Mesg]> = [];
  const push = (name: string, m: Mesg): void => {
    out.push([name, m]);
  };
  const start = at(tl.startMs);
  const end = at(tl.endMs);
  const rowing = { sport: fitEnum('sport', 'rowing'), subSport: fitEnum('subSport', 'indoorRowing') };

  push('fileId', { type: fitEnum('file', 'activity'), manufacturer: fitEnum('manufacturer', 'development'), product: 1, timeCreated: start, productName: 'ergsprint' });
  push('fileCreator', { softwareVersion: version });
  push('developerDataId', { ...developerDataIdMesg(version) });
  for (const f of Object.values(DEVELOPER_FIELDS)) push('fieldDescription', { ...fieldDescriptionMesg(f) });
  push('deviceInfo', { timestamp: start, deviceIndex: 0, manufacturer: fitEnum('manufacturer', 'development'), product: 1, productName: 'ergsprint', softwareVersion: version / 100 });
  input.devices.forEach((d, i) => {
    const m: Mesg = { timestamp: start, deviceIndex: i + 1, manufacturer: manufacturerOf(d.manufacturer ?? d.name), productName: text(d.model ?? d.name), sourceType: fitEnum('sourceType', 'bluetoothLowEnergy') };
    push('deviceInfo', m);
  });
  push('event', { timestamp: start, event: fitEnum('event', 'timer'), eventType: fitEnum('eventType', 'start') });

  // records, with timer stop/start at each lost link (events in time order among the records)
  const pauses = [...tl.pauses];
  for (const r of tl.records) {
    while (pauses.length > 0 && pauses[0]!.fromMs <= r.t) {
      const p = pauses.shift()!;
      push('event', { timestamp: at(p.fromMs), event: fitEnum('event', 'timer'), eventType: fitEnum('eventType', 'stop') });
      push('event', { timestamp: at(p.toMs), event: fitEnum('event', 'timer'), eventType: fitEnum('eventType', 'start') });
    }
    const m: Mesg = { timestamp: at(r.t), totalCycles: r.strokes, activityType: fitEnum('activityType', 'fitnessEquipment') };
    if (r.powerW !== undefined) m['power'] = r.powerW;
    if (r.strokeRate !== undefined) {
      m['cadence'] = Math.floor(r.strokeRate);
      m['fractionalCadence'] = r.strokeRate - Math.floor(r.strokeRate);
    }
    if (r.heartRate !== undefined) m['heartRate'] = r.heartRate;
    if (r.distanceM !== undefined) m['distance'] = r.distanceM;
    if (r.speedMps !== undefined) {
      m['speed'] = r.speedMps;
      m['enhancedSpeed'] = r.speedMps;
    }
    m['developerFields'] = dev(DEVELOPER_FIELDS.WorkoutState, r.workState);
    push('record', m);
  }

  const laps = tl.segments.map((seg) => lapTotals(tl, seg));
  const steps = stepIndices(tl.segments);
  tl.segments.forEach((seg, i) => {
    const t = laps[i]!;
    const m: Mesg = {
      messageIndex: i,
      timestamp: at(seg.endMs),
      startTime: at(seg.startMs),
      event: fitEnum('event', 'lap'),
      eventType: fitEnum('eventType', 'stop'),
      intensity: fitEnum('intensity', INTENSITY[seg.kind]),
      lapTrigger: lapTrigger(i === tl.segments.length - 1, input.planned),
      ...rowing,
      ...statFields(t),
    };
    if (seg.kind === 'work' || seg.kind === 'rest') m['repetitionNum'] = seg.index;
    if (input.planned) m['wktStepIndex'] = steps[i]!;
    const v = seg.interval?.verdict;
    if (seg.kind === 'work') {
      const d: Record<number, number> = { ...dev(DEVELOPER_FIELDS.VerdictCode, verdictCode(v)) };
      if (v?.allOut !== null && v?.allOut !== undefined) Object.assign(d, dev(DEVELOPER_FIELDS.AllOut, v.allOut ? 1 : 0));
      if (v !== undefined && Number.isFinite(v.score)) Object.assign(d, dev(DEVELOPER_FIELDS.AllOutScore, v.score));
      if (v?.expectedPowerW !== undefined && Number.isFinite(v.expectedPowerW)) Object.assign(d, dev(DEVELOPER_FIELDS.ExpectedPower, v.expectedPowerW));
      m['developerFields'] = d;
    }
    push('lap', m);
  });

  tl.segments.forEach((seg, i) => {
    const t = laps[i]!;
    push('split', { messageIndex: i, splitType: fitEnum('splitType', SPLIT_TYPE[seg.kind]), startTime: at(seg.startMs), endTime: at(seg.endMs), totalElapsedTime: t.elapsedS, totalTimerTime: t.timerS, totalDistance: t.distanceM, ...speedFields(t, false), ...(t.energyKcal === undefined ? {} : { totalCalories: t.energyKcal }) });
  });
  const types = [...new Set(tl.segments.map((s) => SPLIT_TYPE[s.kind]))];
  types.forEach((type, i) => {
    const mine = tl.segments.flatMap((s, j) => (SPLIT_TYPE[s.kind] === type ? [laps[j]!] : []));
    const timer = mine.reduce((a, l) => a + l.timerS, 0);
    const dist = mine.reduce((a, l) => a + l.distanceM, 0);
    const m: Mesg = { messageIndex: i, splitType: fitEnum('splitType', type), numSplits: mine.length, totalTimerTime: timer, totalDistance: dist };
    if (timer > 0 && dist > 0) m['avgSpeed'] = dist / timer;
    const maxSpeed = Math.max(...mine.map((l) => l.maxSpeedMps ?? 0));
    if (maxSpeed > 0) m['maxSpeed'] = maxSpeed;
    const hr = mine.flatMap((l) => (l.avgHeartRate === undefined ? [] : [l.avgHeartRate]));
    if (hr.length > 0) m['avgHeartRate'] = hr.reduce((a, b) => a + b, 0) / hr.length;
    const maxHr = Math.max(...mine.map((l) => l.maxHeartRate ?? 0));
    if (maxHr > 0) m['maxHeartRate'] = maxHr;
    push('splitSummary', m);
  });

  const total = sessionTotals(tl, laps);
  const session: Mesg = {
    messageIndex: 0,
    timestamp: end,
    startTime: start,
    event: fitEnum('event', 'session'),
    eventType: fitEnum('eventType', 'stop'),
    trigger: fitEnum('sessionTrigger', 'activityEnd'),
    ...rowing,
    ...statFields(total),
    firstLapIndex: 0,
    numLaps: laps.length,
  };
  const s = input.summary;
  if (s !== undefined) {
    const d: Record<number, number> = { ...dev(DEVELOPER_FIELDS.AllOutCount, s.allOut), ...dev(DEVELOPER_FIELDS.RepCount, s.sprints) };
    if (s.decrementPct !== undefined && Number.isFinite(s.decrementPct)) Object.assign(d, dev(DEVELOPER_FIELDS.DecrementScore, s.decrementPct));
    session['developerFields'] = d;
  }
  push('session', session);
  push('event', { timestamp: end, event: fitEnum('event', 'timer'), eventType: fitEnum('eventType', 'stopAll') });
  const activity: Mesg = { timestamp: end, totalTimerTime: total.timerS, numSessions: 1, type: fitEnum('activity', 'manual'), event: fitEnum('event', 'activity'), eventType: fitEnum('eventType', 'stop') };
  // local_timestamp is a plain number: seconds since the FIT epoch (1989-12-31T00:00:00Z) in local time
  if (opts.utcOffsetMin !== undefined) activity['localTimestamp'] = Math.round(end.getTime() / 1000) - FIT_EPOCH_S + opts.utcOffsetMin * 60;
  push('activity', activity);
  return out;
}

/** Field names that are not numbers-with-a-range (dates, strings, arrays, developer fields). */
const UNRANGED = new Set(['timestamp', 'timeCreated', 'startTime', 'endTime', 'productName', 'fieldName', 'units', 'applicationId', 'developerFields']);

/**
 * Encode one rower's session as a FIT activity file. Throws ExportError: NO_DATA (nothing to
 * export), INVALID (a message could not be encoded: no partial file is ever returned) or LINT
 * (the decoded file breaks a rule, see fit-lint.ts).
 */
export function encodeFit(input: ExportInput, opts: FitOptions = {}): FitExport {
  const tl = timelineOf(input);
  checkDates(input.startedAt, tl);
  const clamped: Clamped[] = [];
  const messages = fitMessages(input, tl, opts);
  for (const [name, m] of messages) {
    const numeric: Mesg = Object.fromEntries(Object.entries(m).filter(([k]) => !UNRANGED.has(k)));
    clampMesg(name, numeric, clamped);
    for (const k of Object.keys(m)) if (!UNRANGED.has(k)) delete m[k];
    Object.assign(m, numeric);
  }
  let bytes: Uint8Array;
  try {
    const fieldDescriptions = Object.fromEntries(Object.values(DEVELOPER_FIELDS).map((f) => [f.key, { developerDataIdMesg: developerDataIdMesg(versionNumber(opts.softwareVersion ?? '0.1.0')), fieldDescriptionMesg: fieldDescriptionMesg(f) }]));
    const encoder = new Encoder({ fieldDescriptions });
    for (const [name, m] of messages) encoder.writeMesg({ mesgNum: mesgNum(constName(name)), ...m });
    bytes = encoder.close();
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Object && 'message' in err.cause ? `: ${String(err.cause.message)}` : '';
    throw new ExportError('INVALID', `FIT encoding failed, no file written: ${err instanceof Error ? err.message : String(err)}${cause}`);
  }
  const problems = opts.lint === false ? [] : lintFit(bytes);
  if (problems.length > 0) throw new ExportError('LINT', `the FIT file failed its check, no file written: ${problems[0]!}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return { bytes, clamped };
}

/**
 * FIT date_time is uint32 seconds since the FIT epoch, and values below 0x10000000 mean "seconds
 * since power-on", not a date (FIT SDK profile, type date_time): a session outside 1998-07 … 2126-02
 * would be wrapped or misread, so it is refused before encoding.
 */
function checkDates(startedAt: string, tl: Timeline): void {
  const t0 = Date.parse(startedAt);
  const first = (t0 + tl.startMs) / 1000 - FIT_EPOCH_S;
  const last = (t0 + tl.endMs) / 1000 - FIT_EPOCH_S;
  if (!Number.isFinite(t0)) throw new ExportError('INVALID', `startedAt "${startedAt}" is not a date`);
  if (first < 0x10000000 || last > 0xfffffffe) throw new ExportError('INVALID', `the session (${startedAt}) is outside the dates a FIT file can hold (1998-07 to 2126-02)`);
}

/** 'splitSummary' → 'SPLIT_SUMMARY' */
const constName = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** The FIT file of one rower's analysed session (the seam importers and tests use). */
export function exportFit(input: ExportInput, opts: FitOptions = {}): Uint8Array {
  return encodeFit(input, opts).bytes;
}
