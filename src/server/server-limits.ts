/**
 * What one HTTP client may cost the daemon (issue 15, item 10): body size, how long a request may
 * take to arrive, idle sockets, open connections. The API takes bodies of a few hundred bytes (a
 * workout plan of ≤ 4000 characters at most), so nobody needs fastify's default 1 MiB.
 */
import type { Server, ServerOptions } from 'node:http';
import { DEFAULTS } from '../config.js';

export interface ServerLimits {
  /** largest request body, bytes (413 BODY_TOO_LARGE above) */
  bodyLimitBytes: number;
  /** largest request head (request line + headers), bytes (431 above) */
  maxHeaderBytes: number;
  /** the request line and headers must arrive within this, ms (then 408 and close) */
  headersTimeoutMs: number;
  /** the whole request, body included, must arrive within this, ms (then 408 and close) */
  requestTimeoutMs: number;
  /** how often node looks for requests past those two timeouts, ms (the cut-off is up to this late) */
  timeoutCheckMs: number;
  /** a socket with no traffic for this long is closed, ms (WebSocket feeds excepted: ws clears it) */
  idleTimeoutMs: number;
  /** a kept-alive connection waiting for its next request is closed after this, ms */
  keepAliveTimeoutMs: number;
  /** most TCP connections at once (displays, their page loads, API calls); more are refused */
  maxConnections: number;
  /** most TCP connections at once from one client address, so one machine can not hold them all */
  maxConnectionsPerAddress: number;
}

/** The limits by default: DEFAULTS.limits (src/config.ts, where each number is explained). */
export const SERVER_LIMITS: ServerLimits = { ...DEFAULTS.limits };

/** The fastify server options for `limits` (the connection cap is set on the server after creation). */
export function limitOptions(limits: ServerLimits): {
  bodyLimit: number;
  requestTimeout: number;
  connectionTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
} {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
  };
}

/** Closes a new connection at once when its address already holds `max` (counted per IPv4 / IPv6 address). */
export function capConnectionsPerAddress(server: Server, max: number, addressOf: (remote: string | undefined) => string): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = addressOf(socket.remoteAddress);
    const n = (open.get(address) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
