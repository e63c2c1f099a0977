import { CliError } from '../cli-error.js';
import type { SimulateOptions } from '../sources/simulator/simulate-options.js';

/** PLACEHOLDER until the BLE peripheral simulator lands: replace this file. */
export async function runBleSimulator(_opts?: SimulateOptions): Promise<void> {
  throw new CliError('simulate --ble is not built yet');
}
