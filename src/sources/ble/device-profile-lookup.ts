/**
 * What the BLE source needs from a device profile (src/ftms/device-profiles.ts holds the table;
 * its `ConsoleProfile` satisfies this structurally). Passed in, so the source stays testable.
 */
import type { StartupMode } from '../../ftms/device-profiles.js';

export interface BleProfile {
  id: string;
  startup: StartupMode;
  /** known not to speak FTMS (SmartRow, Echelon, older Domyos): say so rather than fail silently */
  notFtms?: string;
}

/** Profile for an advertised name, or undefined for an unknown device. */
export type ProfileLookup = (name: string) => BleProfile | undefined;

