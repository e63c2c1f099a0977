/**
 * Builds the display server's fastify app — static display, REST API, `/ws` feed — and never
 * listens (start-server.ts does). Tests call `inject()` / `injectWS()` or listen on port 0.
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyError, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { Observable, Subscription } from 'rxjs';
import type { ServerInput } from './protocol.js';
import type { Plan } from '../workouts/plan.js';
import { registerApiRoutes, type EndSessionHook, type ProfileHook, type WorkoutHook } from './api-routes.js';
import type { HistoryReader } from './history-reader.js';
import { registerHistoryRoutes } from './history-routes.js';
import { AccessPolicy, clientAddress, type AccessPolicyOptions } from './access-policy.js';
import { ApiError, clientErrorResponse, errorBody, toApiError } from './errors.js';
import { registerRequestGuard } from './request-guard.js';
import { capConnectionsPerAddress, limitOptions, SERVER_LIMITS, type ServerLimits } from './server-limits.js';
import { SnapshotStore } from './snapshot-store.js';
import { WsHub, type HubOptions } from './ws-hub.js';
import { packagePath } from '../package-root.js';

export interface AppOptions {
  /** the access token state-changing requests must carry as `Authorization: Bearer ...` */
  token?: string;
  /** true when listening beyond loopback: every request but GET/HEAD needs the token */
  requireToken: boolean;
  /** most displays connected at once */
  maxClients: number;
  /** most displays connected at once from one address; default 16 */
  maxClientsPerAddress?: number;
  /** which Host / Origin headers are accepted; default: loopback names only */
  access?: AccessPolicyOptions;
  /** body size, timeouts, connection cap (defaults: SERVER_LIMITS) */
  limits?: Partial<ServerLimits>;
  /** a pino logger, or false for none */
  logger?: FastifyBaseLogger | false;
  /** banner every display shows (e.g. "DEMO") */
  banner?: string;
  /** directory of the built display; default dist/web */
  webRoot?: string;
  /** largest WebSocket message accepted from a display, bytes */
  maxPayloadBytes?: number;
  /** hub tuning (throttle, backpressure limits) */
  hub?: Partial<HubOptions>;
}

export interface AppDeps {
  /** the session's events; subscribed when the app is ready, unsubscribed on close */
  events$?: Observable<ServerInput>;
  store?: SnapshotStore;
  /** start/stop workout plans (POST /api/workout); absent = 501 */
  onWorkout?: WorkoutHook;
  /** end sessions (POST /api/session/end); absent = 501 */
  onEndSession?: EndSessionHook;
  /** names and athletes (PUT /api/rowers/:id) as recorded events; absent = the store keeps them */
  onProfile?: ProfileHook;
  /** past sessions: /api/history and the /history page exist only when given */
  history?: HistoryReader;
  /** plans the session was given besides the built-in ones (GET /api/plans) */
  savedPlans?: () => readonly Plan[];
  options: AppOptions;
}

export type DisplayApp = FastifyInstance & { hub: WsHub; store: SnapshotStore };

/** Default location of the built display. */
export const DEFAULT_WEB_ROOT = `${packagePath('dist', 'web')}/`;

/** Builds the app (not listening). */
export async function buildApp(deps: AppDeps): Promise<DisplayApp> {
  const { options } = deps;
  if (options.requireToken && !options.token) throw new Error('requireToken is set but no token was given');
  const policy = new AccessPolicy(options.access);
  const limits = { ...SERVER_LIMITS, ...options.limits };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // unexpected fields are errors, not silently dropped (fastify's default strips them)
    ajv: { customOptions: { removeAdditional: false } },
    ...limitOptions(limits),
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply).code(400).send(errorBody('BAD_REQUEST', err.code === 'FST_ERR_BAD_URL' ? 'malformed URL' : 'the request was refused'));
    },
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(err.code));
      socket.destroy(err);
    },
  });
  app.server.maxConnections = limits.maxConnections;
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress, clientAddress);
  // JSON only: fastify's default text/plain parser would let pages send "simple" cross-origin POSTs
  app.removeContentTypeParser('text/plain');
  const store = deps.store ?? new SnapshotStore(new Date().toISOString(), 'replay');
  const hub = new WsHub(store, {
    ...options.hub,
    maxClients: options.maxClients,
    ...(options.maxClientsPerAddress !== undefined ? { maxClientsPerAddress: options.maxClientsPerAddress } : {}),
    ...(options.banner !== undefined ? { banner: options.banner } : {}),
  });
  app.decorate('hub', hub);
  app.decorate('store', store);

  app.setErrorHandler((err: FastifyError | ApiError, _req, reply) => {
    const e = toApiError(err);
    if (e.statusCode >= 500 && !(err instanceof ApiError)) app.log.error({ err }, 'request failed'); // ours (501, 503) are answers, not faults
    return reply.code(e.statusCode).send(errorBody(e.code, e.message, e.field));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('NOT_FOUND', `no route ${req.method} ${req.url.slice(0, 200)}`)));

  await app.register(fastifyWebsocket, { options: { maxPayload: options.maxPayloadBytes ?? 4096 } });
  // after the websocket plugin: its onRequest hook marks upgrades so a refused one has its socket closed
  registerRequestGuard(app, { policy, requireToken: options.requireToken, ...(options.token !== undefined ? { token: options.token } : {}) });
  app.get(
    '/ws',
    {
      websocket: true,
      preValidation: async (req) => {
        if (hub.full) throw new ApiError(503, 'TOO_MANY_CLIENTS', 'too many displays connected');
        if (hub.fullFor(clientAddress(req.socket.remoteAddress))) {
          throw new ApiError(429, 'TOO_MANY_DISPLAYS', 'this address has the most displays one machine may open');
        }
      },
    },
    (socket, req) => hub.add(socket, clientAddress(req.socket.remoteAddress)),
  );

  registerApiRoutes(app, {
    store,
    hub,
    ...(deps.onWorkout ? { onWorkout: deps.onWorkout } : {}),
    ...(deps.onEndSession ? { onEndSession: deps.onEndSession } : {}),
    ...(deps.onProfile ? { onProfile: deps.onProfile } : {}),
    ...(deps.savedPlans ? { savedPlans: deps.savedPlans } : {}),
  });
  if (deps.history) registerHistoryRoutes(app, deps.history);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });
    app.get('/wall', (_req, reply) => reply.sendFile('index.html'));
    if (deps.history) {
      // the history page routes itself from the path (/history, /history/<id>)
      app.get('/history', (_req, reply) => reply.sendFile('history.html'));
      app.get('/history/*', (_req, reply) => reply.sendFile('history.html'));
    }
    app.get('/control', (_req, reply) => reply.sendFile('index.html'));
    app.get('/favicon.ico', (_req, reply) => reply.type('image/svg+xml').sendFile('favicon.svg'));
  } else {
    const notBuilt = async () => {
      throw new ApiError(503, 'DISPLAY_NOT_BUILT', 'the display is not built: run npm run build');
    };
    app.get('/', notBuilt);
    app.get('/wall', notBuilt);
    if (deps.history) app.get('/history', notBuilt);
    app.get('/control', notBuilt);
  }

  let sub: Subscription | undefined;
  app.addHook('onReady', async () => {
    sub = deps.events$?.subscribe({
      next: (ev) => (ev.type === 'reset' ? hub.reset(ev.startedAt) : hub.publish(ev)),
      error: (err: unknown) => app.log.error({ err }, 'session stream failed'),
    });
  });
  app.addHook('preClose', async () => {
    sub?.unsubscribe();
    hub.close();
  });
  return app as unknown as DisplayApp;
}
