/**
 * vitest globalSetup: `npm run build` once per test run, before any test file, when dist/ is
 * older than the sources (tests that run the CLI as a process use the built dist/bin.js). A
 * failed build fails the run with the compiler's output: no test runs against a stale build.
 */
import { execFileSync } from 'node:child_process';
import { isBuildStale, root } from './commands/cli-process.js';

export default function setup(): void {
  if (!isBuildStale()) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm run build failed, so the CLI tests cannot run:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}
