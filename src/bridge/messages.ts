/**
 * The MQTT payloads (JSON), validated with zod on every receipt: a message that does not match is
 * logged once per topic and dropped. Times `t`/`now` are the hub's monotonic clock in ms (since
 * its process started) — never wall time, so a hub with an unsynced clock still lines up.
 */
import { z } from 'zod';

const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/).max(1024);
const charUuid = z.string().regex(/^(?:[0-9a-f]{4}|[0-9a-f]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/);
const ms = z.number().finite().nonnegative();
/** a hub session id: random per hub process start */
export const sessionId = z.string().regex(/^[a-z0-9]{6,32}$/);
const rowerId = z.string().min(1).max(128);
const seq = z.number().int().positive();

/** One recording line as sent by a hub: a raw frame or an event, with its per-rower sequence number. */
export const wireLine = z.union([
  z.object({ seq, t: ms, r: rowerId, c: charUuid, d: hex }).strict(),
  z.object({ seq, t: ms, r: rowerId, type: z.literal('event'), event: z.string().min(1).max(64), name: z.string().max(128).optional(), plan: z.record(z.string(), z.unknown()).optional() }).strict(),
]);
export type WireLine = z.infer<typeof wireLine>;

/** `hub/<id>/state` (retained; also the last-will with state offline). */
export const hubState = z.object({ v: z.literal(1), state: z.enum(['online', 'offline']), sid: sessionId, now: ms.optional(), startedAt: z.string().max(40).optional() });
export type HubState = z.infer<typeof hubState>;

/** `hub/<id>/frames`: a batch. `now` = hub clock at send (a clock sample); `heads` = last seq per rower. */
export const framesBatch = z.object({
  v: z.literal(1),
  sid: sessionId,
  now: ms,
  lines: z.array(wireLine).max(5000),
  heads: z.record(rowerId, seq).optional(),
});
export type FramesBatch = z.infer<typeof framesBatch>;

/** `hub/<id>/replay/request`: lines `from`..`to` (inclusive; no `to` = to the end) of one rower in session `sid`. */
export const replayRequest = z.object({ v: z.literal(1), id: z.string().min(1).max(64), sid: sessionId, r: rowerId, from: seq, to: seq.optional() });
export type ReplayRequest = z.infer<typeof replayRequest>;

/** `hub/<id>/replay/response`: the lines found (at most a page; `more` = ask again from the last seq + 1). */
export const replayResponse = z.object({
  v: z.literal(1),
  id: z.string().min(1).max(64),
  sid: sessionId,
  r: rowerId,
  lines: z.array(wireLine).max(5000),
  more: z.boolean(),
  error: z.string().max(200).optional(),
});
export type ReplayResponse = z.infer<typeof replayResponse>;

/** `rower/<hub>/<rower>/availability` (retained): the BLE link of that rower at its hub. */
export const availability = z.object({ v: z.literal(1), state: z.enum(['online', 'offline']) });
/** `rower/<hub>/<rower>/info` (retained). */
export const rowerInfo = z.object({ v: z.literal(1), id: rowerId, name: z.string().max(128), sid: sessionId });

/** Parse a payload as JSON and check it against `schema`: the value, or a one-line reason. */
export function decodeMessage<T>(schema: z.ZodType<T>, payload: Buffer | string): { ok: true; value: T } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString());
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const r = schema.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid' };
}
