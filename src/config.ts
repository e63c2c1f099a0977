/**
 * The daemon's defaults, in one place (STYLE habit 11): every CLI flag default is derived from
 * this object (src/cli/*.ts), and the modules that have a built-in default (the WebSocket hub, the
 * server limits, the BLE timeouts) take theirs from it. Imports nothing. Frozen: read, never
 * written; a user's flags override a copy.
 */

export const DEFAULTS = Object.freeze({
  /** the display server (live, replay, start) */
  server: Object.freeze({
    /** HTTP/WebSocket port of the display; 0 = any free port */
    port: 8080,
    /** listen on loopback only: another interface exposes the room and needs the printed token */
    host: '127.0.0.1',
  }),
  /** when a live session ends without a `stop` (lifecycle): no data for this long, s */
  idleEndS: 300,
  /** Bluetooth (live, scan, start) */
  ble: Object.freeze({
    /** `live --timeout`: give up when no rower is found within this, s */
    findTimeoutS: 30,
    /** `scan --timeout`: how long to listen, s */
    scanS: 8,
    /** per-step limits of the BLE source, ms (DEFAULT_TIMEOUTS in src/sources/ble/ble-source.ts is this) */
    adapterMs: 10_000,
    connectMs: 15_000,
    callMs: 5_000,
    /** reconnect backoff after a lost link, ms: first try, then doubling up to the cap */
    reconnectInitialMs: 1_000,
    reconnectMaxMs: 30_000,
    /** data-time heartbeat of a live source, ms ("nothing for N s" is decided from data, DESIGN "Time") */
    heartbeatMs: 1_000,
  }),
  /** replaying a recording to the display */
  replay: Object.freeze({
    /** `replay --speed`, × real time */
    speed: 1,
    /** `start --demo` (and `start` without Bluetooth): the looping demo's speed, × real time */
    demoSpeed: 2,
  }),
  /** what the WebSocket hub allows (HUB_DEFAULTS in src/server/ws-hub.ts is this) */
  hub: Object.freeze({
    /** most displays connected at once */
    maxClients: 250,
    /** most displays at once from one client address (so one machine can not take every slot) */
    maxClientsPerAddress: 16,
    /** minimum wall time between two `sample` messages of one rower, ms (250 = 4 Hz) */
    sampleIntervalMs: 250,
    /** above this many unsent bytes a display gets no samples */
    softLimitBytes: 256 * 1024,
    /** above this many unsent bytes a display is closed */
    hardLimitBytes: 4 * 1024 * 1024,
    /** a display above the soft limit for this long is closed, ms */
    stallTimeoutMs: 10_000,
  }),
  /** what one HTTP client may cost the daemon (SERVER_LIMITS in src/server/server-limits.ts is this; the fields are described there) */
  limits: Object.freeze({
    /** largest request body (a 4000-character plan, even non-ASCII, fits) */
    bodyLimitBytes: 16 * 1024,
    /** largest request head */
    maxHeaderBytes: 8 * 1024,
    /** request head, whole request, and how often node checks those two, ms */
    headersTimeoutMs: 5_000,
    requestTimeoutMs: 10_000,
    timeoutCheckMs: 1_000,
    /** a socket with no traffic, and a kept-alive one waiting for its next request, is closed after, ms */
    idleTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
    /** TCP connections at once (250 displays + reconnects and page loads), and from one address (16 displays + a browser's 6) */
    maxConnections: 512,
    maxConnectionsPerAddress: 64,
  }),
});
