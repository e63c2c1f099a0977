/**
 * GATT UUIDs used by ergsprint, in noble's form: lowercase 4-hex strings (exact match on Linux).
 * Sources: Bluetooth SIG Assigned Numbers; FTMS 1.0, HRS 1.0.
 */

/** Rower Data, notify (FTMS §4.8). */
export const ROWER_DATA = '2ad1';
/** Training Status, read/notify (FTMS §4.10). */
export const TRAINING_STATUS = '2ad3';
/** Fitness Machine Status, notify (FTMS §4.17). */
export const MACHINE_STATUS = '2ada';
/** Fitness Machine Control Point, write/indicate (FTMS §4.16). */
export const CONTROL_POINT = '2ad9';

/** Heart Rate Measurement, notify (HRS §3.1). */
export const HEART_RATE_MEASUREMENT = '2a37';

