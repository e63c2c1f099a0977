/**
 * Typed errors of the BLE source. Callers test `instanceof BleError` and `code`, never the text.
 */
export type BleErrorCode =
  | 'NO_BLUETOOTH' // the OS offers no Bluetooth socket (EAFNOSUPPORT) or the adapter is unsupported
  | 'ADAPTER_OFF' // adapter present but powered off (or the remote adapter is unreachable)
  | 'PERMISSION' // not allowed to open the raw HCI socket / unauthorized
  | 'ADAPTER_TIMEOUT' // adapter never reported a state
  | 'TIMEOUT' // a single noble call did not settle in time
  | 'NOT_FTMS' // the device is known not to speak FTMS, or has no Rower Data characteristic
  | 'NO_ROWER'; // nothing matching was found within the scan timeout

/** Printed by the CLI when the raw HCI socket is refused. */
export const SETCAP_HINT = 'sudo setcap cap_net_raw+eip $(readlink -f $(which node))';

export class BleError extends Error {
  constructor(
    readonly code: BleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BleError';
  }
}

/** A noble call that did not settle within its time limit. */
export class BleTimeoutError extends BleError {
  constructor(readonly what: string, readonly timeoutMs: number) {
    super('TIMEOUT', `${what} did not answer within ${timeoutMs} ms`);
    this.name = 'BleTimeoutError';
  }
}

/** True for errors a reconnect cannot cure (wrong device, no radio). */
export function isFatalBleError(err: unknown): boolean {
  return err instanceof BleError && err.code !== 'TIMEOUT';
}
