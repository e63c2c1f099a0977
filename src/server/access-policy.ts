/**
 * Who may talk to the display server, decided from the request's `Host` and `Origin` headers
 * (issue 15, item 9). The `Host` check stops DNS rebinding: a page on `evil.example` that
 * re-resolves its name to 127.0.0.1 still sends `Host: evil.example`. The `Origin` check stops
 * any other page open in the browser (another port, another site) from opening `/ws` or sending
 * POST/PUT: browsers always send `Origin` on WebSocket upgrades and on POST/PUT, and a page can
 * not forge it. A request without `Origin` does not come from a web page (curl, a script, the ws
 * library) and is judged by `Host` (and the token) alone.
 */
import { isIP } from 'node:net';

export interface AccessPolicyOptions {
  /** the interface the server listens on (`--host`); default 127.0.0.1 */
  listenHost?: string;
  /** extra page origins allowed to open `/ws` and send changes (`--allow-origin`), e.g. http://rowpc.local:8080 */
  allowOrigins?: readonly string[];
}

/** A configured origin is not a plain `http(s)://host[:port]`. */
export class OriginConfigError extends Error {
  readonly code = 'BAD_ORIGIN';
  constructor(value: string) {
    super(`--allow-origin ${JSON.stringify(value)} is not an origin like http://rowpc.local:8080 (scheme, host, optional port; no path)`);
    this.name = 'OriginConfigError';
  }
}

/** A `Host` header split into a lower-case host name (IPv6 in brackets) and a port. */
export interface HostPort {
  hostname: string;
  port: number;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const HOST_HEADER = /^(?:([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)|(\[[0-9a-f:.]+\]))(?::(\d{1,5}))?$/;

/** Parses a `Host` header value (`name[:port]`, `1.2.3.4[:port]`, `[::1][:port]`); undefined when malformed. */
export function parseHostHeader(value: string | undefined, defaultPort = 80): HostPort | undefined {
  if (value === undefined) return undefined;
  const m = HOST_HEADER.exec(value.toLowerCase());
  if (m === null) return undefined;
  const hostname = m[1] ?? m[2]!;
  if (m[2] !== undefined && isIP(m[2].slice(1, -1)) !== 6) return undefined;
  const port = m[3] === undefined ? defaultPort : Number(m[3]);
  return port > 0 && port <= 65_535 ? { hostname, port } : undefined;
}

/** An `Origin` header or `--allow-origin` value as `scheme://host:port` with the port always written; undefined when it is not one. */
export function normaliseOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** True for an IP address that only this machine can reach (127.0.0.0/8, ::1, IPv4-mapped 127.x); false for names. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase();
  if (isIP(a) === 4) return a.startsWith('127.');
  if (isIP(a) !== 6) return false;
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a)?.[1];
  return mapped !== undefined && isLoopbackAddress(mapped);
}

/** The address as one client is counted: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) written as IPv4. */
export function clientAddress(remote: string | undefined): string {
  if (remote === undefined) return 'unknown';
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote)?.[1] ?? remote.toLowerCase();
}

const isIpLiteral = (hostname: string) => isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;

export class AccessPolicy {
  private readonly hostnames: Set<string>;
  private readonly origins: Set<string>;
  /** listening beyond loopback: any IP-literal Host is fine (an IP can not be a rebound name; LAN displays use one) */
  private readonly anyIp: boolean;

  constructor(opts: AccessPolicyOptions = {}) {
    const listen = (opts.listenHost ?? '127.0.0.1').toLowerCase().replace(/^\[(.*)\]$/, '$1');
    this.anyIp = !LOOPBACK_NAMES.includes(listen) && !isLoopbackAddress(listen);
    this.hostnames = new Set(LOOPBACK_NAMES);
    this.hostnames.add(isIP(listen) === 6 ? `[${listen}]` : listen);
    this.origins = new Set();
    for (const o of opts.allowOrigins ?? []) {
      const n = normaliseOrigin(o);
      if (n === undefined) throw new OriginConfigError(o);
      this.origins.add(n);
      this.hostnames.add(new URL(n).hostname);
    }
  }

  /** True when the `Host` header names this server: a loopback name, the `--host` name, an allowed origin's host, or (listening beyond loopback) any IP address. */
  hostAllowed(host: string | undefined): boolean {
    const h = parseHostHeader(host);
    if (h === undefined) return false;
    return this.hostnames.has(h.hostname) || (this.anyIp && isIpLiteral(h.hostname));
  }

  /** True when a page of `origin` may open `/ws` or send changes: the page came from this server (same host and port as `Host`) or is allowed by `--allow-origin`. */
  originAllowed(origin: string, host: string | undefined): boolean {
    const o = normaliseOrigin(origin);
    if (o === undefined) return false; // "null" (sandboxed frames, file://) and garbage
    if (this.origins.has(o)) return true;
    const h = parseHostHeader(host);
    return h !== undefined && this.hostAllowed(host) && o === `http://${h.hostname}:${h.port}`;
  }
}
