/**
 * One scan of the neighbourhood for `ergsprint scan`: every device heard within the window,
 * classified from its advertisement alone (no connections).
 */
import { firstValueFrom, takeUntil, timer, toArray, map, type Observable } from 'rxjs';
import { recognise, type DeviceKind } from './advertisement.js';
import type { ProfileLookup } from './device-profile-lookup.js';
import type { Noble, NoblePeripheral } from './noble-types.js';
import { Radio } from './radio.js';

export interface ScannedDevice {
  id: string;
  name: string | null;
  /** strongest RSSI heard, dBm */
  rssi: number;
  kind: DeviceKind;
  /** why it was classified so */
  reason: string;
  profile?: string;
}

/** Scan for `durationMs` ms; rowers and straps first, strongest first; unknown devices dropped unless `all`. */
export async function scanDevices(noble: Noble, opts: { durationMs: number; profiles: ProfileLookup; callTimeoutMs?: number; all?: boolean }): Promise<ScannedDevice[]> {
  const radio = new Radio(noble, { scanMs: opts.callTimeoutMs ?? 5000, connectMs: 0 });
  try {
    const seen: Observable<NoblePeripheral[]> = radio.seen$().pipe(takeUntil(timer(opts.durationMs)), toArray());
    const devices = await firstValueFrom(seen.pipe(map((list) => summarise(list, opts.profiles))));
    return devices.filter((d) => opts.all || d.kind !== 'unknown');
  } finally {
    await radio.close();
  }
}

const ORDER: Record<DeviceKind, number> = { rower: 0, hr: 1, 'not-ftms': 2, unknown: 3 };

function summarise(list: NoblePeripheral[], profiles: ProfileLookup): ScannedDevice[] {
  const byId = new Map<string, ScannedDevice>();
  for (const p of list) {
    const r = recognise(p.advertisement, profiles);
    const prev = byId.get(p.id);
    const rssi = Math.max(prev?.rssi ?? -Infinity, p.rssi);
    // later advertisements (scan responses) may add the name or services: keep the best verdict
    const best = prev && ORDER[prev.kind] <= ORDER[r.kind] ? prev : { id: p.id, name: p.advertisement.localName ?? null, rssi, kind: r.kind, reason: r.reason, ...(r.profile ? { profile: r.profile.id } : {}) };
    byId.set(p.id, { ...best, name: best.name ?? p.advertisement.localName ?? null, rssi });
  }
  return [...byId.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.rssi - a.rssi);
}
