/**
 * The first hook of every request, `/ws` upgrades included: `Host` must name this server, an
 * `Origin` (sent by browsers) must be this server's own page or an allowed one, and off loopback
 * every request but GET/HEAD needs the access token. See access-policy.ts for why each check.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AccessPolicy } from './access-policy.js';
import { ApiError } from './errors.js';

export interface GuardOptions {
  policy: AccessPolicy;
  /** true when the server listens beyond loopback: every method but GET/HEAD needs the token */
  requireToken: boolean;
  token?: string;
}

/** Reads only: the display and its feed. OPTIONS is not among them (no route bypasses the token). */
const READ_METHODS = new Set(['GET', 'HEAD']);
const BEARER = /^bearer[ \t]+([^ \t]+)[ \t]*$/i;

/** Registers the Host / Origin / token checks as an onRequest hook. */
export function registerRequestGuard(app: FastifyInstance, opts: GuardOptions): void {
  const { policy } = opts;
  app.addHook('onRequest', async (req) => {
    const host = req.headers.host;
    if (!policy.hostAllowed(host)) {
      throw new ApiError(403, 'HOST_NOT_ALLOWED', `this server does not answer for Host ${JSON.stringify(host ?? '')}; use its printed address or localhost`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !policy.originAllowed(origin, host)) {
      throw new ApiError(403, 'ORIGIN_NOT_ALLOWED', `pages from ${JSON.stringify(origin)} may not use this server (start it with --allow-origin to allow one)`);
    }
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
