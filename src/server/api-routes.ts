/**
 * The REST API: health, rowers, the current session, workout start/stop, rower names.
 * Every body and parameter is validated by a JSON schema; errors are `{error: {code, message}}`.
 */
import type { FastifyInstance } from 'fastify';
import { BUILTIN_PLANS, builtinPlan, type Plan } from '../workouts/plan.js';
import { parsePlan, PlanError } from '../workouts/parse-plan.js';
import { PROTOCOL_VERSION } from './protocol.js';
import { ApiError, ERROR_SCHEMA } from './errors.js';
import type { SnapshotStore } from './snapshot-store.js';
import type { WsHub } from './ws-hub.js';

/** A request to start or stop a workout plan, for one rower or (rower absent) the whole room. */
export interface WorkoutCommand {
  action: 'start' | 'stop';
  /**
   * a built-in plan id ('hiit-30-60') or a plan as JSON text for the workouts parser; required to
   * start. The API also takes the plan as a JSON object; the route validates it and hands it on as text.
   */
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

/** Called for an accepted PUT /api/rowers/:id (recorded as `name` / `athlete` events, which update the snapshot). */
export type ProfileHook = (id: string, profile: { name?: string; athlete?: string }) => void;

/** A hook's rejection with a string `code` → 400; anything else is a fault. */
function rejected(err: unknown): never {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') throw new ApiError(400, code, (err as Error).message);
  throw err;
}

/** A plan /control can start: the built-in ones and any the session was given (`--plan FILE`). */
export interface PlanListing extends Plan {
  /** what to send as `plan`: the built-in name, or (saved plans) the plan object itself */
  id: string;
  builtin: boolean;
}

const PLAN_FIELDS = 'name, reps, workS, restS, warmupS?, cooldownS?';

/** The `plan` of a start command as plan text for the hook: a built-in name, JSON text or a JSON object, validated here so errors name the field. */
function planOfCommand(plan: unknown): string {
  const builtins = Object.keys(BUILTIN_PLANS).join(', ');
  try {
    if (typeof plan === 'string') {
      const t = plan.trim();
      if (t === '' || t.length > 4000) throw new ApiError(400, 'INVALID_REQUEST', 'body.plan must be 1 to 4000 characters', 'plan');
      if (t.startsWith('{')) return t; // JSON text: the hook's parser checks it (BAD_JSON / INVALID_PLAN)
      if (builtinPlan(t) === undefined) throw new ApiError(400, 'UNKNOWN_PLAN', `body.plan "${t.slice(0, 60)}" is not a built-in plan: use one of ${builtins}, or a plan object {${PLAN_FIELDS}}`, 'plan');
      return t;
    }
    if (typeof plan === 'object' && plan !== null && !Array.isArray(plan)) return JSON.stringify(parsePlan(plan, 'body.plan'));
  } catch (err) {
    if (err instanceof PlanError) throw new ApiError(400, err.code, err.message, 'plan');
    throw err;
  }
  throw new ApiError(400, 'INVALID_REQUEST', `body.plan must be a built-in plan name (${builtins}) or a plan object {${PLAN_FIELDS}}`, 'plan');
}

const errorSchema = ERROR_SCHEMA;

const idPattern = '^[A-Za-z0-9_.:@-]{1,64}$';

export function registerApiRoutes(
  app: FastifyInstance,
  deps: { store: SnapshotStore; hub: WsHub; onWorkout?: WorkoutHook; onEndSession?: EndSessionHook; onProfile?: ProfileHook; savedPlans?: () => readonly Plan[] },
): void {
  const { store, hub, onWorkout, onEndSession, onProfile } = deps;

  app.get('/api/plans', async () => ({
    plans: [
      ...Object.values(BUILTIN_PLANS).map((p): PlanListing => ({ ...p, id: p.name, builtin: true })),
      ...(deps.savedPlans?.() ?? []).map((p): PlanListing => ({ ...p, id: p.name, builtin: false })),
    ],
  }));

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

  app.post<{ Body: Omit<WorkoutCommand, 'plan'> & { plan?: unknown } }>(
    '/api/workout',
    {
      schema: {
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: ['start', 'stop'] },
            // a name, JSON text or a plan object: checked by planOfCommand so the message names the fields
            plan: {},
            rower: { type: 'string', pattern: idPattern },
          },
          if: { properties: { action: { const: 'start' } } },
          then: { required: ['plan'] },
        },
        response: { '4xx': errorSchema, '5xx': errorSchema },
      },
    },
    async (req, reply) => {
      const { plan, ...rest } = req.body;
      const cmd: WorkoutCommand = rest.action === 'start' ? { ...rest, plan: planOfCommand(plan) } : rest;
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
