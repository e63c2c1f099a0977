/**
 * User plans from JSON (validated with zod, errors naming the field) and plan lookup by name. zod
 * is loaded the first time a plan is validated, not with this module: `analyze` or `live` with a
 * built-in plan (or none) never pays its ~70 ms of module loading (README "Performance").
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { BUILTIN_PLANS, builtinPlan, type Plan } from './plan.js';

export type PlanErrorCode = 'BAD_JSON' | 'INVALID_PLAN' | 'UNKNOWN_PLAN';

/** A plan that could not be used; `code` says why, the message names the source and the field. */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

/** "reps is missing" for an absent field, else `otherwise`. */
const missingOr = (what: string, otherwise: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `${what} is missing` : otherwise);

function buildSchema(z: typeof Zod.z) {
  const seconds = (what: string, max: number) =>
    z.number({ error: missingOr(what, `${what} must be a number of seconds`) }).positive({ error: `${what} must be more than 0 s` }).max(max, { error: `${what} must be at most ${max} s` });

  return z.strictObject(
    {
      name: z.string({ error: missingOr('name', 'name must be text') }).trim().min(1, { error: 'name must not be empty' }).max(60, { error: 'name must be at most 60 characters' }),
      warmupS: seconds('warmupS', 3600).optional(),
      reps: z.number({ error: missingOr('reps', 'reps must be a whole number') }).int({ error: 'reps must be a whole number' }).min(1, { error: 'reps must be at least 1' }).max(50, { error: 'reps must be at most 50' }),
      workS: seconds('workS', 600).min(5, { error: 'workS must be at least 5 s' }),
      restS: seconds('restS', 1800),
      cooldownS: seconds('cooldownS', 3600).optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field ${iss.keys.map((k) => `"${k}"`).join(', ')}` : 'a plan must be a JSON object') },
  );
}

let schema: ReturnType<typeof buildSchema> | undefined;
/** The plan schema, built (and zod loaded, synchronously) on first use. */
function planSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema((createRequire(import.meta.url)('zod') as typeof Zod).z);
  return schema;
}

/** A validated plan from parsed JSON; `source` (a file name) goes into the error message. */
export function parsePlan(json: unknown, source: string): Plan {
  const result = planSchema().safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const detail = field !== '' && issue.message.startsWith(String(issue.path[0])) ? issue.message : `${field}${issue.message}`;
  throw new PlanError('INVALID_PLAN', `${source}: ${detail}`);
}

/** A validated plan from the text of a JSON file. */
export function parsePlanText(text: string, source: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PlanError('BAD_JSON', `${source}: not valid JSON (${(err as Error).message})`);
  }
  return parsePlan(json, source);
}

/**
 * A built-in plan by name, or else a user plan file: `readText(path)` is the caller's I/O (the
 * command reads the file), so this stays pure.
 */
export function resolvePlan(nameOrPath: string, readText?: (path: string) => string): Plan {
  const builtin = builtinPlan(nameOrPath);
  if (builtin !== undefined) return { ...builtin };
  if (!readText || !nameOrPath.toLowerCase().endsWith('.json')) {
    throw new PlanError('UNKNOWN_PLAN', `unknown plan "${nameOrPath}": use ${Object.keys(BUILTIN_PLANS).join(' or ')}, or a .json plan file`);
  }
  return parsePlanText(readText(nameOrPath), nameOrPath);
}
