/**
 * The WebSocket hub: every display gets `hello` (full snapshot) then each SessionEvent as it comes,
 * serialised once and fanned out. Samples are throttled per rower; a client whose socket buffer is
 * full is skipped for samples and closed when it stays stalled or its buffer passes a hard limit,
 * so one slow display never delays the others and nothing is buffered without bound.
 */
import type { WebSocket } from 'ws';
import { DEFAULTS } from '../config.js';
import type { SessionEvent } from '../session/state.js';
import { PROTOCOL_VERSION, type HelloMessage } from './protocol.js';
import { SampleThrottle, type ThrottleClock } from './sample-throttle.js';
import type { SnapshotStore } from './snapshot-store.js';

export interface HubOptions {
  /** most displays connected at once */
  maxClients: number;
  /** most displays connected at once from one client address (so one machine can not take every slot) */
  maxClientsPerAddress: number;
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

/** The hub's defaults: DEFAULTS.hub (src/config.ts, where each is explained). */
export const HUB_DEFAULTS: HubOptions = { ...DEFAULTS.hub };

/** Counters for /api/health and the benchmarks. */
export interface HubStats {
  clients: number;
  messagesSent: number;
  samplesSkipped: number;
  clientsDropped: number;
}

interface Client {
  ws: WebSocket;
  /** the peer's address, as counted for maxClientsPerAddress */
  address: string;
  /** wall time (performance.now) since which the client is above the soft limit */
  stalledSince?: number;
}

/** WebSocket close code for a display over the client limits (when two upgrades raced past the HTTP check). */
export const CLOSE_TOO_MANY = 1013;

export class WsHub {
  private readonly clients = new Set<Client>();
  private readonly perAddress = new Map<string, number>();
  /** `hello` serialised once per store change, not once per connection */
  private helloCache: { version: number; data: Buffer } | undefined;
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

  /** True when `address` already has its most displays connected. */
  fullFor(address: string): boolean {
    return (this.perAddress.get(address) ?? 0) >= this.opts.maxClientsPerAddress;
  }

  /** Applies an event to the snapshot and sends it to every display (samples throttled). */
  publish(ev: SessionEvent): void {
    this.store.apply(ev);
    if (ev.type === 'sample') this.throttle.push(ev);
    else this.fanOut(ev, false);
  }

  /** Registers a connected display from `address` and sends it `hello`; closes it (1013) when over a limit. */
  add(ws: WebSocket, address: string): void {
    ws.on('error', () => ws.terminate());
    if (this.full || this.fullFor(address)) {
      ws.close(CLOSE_TOO_MANY, 'too many displays');
      return;
    }
    const client: Client = { ws, address };
    this.clients.add(client);
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    this.stats.clients = this.clients.size;
    ws.on('close', () => this.forget(client));
    ws.send(this.helloData(), { binary: false });
    this.stats.messagesSent++;
  }

  /** A new session begins (e.g. a looping replay starts over): clear the snapshot, re-send `hello`. */
  reset(startedAt: string): void {
    this.store.reset(startedAt);
    this.throttle.close();
    const data = this.helloData();
    for (const c of this.clients) {
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(data, { binary: false });
    }
  }

  /** Changes the banner every display shows (undefined: none) and re-sends `hello` so they show it now. */
  setBanner(text: string | undefined): void {
    if (text === undefined) delete this.opts.banner;
    else this.opts.banner = text;
    this.helloCache = undefined;
    const data = this.helloData();
    for (const c of this.clients) {
      if (c.ws.readyState === c.ws.OPEN) c.ws.send(data, { binary: false });
    }
  }

  /** The `hello` message, serialised once per change of the session (or of the banner). */
  private helloData(): Buffer {
    const version = this.store.version;
    if (this.helloCache?.version === version) return this.helloCache.data;
    const hello: HelloMessage = {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      snapshot: this.store.snapshot(),
      traces: this.store.powerTraces(),
      ...(this.opts.banner !== undefined ? { banner: this.opts.banner } : {}),
    };
    this.helloCache = { version, data: Buffer.from(JSON.stringify(hello)) };
    return this.helloCache.data;
  }

  private forget(c: Client): void {
    if (!this.clients.delete(c)) return;
    const n = (this.perAddress.get(c.address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(c.address, n);
    else this.perAddress.delete(c.address);
    this.stats.clients = this.clients.size;
  }

  /** Closes every display and stops pending samples. */
  close(): void {
    this.throttle.close();
    for (const c of this.clients) c.ws.close(1001, 'server shutting down');
    this.clients.clear();
    this.perAddress.clear();
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
    this.forget(c);
    this.stats.clientsDropped++;
    // terminate, not close: a stalled peer would never read a close frame behind its full buffer
    c.ws.terminate();
  }
}
