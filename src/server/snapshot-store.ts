/**
 * The current session as displays see it: the session's live reduction (`applyLiveEvent`: the
 * snapshot reducer plus the ≤ 1 Hz power trace per rower, so a late joiner can draw the chart — the
 * same code the display runs on each message) applied to every SessionEvent, overlaid with names set
 * by people (PUT /api/rowers/:id).
 */
import { applyLiveEvent, type LiveSession } from '../session/live-session.js';
import { emptySnapshot } from '../session/reducer.js';
import type { SessionEvent, SessionSnapshot } from '../session/state.js';
import type { DisplayRowerState, DisplaySnapshot, PowerTrace } from './protocol.js';

/** Names set by people; they win over advertised names. */
export interface RowerProfile {
  name?: string;
  athlete?: string;
}

export class SnapshotStore {
  private readonly live: LiveSession;
  private readonly profiles = new Map<string, RowerProfile>();
  private changes = 0;

  constructor(startedAt: string, source: SessionSnapshot['source']) {
    this.live = { snapshot: emptySnapshot(startedAt, source), traces: new Map() };
  }

  /** Applies one event to the snapshot and traces (events must arrive in the pipeline's order). */
  apply(ev: SessionEvent): void {
    this.changes++;
    applyLiveEvent(this.live, ev);
  }
  /** Grows on every change to what `snapshot()` and `powerTraces()` return (so a serialised copy can be reused until then). */
  get version(): number {
    return this.changes;
  }

  /** The current snapshot (shares interval objects with the store: serialise it, never mutate it). */
  snapshot(): DisplaySnapshot {
    return { ...this.live.snapshot, rowers: this.live.snapshot.rowers.map((r) => this.withProfile(r)) };
  }

  /** Power history per rower (shared arrays: serialise at once). */
  powerTraces(): Record<string, PowerTrace> {
    return Object.fromEntries(this.live.traces);
  }

  has(id: string): boolean {
    return this.live.snapshot.rowers.some((r) => r.id === id);
  }

  /** Sets a known rower's display name and/or athlete; returns the rower as displays now see it. */
  setProfile(id: string, profile: RowerProfile): DisplayRowerState | undefined {
    this.changes++;
    this.profiles.set(id, { ...this.profiles.get(id), ...profile });
    const r = this.live.snapshot.rowers.find((x) => x.id === id);
    return r && this.withProfile(r);
  }

  /** Starts a new session (e.g. a looping replay starting over): forgets rowers, keeps names. */
  reset(startedAt: string): void {
    this.changes++;
    this.live.snapshot = emptySnapshot(startedAt, this.live.snapshot.source);
    this.live.traces.clear();
  }

  private withProfile(r: SessionSnapshot['rowers'][number]): DisplayRowerState {
    const p = this.profiles.get(r.id);
    if (p === undefined) return r;
    return { ...r, ...(p.name !== undefined ? { name: p.name } : {}), ...(p.athlete !== undefined ? { athlete: p.athlete } : {}) };
  }
}
