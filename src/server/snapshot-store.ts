/**
 * The current session as displays see it: the pipeline's snapshot reducer (`applyEvent`) applied
 * to every SessionEvent, overlaid with names set by people (PUT /api/rowers/:id), plus a ≤ 1 Hz
 * power history per rower so a late joiner can draw the chart.
 */
import type { SessionEvent, SessionSnapshot } from '../pipeline/session-state.js';
import { applyEvent, emptySnapshot } from '../pipeline/session-store.js';
import type { DisplayRowerState, DisplaySnapshot, PowerTrace } from './protocol.js';

/** Names set by people; they win over advertised names. */
export interface RowerProfile {
  name?: string;
  athlete?: string;
}

/** Points kept per rower in the power trace: 2 h at 1 point per second. */
export const TRACE_MAX_POINTS = 7200;
const TRACE_TRIM = 600;
const TRACE_STEP_MS = 1000;

export class SnapshotStore {
  private snap: SessionSnapshot;
  private readonly traces = new Map<string, PowerTrace>();
  private readonly profiles = new Map<string, RowerProfile>();
  private changes = 0;

  constructor(startedAt: string, source: SessionSnapshot['source']) {
    this.snap = emptySnapshot(startedAt, source);
  }

  /** Applies one event to the snapshot (events must arrive in the pipeline's order). */
  apply(ev: SessionEvent): void {
    this.changes++;
    this.snap = applyEvent(this.snap, ev);
    if (ev.type === 'sample' && ev.sample.powerW !== undefined) this.trace(ev.rower, ev.sample.t, ev.sample.powerW);
    else if (ev.type === 'session' && ev.state === 'started') this.traces.delete(ev.rower); // the last session's chart goes with it
  }

  /** Grows on every change to what `snapshot()` and `powerTraces()` return (so a serialised copy can be reused until then). */
  get version(): number {
    return this.changes;
  }

  /** The current snapshot (shares interval objects with the store: serialise it, never mutate it). */
  snapshot(): DisplaySnapshot {
    return { ...this.snap, rowers: this.snap.rowers.map((r) => this.withProfile(r)) };
  }

  /** Power history per rower (shared arrays: serialise at once). */
  powerTraces(): Record<string, PowerTrace> {
    return Object.fromEntries(this.traces);
  }

  has(id: string): boolean {
    return this.snap.rowers.some((r) => r.id === id);
  }

  /** Sets a known rower's display name and/or athlete; returns the rower as displays now see it. */
  setProfile(id: string, profile: RowerProfile): DisplayRowerState | undefined {
    this.changes++;
    this.profiles.set(id, { ...this.profiles.get(id), ...profile });
    const r = this.snap.rowers.find((x) => x.id === id);
    return r && this.withProfile(r);
  }

  /** Starts a new session (e.g. a looping replay starting over): forgets rowers, keeps names. */
  reset(startedAt: string): void {
    this.changes++;
    this.snap = emptySnapshot(startedAt, this.snap.source);
    this.traces.clear();
  }

  private withProfile(r: SessionSnapshot['rowers'][number]): DisplayRowerState {
    const p = this.profiles.get(r.id);
    if (p === undefined) return r;
    return { ...r, ...(p.name !== undefined ? { name: p.name } : {}), ...(p.athlete !== undefined ? { athlete: p.athlete } : {}) };
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
