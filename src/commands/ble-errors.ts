/**
 * BLE failures as one-line CLI errors with distinct exit codes (scripts can tell "no radio"
 * from "no rower"): 3 no usable adapter, 4 permission, 5 nothing found, 6 not an FTMS rower.
 */
import { CliError } from '../cli-error.js';
import { BleError, type BleErrorCode, SETCAP_HINT } from '../sources/ble/errors.js';
import { ProfileConfigError } from '../sources/ble/profile-config.js';

export const BLE_EXIT_CODES: Readonly<Record<BleErrorCode, number>> = {
  NO_BLUETOOTH: 3,
  ADAPTER_OFF: 3,
  ADAPTER_TIMEOUT: 3,
  PERMISSION: 4,
  TIMEOUT: 5,
  NO_ROWER: 5,
  NOT_FTMS: 6,
};

/** A CliError for a BLE (or profile file) error; anything else is returned unchanged. */
export function bleCliError(err: unknown): unknown {
  if (err instanceof ProfileConfigError) return new CliError(`device profiles ${err.message}`);
  if (!(err instanceof BleError)) return err;
  const extra = err.code === 'PERMISSION' && !err.message.includes('setcap') ? `\n  ${SETCAP_HINT}` : '';
  return new CliError(err.message + extra, BLE_EXIT_CODES[err.code]);
}
