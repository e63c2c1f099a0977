/**
 * Prints one plain closing line, `N passed, N failed`, after vitest's own report, so CI logs end
 * with a summary any tool can read. Skipped tests (the shared FTMS vectors when ../shared is
 * absent) are counted on the line before it.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      // a module that failed to load has no tests but is still a failure
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    failed += unhandledErrors.length;
    const skippedLine = skipped > 0 ? `${skipped} skipped\n` : '';
    process.stdout.write(`\n${skippedLine}${passed} passed, ${failed} failed\n`);
  }
}
