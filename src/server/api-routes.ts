/**
 * The REST API: health, rowers, the current session, workout start/stop, rower names.
 * Every body and parameter is validated by a JSON schema; errors are `{error: {code, message}}`.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from './protocol.js';
import { ApiError, ERROR_SCHEMA } from './errors.js';
import type { SnapshotStore } from './snapshot-store.js';
import type { WsHub } from './ws-hub.js';

/** A request to start or stop a workout plan, for one rower or (rower absent) the whole room. */
export interface WorkoutCommand {
  action: 'start' | 'stop';
  /** a built-in plan id ('hiit-30-60') or a plan text for the workouts parser; required to start */
  plan?: string;
  /** rower id; absent = every rower in the room */
  rower?: string;
}

/** Called for an accepted workout command; throw an error with a string `code` to reject it (400). */
export type WorkoutHook = (cmd: WorkoutCommand) => void | Promise<void>;

/** POST /api/session/end: end one rower's session, or (rower absent) every rower's. */
export interface EndSessionCommand {
  rower?: string;
}

/** Called for an accepted session end (recorded as `session-end` events); throw an error with a string `code` to reject it (400). */
export type EndSessionHook = (cmd: EndSessionCommand) => void;

/** Called for an accepted PUT /api/rowers/:id (recorded as `rename` / `athlete` events, which update the snapshot). */
export type ProfileHook = (id: string, profile: { name?: string; athlete?: string }) => void;

/** A hook's rejection with a string `code` → 400; anything else is a fault. */
function rejected(err: unknown): never {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') throw new ApiError(400, code, (err as Error).message);
  throw err;
}

const errorSchema = ERROR_SCHEMA;

const idPattern = '^[A-Za-z0-9_.:@-]{1,64}$';

export function registerApiRoutes(
  app: FastifyInstance,
  deps: { store: SnapshotStore; hub: WsHub; onWorkout?: WorkoutHook; onEndSession?: EndSessionHook; onProfile?: ProfileHook },
): void {
  const { store, hub, onWorkout, onEndSession, onProfile } = deps;

  app.get('/api/health', async () => ({
    status: 'ok',
    protocol: PROTOCOL_VERSION,
    source: store.snapshot().source,
    rowers: store.snapshot().rowers.length,
    ...hub.stats,
  }));

  app.get('/api/rowers', async () => ({
    rowers: store.snapshot().rowers.map((r) => ({
      id: r.id,
      name: r.name,
      connected: r.connected,
      t: r.t,
      ...(r.athlete !== undefined ? { athlete: r.athlete } : {}),
    })),
  }));

  app.get('/api/session', async () => store.snapshot());

  app.post<{ Body: WorkoutCommand }>(
    '/api/workout',
    {
      schema: {
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: ['start', 'stop'] },
            plan: { type: 'string', minLength: 1, maxLength: 4000 },
            rower: { type: 'string', pattern: idPattern },
          },
          if: { properties: { action: { const: 'start' } } },
          then: { required: ['plan'] },
        },
        response: { '4xx': errorSchema, '5xx': errorSchema },
      },
    },
    async (req, reply) => {
      const cmd = req.body;
      if (cmd.rower !== undefined && !store.has(cmd.rower)) {
        throw new ApiError(404, 'UNKNOWN_ROWER', `no rower with id ${cmd.rower}`);
      }
      if (onWorkout === undefined) {
        throw new ApiError(501, 'NOT_SUPPORTED', 'this session cannot take workout commands');
      }
      try {
        await onWorkout(cmd);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string') throw new ApiError(400, code, (err as Error).message);
        throw err;
      }
      return reply.code(202).send({ accepted: cmd });
    },
  );

  app.post<{ Body: EndSessionCommand }>(
    '/api/session/end',
    {
      schema: {
        body: { type: 'object', additionalProperties: false, properties: { rower: { type: 'string', pattern: idPattern } } },
        response: { '4xx': errorSchema, '5xx': errorSchema },
      },
    },
    async (req, reply) => {
      const cmd = req.body ?? {};
      if (cmd.rower !== undefined && !store.has(cmd.rower)) throw new ApiError(404, 'UNKNOWN_ROWER', `no rower with id ${cmd.rower}`);
      if (onEndSession === undefined) throw new ApiError(501, 'NOT_SUPPORTED', 'this session cannot be ended from here');
      try {
        onEndSession(cmd);
      } catch (err) {
        rejected(err);
      }
      return reply.code(202).send({ accepted: cmd });
    },
  );

  app.put<{ Params: { id: string }; Body: { name?: string; athlete?: string } }>(
    '/api/rowers/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: idPattern } }, required: ['id'] },
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            // not blank: rowers.json (store/rower-bindings.ts) refuses blank names on load
            name: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
            athlete: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S' },
          },
        },
        response: { '4xx': errorSchema },
      },
    },
    async (req) => {
      const { id } = req.params;
      if (!store.has(id)) throw new ApiError(404, 'UNKNOWN_ROWER', `no rower with id ${id}`);
      let r;
      if (onProfile !== undefined) {
        // recorded as events; they come back through the pipeline as a `rower` event (store and displays)
        try {
          onProfile(id, req.body);
        } catch (err) {
          rejected(err);
        }
        r = store.snapshot().rowers.find((x) => x.id === id);
      } else {
        r = store.setProfile(id, req.body);
        // tell the displays: the store keeps the name set here over the advertised one
        if (r) hub.publish({ type: 'rower', rower: id, name: r.name, connected: r.connected, t: r.t, ...(r.athlete !== undefined ? { athlete: r.athlete } : {}) });
      }
      if (r === undefined) throw new ApiError(404, 'UNKNOWN_ROWER', `no rower with id ${id}`);
      return { rower: { id: r.id, name: r.name, connected: r.connected, ...(r.athlete !== undefined ? { athlete: r.athlete } : {}) } };
    },
  );
}
