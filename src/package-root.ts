/**
 * Files shipped beside the code (the built display, the demo recording) are found from the
 * package's root — the nearest folder above this module holding ergsprint's package.json — so the
 * same code works from src/ (tests), from tsc's dist/ and from the bundled dist/chunks/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

function isOurs(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'ergsprint';
  } catch {
    return false;
  }
}

/** Absolute path of `parts` under the package root. */
export function packagePath(...parts: string[]): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!isOurs(dir)) {
      const up = dirname(dir);
      if (up === dir) throw new Error(`ergsprint's package.json was not found above ${fileURLToPath(import.meta.url)}`);
      dir = up;
    }
    root = dir;
  }
  return join(root, ...parts);
}
