/**
 * Semantic checks of an activity FIT file that the SDK's own integrity check does not make
 * (docs/interop.md §A7): decoded with @garmin/fitsdk's Decoder, then file_id first and
 * of type activity, exactly one activity and one session, laps numbered 0..n-1 that tile the
 * session (start + elapsed = next start, Σ elapsed = session elapsed), records strictly
 * increasing inside the session, distance and strokes monotone, session totals = last record.
 * Returns the problems found (empty = clean). Pure.
 */
import { Decoder, Stream } from '@garmin/fitsdk';

type Msg = Record<string, unknown>;
const ms = (x: unknown): number => (x instanceof Date ? x.getTime() : Number.NaN);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol;

/** Decode `bytes` with the SDK and check them; the problems found (empty = clean). */
export function lintFit(bytes: Uint8Array): string[] {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  if (!decoder.isFIT() || !decoder.checkIntegrity()) return ['not a valid FIT file (header or CRC)'];
  const order: number[] = [];
  const { messages, errors } = decoder.read({ mesgListener: (n: number) => order.push(n) });
  if (errors.length > 0) return [`decoder: ${String(errors[0])}`];
  return lintDecoded(messages as unknown as Record<string, Msg[] | undefined>, order);
}

/** The semantic checks over messages the SDK decoded (`order`: message numbers as decoded). */
export function lintDecoded(m: Readonly<Record<string, Msg[] | undefined>>, order: readonly number[]): string[] {
  const problems: string[] = [];
  const list = (k: string): Msg[] => m[k] ?? [];
  if (order[0] !== 0) problems.push('file_id is not the first message');
  if (list('fileIdMesgs')[0]?.['type'] !== 'activity') problems.push('file_id.type is not activity');
  const sessions = list('sessionMesgs');
  const activities = list('activityMesgs');
  if (activities.length !== 1) problems.push(`${activities.length} activity messages (expected 1)`);
  if (sessions.length !== 1) return [...problems, `${sessions.length} session messages (expected 1)`];
  const session = sessions[0]!;
  if (num(activities[0]?.['numSessions']) !== 1) problems.push('activity.num_sessions is not 1');
  const laps = list('lapMesgs');
  if (num(session['numLaps']) !== laps.length) problems.push(`session.num_laps ${String(session['numLaps'])} but ${laps.length} laps`);
  const s0 = ms(session['startTime']);
  const sElapsed = num(session['totalElapsedTime']) ?? Number.NaN;
  let cursor = s0;
  let sum = 0;
  laps.forEach((lap, i) => {
    if (num(lap['messageIndex']) !== i) problems.push(`lap ${i}: message_index ${String(lap['messageIndex'])}`);
    const start = ms(lap['startTime']);
    const elapsed = (num(lap['totalElapsedTime']) ?? Number.NaN) * 1000;
    if (!near(start, cursor, 1)) problems.push(`lap ${i} starts at ${new Date(start).toISOString()}, not where the previous one ended`);
    if (!(elapsed > 0)) problems.push(`lap ${i}: elapsed time ${elapsed / 1000} s`);
    cursor = start + elapsed;
    sum += elapsed;
    for (const k of ['sport', 'subSport'] as const) if (lap[k] !== session[k]) problems.push(`lap ${i}: ${k} differs from the session's`);
  });
  if (!near(sum, sElapsed * 1000, laps.length)) problems.push(`laps add up to ${sum / 1000} s, the session is ${sElapsed} s`);
  const sEnd = s0 + sElapsed * 1000;
  const records = list('recordMesgs');
  if (records.length === 0) problems.push('no records');
  let prevT = Number.NEGATIVE_INFINITY;
  let prevD = 0;
  let prevC = 0;
  records.forEach((r, i) => {
    const t = ms(r['timestamp']);
    if (!(t > prevT)) problems.push(`record ${i}: timestamp does not increase`);
    if (t < s0 || t > sEnd) problems.push(`record ${i}: outside the session`);
    prevT = t;
    const d = num(r['distance']);
    if (d !== undefined) {
      if (d < prevD) problems.push(`record ${i}: distance decreases`);
      prevD = d;
    }
    const c = num(r['totalCycles']);
    if (c !== undefined) {
      if (c < prevC) problems.push(`record ${i}: total_cycles decreases`);
      prevC = c;
    }
  });
  if (!near(num(session['totalDistance']) ?? 0, prevD, 0.011)) problems.push(`session distance ${String(session['totalDistance'])} m, last record ${prevD} m`);
  if ((num(session['totalCycles']) ?? 0) !== prevC) problems.push(`session strokes ${String(session['totalCycles'])}, last record ${prevC}`);
  const lapDist = laps.reduce((a, l) => a + (num(l['totalDistance']) ?? 0), 0);
  if (!near(lapDist, num(session['totalDistance']) ?? 0, 0.01 * Math.max(1, laps.length))) problems.push(`laps add up to ${lapDist} m, the session is ${String(session['totalDistance'])} m`);
  return problems;
}
