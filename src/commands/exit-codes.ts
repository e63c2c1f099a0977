/**
 * The one table from typed error codes to exit codes (README "Exit codes"), so a script can tell
 * "no radio" from "no rower" from "bad input" whichever command it ran. A command catches a typed
 * error by class (`instanceof`, STYLE habit 12) and throws `cliError(err)`; the code picks the exit
 * status here, never in the command. Type-only imports: loading this table loads no error module.
 */
import type { RowTimeErrorCode } from '../analysis/reference.js';
import type { DecodeErrorCode } from '../ftms/decode-error.js';
import type { RecordingErrorCode, RecordingWriteErrorCode } from '../recording/recording-error.js';
import type { FileOpenErrorCode } from '../recording/regular-file.js';
import type { BleErrorCode } from '../sources/ble/errors.js';
import type { SimulateErrorCode } from '../sources/simulator/simulate-options.js';
import type { PlanErrorCode } from '../workouts/parse-plan.js';
import type { ImportErrorCode } from '../sources/import/import-error.js';
import { CliError } from '../cli-error.js';

/** Every exit status ergsprint uses. */
export const EXIT = {
  ok: 0,
  /** something failed: `decode` could not decode a payload, or an unexpected error (a bug) */
  failed: 1,
  /** bad usage, an unreadable or invalid file, a flag out of range */
  badInput: 2,
  /** no usable Bluetooth adapter (none, powered off, never answered) */
  noAdapter: 3,
  /** not allowed to use the adapter (raw HCI socket refused) */
  permission: 4,
  /** nothing found or answered in time */
  notFound: 5,
  /** the device does not speak FTMS */
  notFtms: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Codes of the typed errors commands turn into CLI errors. */
export type TypedErrorCode =
  | BleErrorCode
  | RecordingErrorCode
  | RecordingWriteErrorCode
  | FileOpenErrorCode
  | DecodeErrorCode
  | PlanErrorCode
  | SimulateErrorCode
  | RowTimeErrorCode
  | ImportErrorCode
  | 'BAD_PROFILES' // ProfileConfigError
  | 'BAD_DROP' // DropSpecError
  | 'BAD_OPTION' // ReplayOptionsError
  | 'BAD_ORIGIN'; // OriginConfigError

export const EXIT_CODE_OF: Readonly<Record<TypedErrorCode, ExitCode>> = {
  // BLE: what is wrong with the radio or the device
  NO_BLUETOOTH: EXIT.noAdapter,
  ADAPTER_OFF: EXIT.noAdapter,
  ADAPTER_TIMEOUT: EXIT.noAdapter,
  PERMISSION: EXIT.permission,
  TIMEOUT: EXIT.notFound,
  NO_ROWER: EXIT.notFound,
  NOT_FTMS: EXIT.notFtms,
  // files the user named: recordings, plans, profiles (read and write)
  NOT_FOUND: EXIT.badInput,
  READ_FAILED: EXIT.badInput,
  NO_HEADER: EXIT.badInput,
  BAD_HEADER: EXIT.badInput,
  BAD_VERSION: EXIT.badInput,
  BAD_LINE: EXIT.badInput,
  TIME_BACKWARDS: EXIT.badInput,
  LINE_TOO_LONG: EXIT.badInput,
  EXISTS: EXIT.badInput,
  IO: EXIT.badInput,
  BAD_ITEM: EXIT.badInput,
  CLOSED: EXIT.badInput,
  NOT_A_FILE: EXIT.badInput,
  UNREADABLE: EXIT.badInput,
  TOO_BIG: EXIT.badInput,
  BAD_JSON: EXIT.badInput,
  INVALID_PLAN: EXIT.badInput,
  UNKNOWN_PLAN: EXIT.badInput,
  BAD_PROFILES: EXIT.badInput,
  // payloads and flags
  EMPTY: EXIT.badInput,
  TOO_SHORT: EXIT.badInput,
  BAD_OPCODE: EXIT.badInput,
  FORMAT: EXIT.badInput,
  RANGE: EXIT.badInput,
  BAD_NUMBER: EXIT.badInput,
  BAD_PROFILE: EXIT.badInput,
  BAD_HR: EXIT.badInput,
  BAD_REP: EXIT.badInput,
  BAD_PRESET: EXIT.badInput,
  BAD_GAP: EXIT.badInput,
  BAD_DATE: EXIT.badInput,
  BAD_PROTOCOL: EXIT.badInput,
  BAD_DROP: EXIT.badInput,
  BAD_OPTION: EXIT.badInput,
  BAD_ORIGIN: EXIT.badInput,
  // files given to import (other apps' sessions)
  UNKNOWN_FORMAT: EXIT.badInput,
  BAD_FILE: EXIT.badInput,
  NO_STROKES: EXIT.badInput,
  BAD_CRC: EXIT.badInput,
  TRUNCATED: EXIT.badInput,
  NOT_ROWING: EXIT.badInput,
};

/** A typed error as the one-line CLI error its code calls for; `prefix` names the flag or file kind ("--plan: "). */
export function cliError(err: Error & { readonly code: TypedErrorCode }, prefix = ''): CliError {
  return new CliError(prefix + err.message, EXIT_CODE_OF[err.code]);
}
