import type { StartupMode } from '../../../ftms/device-profiles.js';

/**
 * A simulated BLE device as a rower console or strap presents it: advertisement, GATT table and
 * the quirks real machines have (REFERENCE rules 8–9). Pure data; `VirtualBindings` runs it.
 */
export interface VirtualDeviceSpec {
  /** noble peripheral id (lowercase hex address without colons) */
  id: string;
  name: string;
  /** default: serviceUuids ['1826'] and FTMS service data `01 10 00` (available rower) */
  advertise?: { serviceUuids?: string[]; serviceData?: Buffer | null };
  /** GATT services; default ['1826'] */
  services?: string[];
  /** 'control-start': nothing on 2ad1 until Request Control then Start succeeded (I-Rower, Sunny SF-RW...) */
  startup?: StartupMode;
  /** result code answering Start (default: 1 success, or 5 without control); 5 with startup 'none' = answers "control not permitted" yet streams */
  startAnswer?: number;
  /** characteristics whose subscribe is never answered (noble would hang) */
  hangSubscribe?: string[];
  /** never answer a connect */
  hangConnect?: boolean;
  /** 2acc value; default 8 bytes (features: stroke count, distance, pace, power, elapsed) */
  feature?: Buffer;
  rssi?: number;
}

interface CharDef {
  uuid: string;
  properties: string[];
}

/** GATT characteristics of each service a virtual device may have. */
export const GATT: Readonly<Record<string, readonly CharDef[]>> = {
  '1826': [
    { uuid: '2acc', properties: ['read'] },
    { uuid: '2ad1', properties: ['notify'] },
    { uuid: '2ad3', properties: ['read', 'notify'] },
    { uuid: '2ada', properties: ['notify'] },
    { uuid: '2ad9', properties: ['write', 'indicate'] },
  ],
  '180d': [{ uuid: '2a37', properties: ['notify'] }],
  '180a': [
    { uuid: '2a29', properties: ['read'] },
    { uuid: '2a24', properties: ['read'] },
    { uuid: '2a26', properties: ['read'] },
  ],
};

/** Service of a characteristic, or undefined. */
export function serviceOf(charUuid: string): string | undefined {
  return Object.keys(GATT).find((svc) => GATT[svc]?.some((c) => c.uuid === charUuid));
}

/** Default read values (Device Information strings, Fitness Machine Feature). */
export function readValue(spec: VirtualDeviceSpec, charUuid: string): Buffer | undefined {
  switch (charUuid) {
    case '2acc':
      // features: bit 1 cadence, 2 total distance, 5 pace, 12 elapsed time, 14 power measurement
      return spec.feature ?? Buffer.from([0x26, 0x50, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    case '2ad3':
      return Buffer.from([0x00, 0x01]); // idle
    case '2a29':
      return Buffer.from('ergsprint', 'utf8');
    case '2a24':
      return Buffer.from('virtual rower', 'utf8');
    case '2a26':
      return Buffer.from('1.0', 'utf8');
    default:
      return undefined;
  }
}

/** FTMS service data for an available rower: flags 01, machine type 0x0010 (rower) LE. */
export const ROWER_SERVICE_DATA = Buffer.from([0x01, 0x10, 0x00]);
