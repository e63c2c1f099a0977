/**
 * Recognising an FTMS rower or a heart-rate strap from its advertisement (docs/ftms.md §4 rule 9).
 * Never required: a rower that advertises nothing useful is still found by GATT discovery of 2ad1.
 */
import type { ProfileLookup, BleProfile } from './device-profile-lookup.js';
import type { NobleAdvertisement } from './noble-types.js';
import { FTMS_SERVICE, HEART_RATE_SERVICE } from '../../ftms/uuids.js';

export type DeviceKind = 'rower' | 'hr' | 'not-ftms' | 'unknown';

export interface Recognition {
  kind: DeviceKind;
  /** why, in words a user reads ("advertises FTMS service 1826") */
  reason: string;
  profile?: BleProfile;
}

const BASE_UUID_TAIL = '00001000800000805f9b34fb';

/** noble's short lowercase form of a UUID ('1826'), whatever the platform reported. */
export function shortUuid(uuid: string): string {
  const u = uuid.toLowerCase().replace(/-/g, '');
  return u.length === 32 && u.startsWith('0000') && u.endsWith(BASE_UUID_TAIL) ? u.slice(4, 8) : u;
}

/** FTMS service data payload (flags u8, machine type u16 LE), or undefined. */
function ftmsServiceData(adv: NobleAdvertisement): Buffer | undefined {
  const sd = adv.serviceData;
  if (!sd) return undefined;
  if (Buffer.isBuffer(sd)) return sd.length > 0 ? sd : undefined; // noble's websocket bindings: payload only
  return sd.find((entry) => shortUuid(entry.uuid) === FTMS_SERVICE)?.data;
}

/** True when FTMS service data says "rower": type bytes `10 00`, or byte-swapped `00 10` (seen in the wild). */
export function serviceDataSaysRower(data: Buffer): boolean {
  if (data.length < 3) return false;
  return (data[1] === 0x10 && data[2] === 0x00) || (data[1] === 0x00 && data[2] === 0x10);
}

/** Classify one advertisement. */
export function recognise(adv: NobleAdvertisement, lookup: ProfileLookup): Recognition {
  const name = adv.localName ?? '';
  const profile = name ? lookup(name) : undefined;
  const services = (adv.serviceUuids ?? []).map(shortUuid);
  const data = ftmsServiceData(adv);
  const withProfile = (r: Recognition): Recognition => (profile ? { ...r, profile } : r);
  if (data && serviceDataSaysRower(data)) {
    const swapped = data[1] === 0x00;
    return withProfile({ kind: 'rower', reason: `FTMS service data says rower${swapped ? ' (type bytes swapped)' : ''}` });
  }
  if (services.includes(FTMS_SERVICE)) return withProfile({ kind: 'rower', reason: 'advertises FTMS service 1826' });
  if (profile?.notFtms) return { kind: 'not-ftms', reason: profile.notFtms, profile };
  if (profile) return { kind: 'rower', reason: `name matches device profile ${profile.id}`, profile };
  if (services.includes(HEART_RATE_SERVICE)) return { kind: 'hr', reason: 'advertises Heart Rate service 180d' };
  return { kind: 'unknown', reason: 'advertisement names no FTMS or heart-rate service' };
}
