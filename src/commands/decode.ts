/**
 * `ergsprint decode [--char 2ad1|2a37|2acc|2ad3|2ada|2ad9] [--json] [HEX ...]`: decode FTMS /
 * Heart Rate payloads given as arguments or one per line on stdin (blank lines skipped).
 * Exit 0 when every payload decoded, 1 when any failed, 2 for bad usage.
 */
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { decodePayload, DECODERS, isDecodableChar, outcomeJson, outcomeText } from './decode-format.js';

export interface DecodeIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
}

export interface DecodeFlags {
  char: string;
  json?: boolean;
}

async function readLines(stream: Readable): Promise<string[]> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text.split(/\r?\n/);
}

/** Decode and print every payload; returns how many failed. Throws CliError(…, 2) for bad usage. */
export async function runDecode(hexArgs: string[], flags: DecodeFlags, io: DecodeIo): Promise<number> {
  const char = flags.char.toLowerCase();
  if (!isDecodableChar(char)) {
    throw new CliError(`unknown --char ${JSON.stringify(flags.char)}: use one of ${Object.keys(DECODERS).join(', ')}`, 2);
  }
  let payloads = hexArgs;
  if (payloads.length === 0) {
    if (io.stdin.isTTY === true) throw new CliError('no payloads: pass HEX arguments or pipe them one per line on stdin', 2);
    payloads = await readLines(io.stdin);
  }
  let failed = 0;
  for (const text of payloads) {
    if (text.trim() === '') continue;
    const outcome = decodePayload(char, text);
    if (!outcome.ok) failed += 1;
    io.stdout.write(flags.json === true ? outcomeJson(outcome) + '\n' : outcomeText(char, text, outcome));
  }
  return failed;
}

/** Add `decode` to the program; `io` defaults to the process's stdin/stdout (tests pass streams). */
export function register(program: Command, io: DecodeIo = { stdin: process.stdin, stdout: process.stdout }): void {
  program
    .command('decode')
    .description('decode FTMS / Heart Rate payloads (hex) given as arguments or one per line on stdin')
    .argument('[hex...]', 'payloads in hex; spaces and colons inside are allowed')
    .option('--char <uuid>', `characteristic: ${Object.keys(DECODERS).join(' | ')}`, '2ad1')
    .option('--json', 'one JSON object per payload (the field names of shared/ftms/vectors.json)')
    .addHelpText('after', '\nExit status: 0 all decoded, 1 some payload failed to decode, 2 bad usage.')
    .action(async (hexArgs: string[], flags: DecodeFlags) => {
      const failed = await runDecode(hexArgs, flags, io);
      if (failed > 0) throw new CliError(`${failed} payload${failed === 1 ? '' : 's'} failed to decode`, 1);
    });
}
