/**
 * Little-endian integer fields as GATT characteristics carry them (Bluetooth Core Vol 3 Part G:
 * multi-octet fields are little-endian). Callers check the length first; these never read past
 * `bytes.length` (a missing byte would read as 0, which the length checks make impossible).
 */

/** Width of a field in bytes. */
export type FieldWidth = 1 | 2 | 3 | 4;

/** Read an unsigned or two's-complement signed little-endian integer of `width` bytes at `offset`. */
export function readInt(bytes: Uint8Array, offset: number, width: FieldWidth, signed: boolean): number {
  let value = 0;
  for (let i = width - 1; i >= 0; i--) value = value * 256 + (bytes[offset + i] ?? 0);
  if (signed) {
    const half = 2 ** (8 * width - 1);
    if (value >= half) value -= 2 * half;
  }
  return value;
}

/** Write `value` (already an integer within range) little-endian into `out` at `offset`. */
export function writeInt(out: Uint8Array, offset: number, width: FieldWidth, value: number): void {
  let v = value < 0 ? value + 2 ** (8 * width) : value;
  for (let i = 0; i < width; i++) {
    out[offset + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

/** The integer range a field of `width` bytes can hold. */
export function intRange(width: FieldWidth, signed: boolean): { min: number; max: number } {
  const span = 2 ** (8 * width);
  return signed ? { min: -span / 2, max: span / 2 - 1 } : { min: 0, max: span - 1 };
}

/** Round to an integer and clamp into [min, max]; NaN becomes min. */
export function clampInt(value: number, min: number, max: number): number {
  const r = Math.round(value);
  if (Number.isNaN(r)) return min;
  return Math.min(max, Math.max(min, r));
}
