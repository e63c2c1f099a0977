/** A recording's identity in the history: the sha256 of its bytes, and the session id derived from it. */
import { createHash } from 'node:crypto';

/** sha256 of the recording's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The history id of (recording, rower): 10 hex digits, stable across rebuilds and analysis versions. */
export function sessionId(hash: string, rower: string): string {
  return createHash('sha256').update(`${hash}\n${rower}`).digest('hex').slice(0, 10);
}
