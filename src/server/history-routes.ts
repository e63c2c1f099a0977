/**
 * The history REST API (README "History" → "REST"): GET /api/history, GET /api/history/bests,
 * GET /api/history/:id, DELETE /api/history/:id. Reads are open like the rest of the display;
 * DELETE is a change, so the request guard asks for the token when the server listens beyond
 * loopback (request-guard.ts), exactly as for POST /api/workout. Parameters are validated with
 * zod; a bad one is a 400 naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from './errors.js';
import type { HistoryReader, HistorySession } from './history-reader.js';

/** Most sessions one list answer holds (the page asks for a season at most). */
export const HISTORY_LIST_MAX = 1000;
export const HISTORY_LIST_DEFAULT = 100;

const idSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a history id is 1–128 letters, digits or _ . : -');
const athleteSchema = z.string().min(1).max(80);
const listQuery = z.strictObject({
  athlete: athleteSchema.optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_LIST_MAX).optional(),
});
const bestsQuery = z.strictObject({ athlete: athleteSchema.optional() });
const idParams = z.strictObject({ id: idSchema });

/** Parses `value` with `schema`, or a 400 that names the first bad field. */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const message = issue.code === 'unrecognized_keys' ? `unknown ${what} parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : `${what} parameter ${field ?? ''}: ${issue.message}`.replace(/ +:/, ':');
  throw new ApiError(400, 'BAD_PARAMETER', message, field ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined));
}

/** A list row without each verdict's `checks` (every flag as evaluated: a third of a row; GET /api/history/:id keeps them). */
function listRow(s: HistorySession): HistorySession {
  return {
    ...s,
    intervals: s.intervals.map((iv) => {
      if (iv.verdict?.checks === undefined) return iv;
      const { checks: _checks, ...verdict } = iv.verdict;
      return { ...iv, verdict };
    }),
  };
}

export function registerHistoryRoutes(app: FastifyInstance, history: HistoryReader): void {
  app.get('/api/history', async (req) => {
    const q = parse(listQuery, req.query, 'query');
    const sessions = await history.list({ ...(q.athlete !== undefined ? { athlete: q.athlete } : {}), limit: q.limit ?? HISTORY_LIST_DEFAULT });
    return { sessions: sessions.map(listRow) };
  });

  app.get('/api/history/bests', async (req) => {
    const q = parse(bestsQuery, req.query, 'query');
    return { bests: await history.bests(q.athlete !== undefined ? { athlete: q.athlete } : {}) };
  });

  app.get('/api/history/:id', async (req) => {
    const { id } = parse(idParams, req.params, 'path');
    const session = await history.get(id);
    if (session === undefined) throw new ApiError(404, 'UNKNOWN_SESSION', `no session ${id} in history`);
    return { session };
  });

  app.delete('/api/history/:id', async (req) => {
    const { id } = parse(idParams, req.params, 'path');
    if (!(await history.remove(id))) throw new ApiError(404, 'UNKNOWN_SESSION', `no session ${id} in history`);
    return { deleted: id };
  });
}
