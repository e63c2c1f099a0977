/**
 * The first hook of every request, `/ws` upgrades included: off loopback every request but
 * GET/HEAD needs the access token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';

export interface GuardOptions {
  /** true when the server listens beyond loopback: every method but GET/HEAD needs the token */
  requireToken: boolean;
  token?: string;
}

/** Reads only: the display and its feed. OPTIONS is not among them (no route bypasses the token). */
const READ_METHODS = new Set(['GET', 'HEAD']);
const BEARER = /^bearer[ \t]+([^ \t]+)[ \t]*$/i;

/** Registers the token check as an onRequest hook. */
export function registerRequestGuard(app: FastifyInstance, opts: GuardOptions): void {
  app.addHook('onRequest', async (req) => {
    if (!opts.requireToken || READ_METHODS.has(req.method)) return;
    const given = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (given === undefined || !sameSecret(given, opts.token ?? '')) {
      throw new ApiError(401, 'UNAUTHORIZED', 'this request needs the access token the daemon printed at start (Authorization: Bearer ...)');
    }
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
