/**
 * How `--rower NAME|ID` and `--hr STRAP=ROWER` pick devices: an id/address (case and colons
 * ignored) or an advertised-name prefix (case ignored).
 */
import type { NoblePeripheral } from './noble-types.js';

const bare = (s: string): string => s.toLowerCase().replace(/[:-]/g, '');

/** True when `selector` names this peripheral by id, address or advertised-name prefix. */
export function matchesSelector(p: Pick<NoblePeripheral, 'id' | 'address' | 'advertisement'>, selector: string): boolean {
  const s = selector.trim();
  if (!s) return false;
  if (bare(p.id) === bare(s) || (p.address && bare(p.address) === bare(s))) return true;
  const name = p.advertisement.localName;
  return name !== undefined && name.toLowerCase().startsWith(s.toLowerCase());
}

export interface HrAttachment {
  strap: string;
  rower: string;
}

/** Parse `STRAP=ROWER` (each a selector), or null when malformed. */
export function parseHrAttachment(text: string): HrAttachment | null {
  const i = text.indexOf('=');
  if (i <= 0 || i === text.length - 1) return null;
  return { strap: text.slice(0, i).trim(), rower: text.slice(i + 1).trim() };
}
