/**
 * The power trace policy, the one used by the server's snapshot store (for `hello`) and by the
 * display (for each `sample` after it), so a chart redrawn after a reconnect has the same density as
 * one drawn live: at most one point per second of data time (the newest sample of that second),
 * newest 2 h kept.
 *
 * Why one point per second: it is what `hello` can afford to send to a late joiner (2 h × 1 Hz =
 * 7200 points per rower, ~100 kB of JSON), it is finer than the chart can show (a 10-minute window
 * on a 1920 px wide screen is 3 px per second), and it does not depend on the source's rate (a
 * per-stroke PM5 at 0.5 Hz and a 4 Hz FTMS give the same density), nor on how many samples the
 * display's 4 Hz throttle dropped. Plain data and pure functions on it: no clocks, no I/O.
 */
import type { SessionEvent } from './state.js';

/** Power history of one rower: parallel arrays, t in ms of data time, power in W. */
export interface PowerTrace {
  t: number[];
  powerW: number[];
}

/** Points kept per rower: 2 h at 1 point per second. */
export const TRACE_MAX_POINTS = 7200;
/** Points dropped at once from the old end when the trace is over `TRACE_MAX_POINTS` by this many. */
export const TRACE_TRIM = 600;
/** One point per this much data time. */
export const TRACE_STEP_MS = 1000;

/**
 * Adds one sample's power: a sample in the same second as the last point replaces it (when not
 * older); a sample older than the last point is ignored; the oldest `TRACE_TRIM` points go when the
 * trace grows past `TRACE_MAX_POINTS + TRACE_TRIM`. Changes `tr` in place.
 */
export function addTracePoint(tr: PowerTrace, t: number, powerW: number): void {
  const n = tr.t.length;
  const lastT = tr.t[n - 1];
  if (lastT !== undefined && Math.floor(lastT / TRACE_STEP_MS) === Math.floor(t / TRACE_STEP_MS)) {
    if (t >= lastT) {
      tr.t[n - 1] = t;
      tr.powerW[n - 1] = powerW;
    }
    return;
  }
  if (lastT !== undefined && t < lastT) return;
  tr.t.push(t);
  tr.powerW.push(powerW);
  if (tr.t.length > TRACE_MAX_POINTS + TRACE_TRIM) {
    tr.t.splice(0, TRACE_TRIM);
    tr.powerW.splice(0, TRACE_TRIM);
  }
}

/** Traces per rower id. */
export type PowerTraces = Map<string, PowerTrace>;

/**
 * What one session event does to the traces: a sample with power adds a point to its rower's
 * trace; a rower's new session ('session' 'started') drops that rower's trace (the last session's
 * chart goes with its intervals and summary). Everything else leaves them alone.
 */
export function applyTraceEvent(traces: PowerTraces, ev: SessionEvent): void {
  if (ev.type === 'sample') {
    if (ev.sample.powerW === undefined) return;
    let tr = traces.get(ev.rower);
    if (tr === undefined) traces.set(ev.rower, (tr = { t: [], powerW: [] }));
    addTracePoint(tr, ev.sample.t, ev.sample.powerW);
  } else if (ev.type === 'session' && ev.state === 'started') {
    traces.delete(ev.rower);
  }
}
