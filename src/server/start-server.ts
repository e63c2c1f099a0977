/**
 * Starts the display server: the only place that calls `listen()`. Listens on 127.0.0.1 unless a
 * host is given; beyond loopback, state-changing requests need an access token (generated and
 * printed when none is given).
 */
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { destination, pino } from 'pino';
import type { Observable } from 'rxjs';
import { SOURCE_KINDS, type SourceKind } from '../ftms/frame.js';
import type { SessionSnapshot } from '../session/state.js';
import type { ServerInput } from './protocol.js';
import type { Plan } from '../workouts/plan.js';
import { buildApp, type DisplayApp } from './build-app.js';
import type { EndSessionHook, ProfileHook, WorkoutHook } from './api-routes.js';
import type { HistoryReader } from './history-reader.js';
import { SnapshotStore } from './snapshot-store.js';
import { isLoopbackAddress } from './access-policy.js';

export interface StartServerOptions {
  events$: Observable<ServerInput>;
  /** TCP port; 0 = any free port */
  port: number;
  /** interface to listen on; default 127.0.0.1 */
  host?: string;
  /** access token for state-changing requests; generated when the host is not loopback and none is given */
  token?: string;
  /** banner shown on every display (e.g. "DEMO — replay of a recording") */
  banner?: string;
  /** ISO-8601 start of the session */
  startedAt: string;
  source: SourceKind;
  /** one-line messages for the operator (address, token); default stderr */
  log?: (line: string) => void;
  onWorkout?: WorkoutHook;
  onEndSession?: EndSessionHook;
  onProfile?: ProfileHook;
  /** past sessions for /api/history and /history (absent: neither exists) */
  history?: HistoryReader;
  /** plans besides the built-in ones that /control may start (GET /api/plans), e.g. the `--plan FILE` */
  savedPlans?: () => readonly Plan[];
  /** page origins besides this server's own allowed to open /ws and send changes (`--allow-origin`) */
  allowOrigins?: readonly string[];
  maxClients?: number;
  webRoot?: string;
  /** request/error log; default pino JSON lines on stderr at ERGSPRINT_LOG_LEVEL (default "warn") */
  logger?: FastifyBaseLogger | false;
}

export interface RunningServer {
  /** the display's address, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** the access token, when one is required */
  token?: string;
  app: DisplayApp;
  close(): Promise<void>;
}

const SOURCES: ReadonlySet<string> = new Set(SOURCE_KINDS);

/** True when every address `host` resolves to only accepts connections from this machine (decided from addresses, never from the name). */
export async function isLoopbackHost(host: string): Promise<boolean> {
  const addrs = await lookup(host, { all: true, verbatim: true });
  return addrs.length > 0 && addrs.every((a) => isLoopbackAddress(a.address));
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Server errors (and with ERGSPRINT_LOG_LEVEL=info, every request) as pino JSON lines on stderr. */
function defaultLogger(): FastifyBaseLogger {
  const wanted = process.env.ERGSPRINT_LOG_LEVEL?.trim().toLowerCase() ?? 'warn';
  return pino({ name: 'ergsprint', level: LEVELS.has(wanted) ? wanted : 'warn' }, destination(2));
}

/** Builds the app and listens; resolves with the address once listening. */
export async function startDisplayServer(opts: StartServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const host = opts.host ?? '127.0.0.1';
  const requireToken = !(await isLoopbackHost(host));
  const token = opts.token ?? (requireToken ? randomBytes(18).toString('base64url') : undefined);
  const source = (SOURCES.has(opts.source) ? opts.source : 'replay') as SessionSnapshot['source'];
  const app = await buildApp({
    events$: opts.events$,
    store: new SnapshotStore(opts.startedAt, source),
    ...(opts.onWorkout ? { onWorkout: opts.onWorkout } : {}),
    ...(opts.onEndSession ? { onEndSession: opts.onEndSession } : {}),
    ...(opts.onProfile ? { onProfile: opts.onProfile } : {}),
    ...(opts.history ? { history: opts.history } : {}),
    ...(opts.savedPlans ? { savedPlans: opts.savedPlans } : {}),
    options: {
      requireToken,
      maxClients: opts.maxClients ?? 250,
      access: { listenHost: host, ...(opts.allowOrigins !== undefined ? { allowOrigins: opts.allowOrigins } : {}) },
      logger: opts.logger ?? defaultLogger(),
      ...(token !== undefined ? { token } : {}),
      ...(opts.banner !== undefined ? { banner: opts.banner } : {}),
      ...(opts.webRoot !== undefined ? { webRoot: opts.webRoot } : {}),
    },
  });
  await app.listen({ port: opts.port, host });
  const addr = app.server.address() as AddressInfo;
  if (!requireToken && !isLoopbackAddress(addr.address)) {
    // the name resolved to loopback a moment ago but the socket is bound elsewhere: refuse to run open
    await app.close();
    throw new Error(`--host ${host} resolved to loopback but the server is bound to ${addr.address}: refusing to serve without a token`);
  }
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shownHost}:${addr.port}/`;
  log(`display: ${url}  (wall view: ${url}wall)`);
  if (requireToken) log(`access token for changes (Authorization: Bearer ...): ${token}`);
  return {
    url,
    ...(token !== undefined ? { token } : {}),
    app,
    close: () => app.close(),
  };
}
