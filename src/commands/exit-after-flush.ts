/**
 * Exit only after stdout and stderr have handed every queued byte to the OS. On Linux, writes to
 * a pipe are asynchronous: `process.exit()` right after a big `write()` drops whatever the reader
 * has not taken yet (`analyze --json | jq` stopped at the 64 KiB pipe buffer).
 */

/** Resolves once every write queued on `stream` so far has been flushed (or the stream is gone). */
export function flushed(stream: NodeJS.WritableStream & { destroyed?: boolean; writableLength?: number }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed === true) return resolve();
    const done = (): void => {
      stream.off('error', done).off('close', done);
      resolve();
    };
    stream.on('error', done).on('close', done);
    // Writes complete in order, so the callback of an empty write runs after all earlier ones.
    stream.write('', () => done());
  });
}

/** A closed reader (`| head`) is the end of the output, not a crash: exit quietly with `code`. */
export function exitQuietlyOnEpipe(stream: NodeJS.WriteStream, code: () => number): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(code());
    process.stderr.write(`ergsprint: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
}

/** Flush stdout and stderr, then exit with `code`. */
export async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
