/**
 * `ergsprint decode`: decode FTMS / Heart Rate payloads given as arguments or on stdin.
 * Name, description and options only: the implementation (src/commands/decode.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { DecodeFlags, DecodeIo } from '../commands/decode.js';
import { CONTROL_POINT, HEART_RATE_MEASUREMENT, MACHINE_FEATURE, MACHINE_STATUS, ROWER_DATA, TRAINING_STATUS } from '../ftms/uuids.js';

/** The characteristics `decode` knows: the keys of DECODERS (src/ftms/decode-by-char.ts; a test keeps them equal). */
export const DECODE_CHARS: readonly string[] = [ROWER_DATA, HEART_RATE_MEASUREMENT, MACHINE_FEATURE, TRAINING_STATUS, MACHINE_STATUS, CONTROL_POINT];

export function register(program: Command, io: DecodeIo = { stdin: process.stdin, stdout: process.stdout }): void {
  program
    .command('decode')
    .description('decode FTMS / Heart Rate payloads (hex) given as arguments or one per line on stdin')
    .argument('[hex...]', 'payloads in hex; spaces and colons inside are allowed')
    .option('--char <uuid>', `characteristic: ${DECODE_CHARS.join(' | ')}`, ROWER_DATA)
    .option('--json', 'one JSON object per payload: flags, moreData and every decoded field')
    .addHelpText('after', '\nStdin: one payload per line, at most 64 KiB a line and 512 MiB in all.\nExit status: 0 all decoded, 1 some payload failed to decode, 2 bad usage.')
    .action(async (hexArgs: string[], flags: DecodeFlags) => (await import('../commands/decode.js')).decodeCommand(hexArgs, flags, io));
}
