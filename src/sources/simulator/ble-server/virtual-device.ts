import type { ControlResultName } from '../../../ftms/control-point.js';
import type { StartupMode } from '../../../ftms/device-profiles.js';
import { encodeFeature } from '../../../ftms/feature.js';
import { encodeServiceData } from '../../../ftms/service-data.js';
import { encodeTrainingStatus, TRAINING_STATUS_NAMES } from '../../../ftms/training-status.js';
import {
  CONTROL_POINT,
  DEVICE_INFORMATION_SERVICE,
  FIRMWARE_REVISION,
  FTMS_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  MACHINE_FEATURE,
  MACHINE_STATUS,
  MANUFACTURER_NAME,
  MODEL_NUMBER,
  ROWER_DATA,
  TRAINING_STATUS,
} from '../../../ftms/uuids.js';

/**
 * A simulated BLE device as a rower console or strap presents it: advertisement, GATT table and
 * the quirks real machines have (docs/ftms.md §4 rules 8–9). Pure data; `VirtualBindings` runs it.
 * Every value it serves is built by the ftms/ encoders.
 */
export interface VirtualDeviceSpec {
  /** noble peripheral id (lowercase hex address without colons) */
  id: string;
  name: string;
  /** default: serviceUuids [FTMS_SERVICE] and FTMS service data `01 10 00` (available rower) */
  advertise?: { serviceUuids?: string[]; serviceData?: Buffer | null };
  /** GATT services; default [FTMS_SERVICE] */
  services?: string[];
  /** 'control-start': nothing on Rower Data until Request Control then Start succeeded (I-Rower, Sunny SF-RW...) */
  startup?: StartupMode;
  /** result answering Start (default: success, or control-not-permitted without control); with startup 'none', control-not-permitted = refuses yet streams */
  startAnswer?: Exclude<ControlResultName, 'reserved'>;
  /** characteristics whose subscribe is never answered (noble would hang) */
  hangSubscribe?: string[];
  /** never answer a connect */
  hangConnect?: boolean;
  /** Fitness Machine Feature value; default DEFAULT_FEATURES encoded */
  feature?: Buffer;
  rssi?: number;
}

interface CharDef {
  uuid: string;
  properties: string[];
}

/** GATT characteristics of each service a virtual device may have. */
export const GATT: Readonly<Record<string, readonly CharDef[]>> = {
  [FTMS_SERVICE]: [
    { uuid: MACHINE_FEATURE, properties: ['read'] },
    { uuid: ROWER_DATA, properties: ['notify'] },
    { uuid: TRAINING_STATUS, properties: ['read', 'notify'] },
    { uuid: MACHINE_STATUS, properties: ['notify'] },
    { uuid: CONTROL_POINT, properties: ['write', 'indicate'] },
  ],
  [HEART_RATE_SERVICE]: [{ uuid: HEART_RATE_MEASUREMENT, properties: ['notify'] }],
  [DEVICE_INFORMATION_SERVICE]: [
    { uuid: MANUFACTURER_NAME, properties: ['read'] },
    { uuid: MODEL_NUMBER, properties: ['read'] },
    { uuid: FIRMWARE_REVISION, properties: ['read'] },
  ],
};

/** Service of a characteristic, or undefined. */
export function serviceOf(charUuid: string): string | undefined {
  return Object.keys(GATT).find((svc) => GATT[svc]?.some((c) => c.uuid === charUuid));
}

/** The features a virtual rower announces (FTMS §4.3.1.1): what its Rower Data carries. */
export const DEFAULT_FEATURES = ['cadence', 'total-distance', 'pace', 'elapsed-time', 'power-measurement'] as const;

/** Default read values (Device Information strings as UTF-8, DIS §3; Fitness Machine Feature; Training Status idle). */
export function readValue(spec: VirtualDeviceSpec, charUuid: string): Buffer | undefined {
  switch (charUuid) {
    case MACHINE_FEATURE:
      return spec.feature ?? Buffer.from(encodeFeature(DEFAULT_FEATURES));
    case TRAINING_STATUS:
      return Buffer.from(encodeTrainingStatus(TRAINING_STATUS_NAMES.indexOf('idle')));
    case MANUFACTURER_NAME:
      return Buffer.from('ergsprint', 'utf8');
    case MODEL_NUMBER:
      return Buffer.from('virtual rower', 'utf8');
    case FIRMWARE_REVISION:
      return Buffer.from('1.0', 'utf8');
    default:
      return undefined;
  }
}

/** FTMS service data of an available rower (FTMS §3.1.1): `01 10 00`. */
export const ROWER_SERVICE_DATA = Buffer.from(encodeServiceData({ available: true, machineTypes: ['rower'] }));
