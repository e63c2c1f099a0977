/**
 * GATT UUIDs used by ergsprint, in noble's form: lowercase 4-hex strings (exact match on Linux).
 * The one home of these numbers: the BLE source, the simulator, the decoders and the CLI import them.
 * Sources: Bluetooth SIG Assigned Numbers (16-bit UUIDs for services, characteristics and
 * descriptors); FTMS 1.0, HRS 1.0, DIS 1.1, Core Specification Vol 3 Part G §3.3.3.3 (CCCD).
 */

/** Fitness Machine service (FTMS §3). */
export const FTMS_SERVICE = '1826';
/** Fitness Machine Feature, read (FTMS §4.3). */
export const MACHINE_FEATURE = '2acc';
/** Rower Data, notify (FTMS §4.8). */
export const ROWER_DATA = '2ad1';
/** Training Status, read/notify (FTMS §4.10). */
export const TRAINING_STATUS = '2ad3';
/** Fitness Machine Status, notify (FTMS §4.17). */
export const MACHINE_STATUS = '2ada';
/** Fitness Machine Control Point, write/indicate (FTMS §4.16). */
export const CONTROL_POINT = '2ad9';

/** Heart Rate service (HRS §3). */
export const HEART_RATE_SERVICE = '180d';
/** Heart Rate Measurement, notify (HRS §3.1). */
export const HEART_RATE_MEASUREMENT = '2a37';

/** Device Information service (DIS §3). */
export const DEVICE_INFORMATION_SERVICE = '180a';
/** Manufacturer Name String (DIS §3.2). */
export const MANUFACTURER_NAME = '2a29';
/** Model Number String (DIS §3.3). */
export const MODEL_NUMBER = '2a24';
/** Firmware Revision String (DIS §3.6). */
export const FIRMWARE_REVISION = '2a26';

/** Client Characteristic Configuration descriptor: 01 00 notify, 02 00 indicate (Core Vol 3 Part G §3.3.3.3). */
export const CLIENT_CHARACTERISTIC_CONFIGURATION = '2902';
