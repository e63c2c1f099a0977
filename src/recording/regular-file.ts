/**
 * Opening the files a user names (recordings, plans, profiles): regular files only. The open is
 * non-blocking, so a FIFO or a device cannot hang the command, and the type comes from `fstat`
 * of the opened descriptor (no race between a check and the open). A UTF-8 byte-order mark at the
 * start of a text file is ignored, the same way for every file type.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type FileOpenErrorCode = 'NOT_FOUND' | 'NOT_A_FILE' | 'UNREADABLE' | 'TOO_BIG';

/** A named file cannot be used; the message is `path: reason`. */
export class FileOpenError extends Error {
  constructor(
    readonly code: FileOpenErrorCode,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FileOpenError';
  }
}

/** Small text files (plans, profiles) larger than this are refused, bytes. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** `text` without a leading UTF-8 byte-order mark (U+FEFF). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** "is a directory, not a regular file" and the like. */
function notRegular(st: Stats): string {
  const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : undefined;
  return kind === undefined ? 'not a regular file' : `is ${kind}, not a regular file`;
}

/** Open `path` for reading if it is a regular file; returns the descriptor (caller closes it) and the size in bytes. */
export function openRegularFile(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileOpenError('NOT_FOUND', path, 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw new FileOpenError('UNREADABLE', path, 'permission denied');
    throw new FileOpenError('UNREADABLE', path, `cannot open (${code ?? (err as Error).message})`);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new FileOpenError('NOT_A_FILE', path, notRegular(st));
  }
  return { fd, size: st.size };
}

/** The first `size` bytes of an open file (fewer if it is shorter by now). */
export function readOpened(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, null);
    if (n === 0) break;
    off += n;
  }
  return off === size ? buf : buf.subarray(0, off);
}

/** The UTF-8 text of a small regular file (BOM stripped); throws FileOpenError. */
export function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  const { fd, size } = openRegularFile(path);
  try {
    if (size > maxBytes) throw new FileOpenError('TOO_BIG', path, `larger than ${maxBytes} bytes`);
    return stripBom(readOpened(fd, size).toString('utf8'));
  } catch (err) {
    if (err instanceof FileOpenError) throw err;
    throw new FileOpenError('UNREADABLE', path, `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    closeSync(fd);
  }
}
