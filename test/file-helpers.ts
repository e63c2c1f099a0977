/** Test helpers for file-opening tests: a scratch folder, a FIFO in it, the error a call throws. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'ergsprint-file-'));

/** A named pipe `name` in `dir` (mkfifo), with no writer. */
export function fifoIn(dir: string, name: string): string {
  const p = join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

/** The error `f` throws (fails the test when it throws nothing). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
