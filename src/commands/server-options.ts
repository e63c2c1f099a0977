/**
 * The display-server options shared by live, replay and start (`--port`, `--host`, `--token`):
 * checked before anything starts, and the ways `listen()` fails, as one-line CLI errors.
 */
import { isIP } from 'node:net';
import { CliError } from '../cli-error.js';

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
/** A token travels in an HTTP header: visible ASCII only. */
const TOKEN = /^[\x21-\x7e]{1,256}$/;

/** Parses --port (0..65535). */
export function parsePort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0..65535 (got "${text}")`);
  return port;
}

/** Checks --host: an IP address or a host name, without a port or brackets. */
export function checkHost(host: string): void {
  if (host === '') throw new CliError('--host must not be empty (default 127.0.0.1; 0.0.0.0 = every interface)');
  if (isIP(host) !== 0) return;
  const inner = /^\[(.*)\]$/.exec(host)?.[1];
  if (inner !== undefined && isIP(inner) === 6) throw new CliError(`--host takes an IPv6 address without brackets (got "${host}"): use --host ${inner}`);
  if (/:\d*$/.test(host) && isIP(host.replace(/:\d*$/, '')) !== 6) {
    throw new CliError(`--host takes a host name or IP address without a port (got "${host}"): give the port with --port`);
  }
  if (!HOST_NAME.test(host)) throw new CliError(`--host "${host}" is not a host name or IP address`);
}

/** Checks --token: 1–256 visible ASCII characters (it is sent as `Authorization: Bearer <token>`). */
export function checkToken(token: string): void {
  if (token === '') throw new CliError('--token must not be empty (leave it out and a token is generated and printed)');
  if (!TOKEN.test(token)) throw new CliError('--token must be 1–256 visible ASCII characters (no spaces)');
}

/** Checks --host and --token when given; throws CliError. */
export function checkServerFlags(flags: { host?: string | undefined; token?: string | undefined }): void {
  if (flags.host !== undefined) checkHost(flags.host);
  if (flags.token !== undefined) checkToken(flags.token);
}

/** `listen()` failures as one-line CliErrors (exit 2); anything else is returned unchanged. */
export function listenError(err: unknown, port: number, host: string | undefined): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const shown = host ?? '127.0.0.1';
  switch (code) {
    case 'EADDRINUSE':
      return new CliError(`port ${port} is in use: choose another with --port (0 = any free port)`);
    case 'EACCES':
      return new CliError(`--port ${port}: permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE): use --port 8080, or 0 for any free port`);
    case 'EADDRNOTAVAIL':
      return new CliError(`--host ${shown}: not an address of this machine (use one of its interfaces, 127.0.0.1, or 0.0.0.0 for all)`);
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return new CliError(`--host ${shown}: no such host (the name does not resolve)`);
    case 'EAI_AGAIN':
      return new CliError(`--host ${shown}: the name could not be resolved now (DNS unavailable); try an IP address`);
    case 'EAFNOSUPPORT':
      return new CliError(`--host ${shown}: this machine does not support that address family`);
    default:
      return err;
  }
}
