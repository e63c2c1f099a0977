/**
 * The current session as displays see it, kept by applying every SessionEvent in order (a reducer
 * over the pipeline's event stream), plus a ≤ 1 Hz power history per rower for late joiners' charts.
 * Written here because no pipeline reducer existed when the server needed one.
 */
import type { SessionEvent, SessionSnapshot } from '../pipeline/session-state.js';
import type { Interval } from '../analysis/types.js';
import type { DisplayRowerState, DisplaySnapshot, PowerTrace } from './protocol.js';

/** Names set by people (PUT /api/rowers/:id); they win over advertised names. */
export interface RowerProfile {
  name?: string;
  athlete?: string;
}

/** Points kept per rower in the power trace: 2 h at 1 point per second. */
export const TRACE_MAX_POINTS = 7200;
const TRACE_TRIM = 600;
const TRACE_STEP_MS = 1000;

export class SnapshotStore {
  private readonly rowers = new Map<string, DisplayRowerState>();
  private readonly traces = new Map<string, PowerTrace>();
  private readonly profiles = new Map<string, RowerProfile>();

  constructor(
    private startedAt: string,
    private source: SessionSnapshot['source'],
  ) {}

  /** Applies one event to the snapshot (events must arrive in the pipeline's order). */
  apply(ev: SessionEvent): void {
    switch (ev.type) {
      case 'rower': {
        const r = this.rower(ev.rower, ev.name);
        r.name = this.profiles.get(ev.rower)?.name ?? ev.name;
        r.connected = ev.connected;
        r.t = Math.max(r.t, ev.t);
        return;
      }
      case 'sample': {
        const r = this.rower(ev.rower);
        if (r.last === undefined || ev.sample.t >= r.last.t) r.last = ev.sample;
        r.t = Math.max(r.t, ev.sample.t);
        if (ev.sample.powerW !== undefined) this.trace(ev.rower, ev.sample.t, ev.sample.powerW);
        return;
      }
      case 'phase': {
        const r = this.rower(ev.phase.rower);
        r.phase = ev.phase;
        return;
      }
      case 'interval':
        return this.addInterval(ev.interval);
      case 'plan':
        this.rower(ev.rower).plan = ev.plan;
        return;
      case 'summary':
        this.rower(ev.rower).summary = ev.summary;
        return;
    }
  }

  /** The current snapshot. Shares objects with the store: serialise it at once, never mutate it. */
  snapshot(): DisplaySnapshot {
    return { startedAt: this.startedAt, source: this.source, rowers: [...this.rowers.values()] };
  }

  /** Power history per rower (shared arrays: serialise at once). */
  powerTraces(): Record<string, PowerTrace> {
    return Object.fromEntries(this.traces);
  }

  has(id: string): boolean {
    return this.rowers.has(id);
  }

  /** Sets a rower's display name and/or athlete; returns the updated rower (created if unknown). */
  setProfile(id: string, profile: RowerProfile): DisplayRowerState {
    const merged = { ...this.profiles.get(id), ...profile };
    this.profiles.set(id, merged);
    const r = this.rower(id);
    if (merged.name !== undefined) r.name = merged.name;
    if (merged.athlete !== undefined) r.athlete = merged.athlete;
    return r;
  }

  /** Starts a new session (e.g. a looping replay starting over): forgets rowers but keeps profiles. */
  reset(startedAt: string, source: SessionSnapshot['source'] = this.source): void {
    this.startedAt = startedAt;
    this.source = source;
    this.rowers.clear();
    this.traces.clear();
  }

  private rower(id: string, advertised?: string): DisplayRowerState {
    let r = this.rowers.get(id);
    if (r === undefined) {
      const profile = this.profiles.get(id);
      r = { id, name: profile?.name ?? advertised ?? id, connected: true, t: 0, phase: null, intervals: [] };
      if (profile?.athlete !== undefined) r.athlete = profile.athlete;
      this.rowers.set(id, r);
    }
    return r;
  }

  private addInterval(iv: Interval): void {
    const list = this.rower(iv.rower).intervals;
    const same = list.findIndex((x) => x.kind === iv.kind && x.index === iv.index);
    if (same >= 0) list[same] = iv;
    else {
      list.push(iv);
      if (list.length > 1 && (list[list.length - 2]?.start ?? 0) > iv.start) list.sort((a, b) => a.start - b.start);
    }
  }

  private trace(id: string, t: number, powerW: number): void {
    let tr = this.traces.get(id);
    if (tr === undefined) this.traces.set(id, (tr = { t: [], powerW: [] }));
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
}
