/**
 * The WebSocket hub: every display gets `hello` (full snapshot) then each SessionEvent as it comes,
 * serialised once and fanned out. Samples are throttled per rower; a client whose socket buffer is
 * full is skipped for samples and closed when it stays stalled or its buffer passes a hard limit,
 * so one slow display never delays the others and nothing is buffered without bound.
 */
import type { WebSocket } from 'ws';
import type { SessionEvent } from '../pipeline/session-state.js';
import { PROTOCOL_VERSION, type HelloMessage } from './protocol.js';
import { SampleThrottle, type ThrottleClock } from './sample-throttle.js';
import type { SnapshotStore } from './snapshot-store.js';

export interface HubOptions {
  /** most displays connected at once */
  maxClients: number;
  /** minimum wall time between two `sample` messages of one rower, ms (250 = 4 Hz) */
  sampleIntervalMs: number;
  /** above this many unsent bytes a client gets no samples, bytes */
  softLimitBytes: number;
  /** above this many unsent bytes a client is closed, bytes */
  hardLimitBytes: number;
  /** a client above the soft limit for this long is closed, ms */
  stallTimeoutMs: number;
  banner?: string;
  clock?: ThrottleClock;
}

export const HUB_DEFAULTS: HubOptions = {
  maxClients: 250,
  sampleIntervalMs: 250,
  softLimitBytes: 256 * 1024,
  hardLimitBytes: 4 * 1024 * 1024,
  stallTimeoutMs: 10_000,
};

/** Counters for /api/health and the benchmarks. */
export interface HubStats {
  clients: number;
  messagesSent: number;
  samplesSkipped: number;
  clientsDropped: number;
}

interface Client {
  ws: WebSocket;
  /** wall time (performance.now) since which the client is above the soft limit */
  stalledSince?: number;
}

/** WebSocket close code for a display dropped because it could not keep up. */
export const CLOSE_TOO_SLOW = 4008;

export class WsHub {
  private readonly clients = new Set<Client>();
  private readonly throttle: SampleThrottle;
  private readonly opts: HubOptions;
  readonly stats: HubStats = { clients: 0, messagesSent: 0, samplesSkipped: 0, clientsDropped: 0 };

  constructor(
    private readonly store: SnapshotStore,
    opts: Partial<HubOptions> = {},
  ) {
    this.opts = { ...HUB_DEFAULTS, ...opts };
    this.throttle = new SampleThrottle(this.opts.sampleIntervalMs, (ev) => this.fanOut(ev, true), this.opts.clock);
  }

  get size(): number {
    return this.clients.size;
  }

  get full(): boolean {
    return this.clients.size >= this.opts.maxClients;
  }

  /** Applies an event to the snapshot and sends it to every display (samples throttled). */
  publish(ev: SessionEvent): void {
    this.store.apply(ev);
    if (ev.type === 'sample') this.throttle.push(ev);
    else this.fanOut(ev, false);
  }

  /** Registers a connected display and sends it `hello`. */
  add(ws: WebSocket): void {
    const client: Client = { ws };
    this.clients.add(client);
    this.stats.clients = this.clients.size;
    ws.on('close', () => {
      this.clients.delete(client);
      this.stats.clients = this.clients.size;
    });
    ws.on('error', () => ws.terminate());
    ws.send(JSON.stringify(this.hello()));
    this.stats.messagesSent++;
  }

  /** A new session begins (e.g. a looping replay starts over): clear the snapshot, re-send `hello`. */
  reset(startedAt: string): void {
    this.store.reset(startedAt);
    this.throttle.close();
    const data = Buffer.from(JSON.stringify(this.hello()));
    for (const c of this.clients) {
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(data, { binary: false });
    }
  }

  /** Changes the banner every display shows (undefined: none) and re-sends `hello` so they show it now. */
  setBanner(text: string | undefined): void {
    if (text === undefined) delete this.opts.banner;
    else this.opts.banner = text;
    const data = Buffer.from(JSON.stringify(this.hello()));
    for (const c of this.clients) {
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(data, { binary: false });
    }
  }

  private hello(): HelloMessage {
    return {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      snapshot: this.store.snapshot(),
      traces: this.store.powerTraces(),
      ...(this.opts.banner !== undefined ? { banner: this.opts.banner } : {}),
    };
  }

  /** Closes every display and stops pending samples. */
  close(): void {
    this.throttle.close();
    for (const c of this.clients) c.ws.close(1001, 'server shutting down');
    this.clients.clear();
  }

  private fanOut(ev: SessionEvent, droppable: boolean): void {
    if (this.clients.size === 0) return;
    const data = Buffer.from(JSON.stringify(ev));
    const now = this.opts.clock?.now() ?? performance.now();
    for (const c of this.clients) {
      const ws = c.ws;
      if (ws.readyState !== ws.OPEN) continue;
      const queued = ws.bufferedAmount;
      if (queued > this.opts.hardLimitBytes) {
        this.drop(c);
        continue;
      }
      if (queued > this.opts.softLimitBytes) {
        c.stalledSince ??= now;
        if (now - c.stalledSince > this.opts.stallTimeoutMs) {
          this.drop(c);
          continue;
        }
        if (droppable) {
          this.stats.samplesSkipped++;
          continue;
        }
      } else c.stalledSince = undefined;
      ws.send(data, { binary: false });
      this.stats.messagesSent++;
    }
  }

  private drop(c: Client): void {
    this.clients.delete(c);
    this.stats.clients = this.clients.size;
    this.stats.clientsDropped++;
    // terminate, not close: a stalled peer would never read a close frame behind its full buffer
    c.ws.terminate();
  }
}
