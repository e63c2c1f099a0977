/**
 * GATT UUIDs used by ergsprint, in noble's form: lowercase 4-hex strings (exact match on Linux).
 * Sources: Bluetooth SIG Assigned Numbers; FTMS 1.0, HRS 1.0, DIS 1.1.
 */

/** Fitness Machine Service (FTMS 1.0 §4). */
export const FTMS_SERVICE = '1826';
/** Rower Data, notify (FTMS §4.8). */
export const ROWER_DATA = '2ad1';
/** Fitness Machine Feature, read (FTMS §4.3). */
export const FITNESS_MACHINE_FEATURE = '2acc';
/** Training Status, read/notify (FTMS §4.10). */
export const TRAINING_STATUS = '2ad3';
/** Fitness Machine Status, notify (FTMS §4.17). */
export const MACHINE_STATUS = '2ada';
/** Fitness Machine Control Point, write/indicate (FTMS §4.16). */
export const CONTROL_POINT = '2ad9';
/** Supported Resistance Level Range, read (FTMS §4.13). */
export const SUPPORTED_RESISTANCE_RANGE = '2ad6';
/** Supported Power Range, read (FTMS §4.14). */
export const SUPPORTED_POWER_RANGE = '2ad8';

/** Heart Rate Service (HRS 1.0). */
export const HEART_RATE_SERVICE = '180d';
/** Heart Rate Measurement, notify (HRS §3.1). */
export const HEART_RATE_MEASUREMENT = '2a37';

/** Device Information Service (DIS 1.1). */
export const DEVICE_INFORMATION_SERVICE = '180a';
/** Manufacturer Name String. */
export const MANUFACTURER_NAME = '2a29';
/** Model Number String. */
export const MODEL_NUMBER = '2a24';
/** Firmware Revision String. */
export const FIRMWARE_REVISION = '2a26';

/** Client Characteristic Configuration descriptor (enable notifications / indications). */
export const CCCD = '2902';
