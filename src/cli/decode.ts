/**
 * `ergsprint decode`: decode FTMS / Heart Rate payloads given as arguments or on stdin.
 * Name, description and options only: the implementation (src/commands/decode.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { DecodeFlags, DecodeIo } from '../commands/decode.js';

/** The characteristics `decode` knows: the keys of DECODERS (src/ftms/decode-by-char.ts; a test keeps them equal). */
export const DECODE_CHARS: readonly string[] = ['2ad1', '2a37', '2acc', '2ad3', '2ada', '2ad9'];

export function register(program: Command, io: DecodeIo = { stdin: process.stdin, stdout: process.stdout }): void {
  program
    .command('decode')
    .description('decode FTMS / Heart Rate payloads (hex) given as arguments or one per line on stdin')
    .argument('[hex...]', 'payloads in hex; spaces and colons inside are allowed')
    .option('--char <uuid>', `characteristic: ${DECODE_CHARS.join(' | ')}`, '2ad1')
    .option('--json', 'one JSON object per payload (the field names of shared/ftms/vectors.json)')
    .addHelpText('after', '\nStdin: one payload per line, at most 64 KiB a line and 512 MiB in all.\nExit status: 0 all decoded, 1 some payload failed to decode, 2 bad usage.')
    .action(async (hexArgs: string[], flags: DecodeFlags) => (await import('../commands/decode.js')).decodeCommand(hexArgs, flags, io));
}
