/**
 * Cold start of the built CLI (issue 14): wall time of a whole process against `node -e 0` on the
 * same machine in the same run — read the ratios vitest prints ("× slower than node -e 0").
 * Targets: `--version` ≤ 1.5×, `analyze` of a fixture ≤ 3×. Child processes get an empty data
 * directory, so no history database is opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'bin.js');
const fixture = join(root, 'fixtures', 'hiit-allout.ndjson');
const env = { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ergsprint-cold-')) };
const run = (args: string[]): void => void execFileSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });

describe('cold start (whole process, built CLI)', () => {
  bench('node -e 0', () => run(['-e', '0']), { iterations: 20, time: 0 });
  bench('ergsprint --version', () => run([bin, '--version']), { iterations: 20, time: 0 });
  bench('ergsprint --help', () => run([bin, '--help']), { iterations: 20, time: 0 });
  bench('ergsprint analyze fixtures/hiit-allout.ndjson', () => run([bin, 'analyze', fixture]), { iterations: 20, time: 0 });
});
