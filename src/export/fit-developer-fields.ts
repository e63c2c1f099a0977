/**
 * ergsprint's FIT developer fields (docs/interop.md §A6) under its own application id,
 * developer_data_index 0. Names follow rowingdata where it has one (WorkoutState: 1 work, 3 rest).
 * Field numbers and VerdictCode values are a contract: extend, never renumber.
 */
import { Profile, type DeveloperDataIdMesg, type FieldDescriptionMesg } from '@garmin/fitsdk';
import type { Verdict } from '../analysis/types.js';
import { fitEnum } from './fit-fields.js';

/** ergsprint's FIT application id (a fixed random UUID, 16 bytes). */
export const ERGSPRINT_APPLICATION_ID = [0x5e, 0x2b, 0x91, 0x0c, 0x7a, 0x44, 0x4f, 0x3e, 0x9d, 0x61, 0x0b, 0xe8, 0x27, 0xc4, 0x55, 0xa9];

export interface DeveloperField {
  key: number;
  name: string;
  mesg: 'lap' | 'session' | 'record';
  baseType: 'uint8' | 'uint16' | 'float32';
  units: string;
  min: number;
  max: number;
}

export const DEVELOPER_FIELDS = {
  AllOut: { key: 0, name: 'AllOut', mesg: 'lap', baseType: 'uint8', units: '', min: 0, max: 1 },
  AllOutScore: { key: 1, name: 'AllOutScore', mesg: 'lap', baseType: 'uint8', units: '%', min: 0, max: 100 },
  VerdictCode: { key: 2, name: 'VerdictCode', mesg: 'lap', baseType: 'uint8', units: '', min: 0, max: 254 },
  ExpectedPower: { key: 3, name: 'ExpectedPower', mesg: 'lap', baseType: 'uint16', units: 'W', min: 0, max: 65534 },
  AllOutCount: { key: 4, name: 'AllOutCount', mesg: 'session', baseType: 'uint8', units: '', min: 0, max: 254 },
  RepCount: { key: 5, name: 'RepCount', mesg: 'session', baseType: 'uint8', units: '', min: 0, max: 254 },
  DecrementScore: { key: 6, name: 'DecrementScore', mesg: 'session', baseType: 'float32', units: '%', min: -1000, max: 1000 },
  WorkoutState: { key: 7, name: 'WorkoutState', mesg: 'record', baseType: 'uint8', units: '', min: 0, max: 254 },
} as const satisfies Record<string, DeveloperField>;

export type DeveloperFieldName = keyof typeof DEVELOPER_FIELDS;

/** VerdictCode values: 0 all-out, 1 held-back, 2 below, 3 not judged, 4 close. */
export function verdictCode(v: Verdict | undefined): number {
  if (v === undefined) return 3;
  switch (v.kind) {
    case 'all-out':
    case 'all-out-paced':
    case 'fatigued-all-out':
      return 0;
    case 'held-back':
      return 1;
    case 'below':
      return 2;
    case 'close':
      return 4;
    default:
      return 3;
  }
}

export function developerDataIdMesg(applicationVersion: number): DeveloperDataIdMesg {
  return { developerDataIndex: 0, applicationId: ERGSPRINT_APPLICATION_ID, applicationVersion, manufacturerId: fitEnum('manufacturer', 'development') };
}

export function fieldDescriptionMesg(f: DeveloperField): FieldDescriptionMesg {
  const native = { lap: Profile.MesgNum.LAP, session: Profile.MesgNum.SESSION, record: Profile.MesgNum.RECORD }[f.mesg];
  return { developerDataIndex: 0, fieldDefinitionNumber: f.key, fitBaseTypeId: fitEnum('fitBaseType', f.baseType), fieldName: f.name, units: f.units, nativeMesgNum: native };
}

/** A developer field value clamped to its range (integers rounded). */
export function devValue(f: DeveloperField, value: number): number {
  const v = Math.min(f.max, Math.max(f.min, value));
  return f.baseType === 'float32' ? Math.round(v * 10) / 10 : Math.round(v);
}
