/**
 * `ergsprint decode [--char 2ad1|2a37|2acc|2ad3|2ada|2ad9] [--json] [HEX ...]`: decode FTMS /
 * Heart Rate payloads given as arguments or one per line on stdin (blank lines skipped).
 * Exit 0 when every payload decoded, 1 when any failed, 2 for bad usage.
 * Stdin is streamed (memory does not grow with the input) and capped: at most 512 MiB in all and
 * 64 KiB per line (a BLE payload is at most 512 bytes, 1 KiB of hex).
 */
import type { Readable, Writable } from 'node:stream';
import { CliError } from '../cli-error.js';
import { decodePayload, DECODERS, isDecodableChar } from '../ftms/decode-by-char.js';
import { outcomeJson, outcomeText } from './decode-format.js';
import { EXIT } from './exit-codes.js';

export interface DecodeIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
}

export interface DecodeFlags {
  char: string;
  json?: boolean;
}

export interface DecodeLimits {
  /** stdin bytes in all */
  maxInputBytes: number;
  /** bytes of one stdin line */
  maxLineBytes: number;
}

export const DECODE_LIMITS: Readonly<DecodeLimits> = Object.freeze({ maxInputBytes: 512 * 1024 * 1024, maxLineBytes: 64 * 1024 });

/** The lines of `stream` (without '\n' or '\r\n'), one at a time; throws CliError past a limit. */
async function* lines(stream: Readable, limits: DecodeLimits): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let lineNo = 0;
  const tooLong = (): never => {
    throw new CliError(`stdin:${lineNo + 1}: line longer than ${limits.maxLineBytes} bytes (one payload per line)`, EXIT.badInput);
  };
  const take = (tail: Buffer): string => {
    const text = (pending.length === 0 ? tail : Buffer.concat([...pending, tail])).toString('utf8');
    pending = [];
    pendingBytes = 0;
    lineNo += 1;
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > limits.maxInputBytes) throw new CliError(`stdin: more than ${limits.maxInputBytes} bytes of input (split it into smaller runs)`, EXIT.badInput);
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl < 0) break;
      if (pendingBytes + (nl - start) > limits.maxLineBytes) tooLong();
      yield take(buf.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buf.length) {
      pendingBytes += buf.length - start;
      if (pendingBytes > limits.maxLineBytes) tooLong();
      pending.push(buf.subarray(start));
    }
  }
  if (pendingBytes > 0) yield take(Buffer.alloc(0));
}

/** Resolves when `out` drains (or closes, or fails: the exit path reports those). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
  });
}

/** Decode and print every payload; returns how many failed. Throws CliError (EXIT.badInput) for bad usage. */
export async function runDecode(hexArgs: string[], flags: DecodeFlags, io: DecodeIo, limits: DecodeLimits = DECODE_LIMITS): Promise<number> {
  const char = flags.char.toLowerCase();
  if (!isDecodableChar(char)) {
    throw new CliError(`unknown --char ${JSON.stringify(flags.char)}: use one of ${Object.keys(DECODERS).join(', ')}`, EXIT.badInput);
  }
  const blank = hexArgs.findIndex((a) => a.trim() === '');
  if (blank >= 0) throw new CliError(`payload argument ${blank + 1} is empty: give hex bytes like 2c0b00…, or pipe payloads on stdin`, EXIT.badInput);
  if (hexArgs.length === 0 && io.stdin.isTTY === true) throw new CliError('no payloads: pass HEX arguments or pipe them one per line on stdin', EXIT.badInput);
  const payloads: Iterable<string> | AsyncIterable<string> = hexArgs.length > 0 ? hexArgs : lines(io.stdin, limits);
  let failed = 0;
  let batch = '';
  const flush = async (): Promise<void> => {
    if (batch === '') return;
    const ok = io.stdout.write(batch);
    batch = '';
    if (!ok && !io.stdout.destroyed) await drained(io.stdout);
  };
  try {
    for await (const text of payloads) {
      if (text.trim() === '') continue;
      const outcome = decodePayload(char, text);
      if (!outcome.ok) failed += 1;
      batch += flags.json === true ? outcomeJson(outcome) + '\n' : outcomeText(char, text, outcome);
      if (batch.length >= 64 * 1024) await flush();
    }
  } finally {
    await flush(); // what was decoded before a stdin limit stopped the run is printed
  }
  return failed;
}

/** Add `decode` to the program; `io` defaults to the process's stdin/stdout (tests pass streams). */
/** The `decode` command's action (its options are declared in src/cli/decode.ts). */
export async function decodeCommand(hexArgs: string[], flags: DecodeFlags, io: DecodeIo): Promise<void> {
  const failed = await runDecode(hexArgs, flags, io);
  if (failed > 0) throw new CliError(`${failed} payload${failed === 1 ? '' : 's'} failed to decode`, EXIT.failed);
}
