/** `ergsprint scan`: list FTMS rowers and heart-rate straps in range, then exit. */
import { join } from 'node:path';
import { parseTimeoutS } from './time-options.js';
import { loadNoble, waitPoweredOn } from '../sources/ble/load-noble.js';
import { loadUserProfiles, profileLookup } from '../sources/ble/profile-config.js';
import { scanDevices, type ScannedDevice } from '../sources/ble/scan-devices.js';
import { dataDir } from '../store/data-dir.js';
import { bleCliError } from './ble-errors.js';
import { textTable } from './text-table.js';

export interface ScanFlags {
  timeout: string;
  json?: boolean;
  all?: boolean;
  profiles?: string;
}

const LABEL: Record<ScannedDevice['kind'], string> = { rower: 'FTMS rower', hr: 'HR strap', 'not-ftms': 'NOT FTMS', unknown: '?' };

/** The `scan` command's action (its options are declared in src/cli/scan.ts). */
export async function scanCommand(flags: ScanFlags): Promise<void> {
  const seconds = parseTimeoutS(flags.timeout);
  try {
    const { lookup } = profileLookup(loadUserProfiles(flags.profiles, join(dataDir(), 'profiles.json')));
    const noble = await loadNoble();
    await waitPoweredOn(noble, 10_000);
    if (!flags.json) process.stderr.write(`scanning for ${seconds} s...\n`);
    const devices = await scanDevices(noble, { durationMs: seconds * 1000, profiles: lookup, all: flags.all === true });
    process.stdout.write(flags.json ? JSON.stringify({ devices }, null, 2) + '\n' : table(devices));
  } catch (err) {
    throw bleCliError(err);
  }
}

function table(devices: ScannedDevice[]): string {
  if (devices.length === 0) return 'no FTMS rowers or heart-rate straps heard (is the console awake and not connected to another app?)\n';
  const rows = devices.map((d) => [LABEL[d.kind], d.name ?? '(no name)', d.id, `${d.rssi} dBm`, d.reason]);
  return textTable(rows).join('\n') + '\n';
}
