/**
 * The one error every decoder in `ftms/` throws. Callers test `instanceof DecodeError` and `code`,
 * never the message text.
 */

export type DecodeErrorCode =
  /** no bytes at all */
  | 'EMPTY'
  /** fewer bytes than the flags (or the fixed header) require */
  | 'TOO_SHORT'
  /** the first byte is not a known op code / response code of this characteristic */
  | 'BAD_OPCODE';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';

  constructor(
    readonly code: DecodeErrorCode,
    /** the characteristic being decoded, lowercase 4-hex ('2ad1') */
    readonly char: string,
    message: string,
    /** bytes the payload needed (TOO_SHORT only) */
    readonly neededBytes?: number,
    /** bytes the payload had */
    readonly actualBytes?: number,
  ) {
    super(message);
  }
}

/** Throw TOO_SHORT (or EMPTY for zero bytes) unless `bytes` holds at least `needed` bytes. */
export function requireLength(bytes: Uint8Array, needed: number, char: string, what: string): void {
  if (bytes.length >= needed) return;
  if (bytes.length === 0) throw new DecodeError('EMPTY', char, `${char}: empty payload`, needed, 0);
  throw new DecodeError(
    'TOO_SHORT',
    char,
    `${char}: ${what} needs ${needed} bytes, got ${bytes.length}`,
    needed,
    bytes.length,
  );
}
