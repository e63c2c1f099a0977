/**
 * BLE failures as one-line CLI errors with distinct exit codes (scripts can tell "no radio"
 * from "no rower"): the codes come from the table in exit-codes.ts.
 */
import { CliError } from '../cli-error.js';
import { BleError, SETCAP_HINT } from '../sources/ble/errors.js';
import { cliError, EXIT_CODE_OF } from './exit-codes.js';
import { ProfileConfigError } from '../sources/ble/profile-config.js';


/** A CliError for a BLE (or profile file) error; anything else is returned unchanged. */
export function bleCliError(err: unknown): unknown {
  if (err instanceof ProfileConfigError) return cliError(err, 'device profiles ');
  if (!(err instanceof BleError)) return err;
  const extra = err.code === 'PERMISSION' && !err.message.includes('setcap') ? `\n  ${SETCAP_HINT}` : '';
  return new CliError(err.message + extra, EXIT_CODE_OF[err.code]);
}
