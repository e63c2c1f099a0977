/**
 * `ergsprint evaluate`: the command over the committed (simulated) fixtures meeting their targets
 * (recall and precision ≥ 0.99, median boundary error ≤ 1.5 s, p90 ≤ 3 s, no false split in
 * continuous sessions).
 * The scoring rules are tested as pure functions in test/analysis/evaluation.test.ts; the real
 * sessions of ../shared/realdata have their own test (realdata.test.ts).
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/evaluate.js';
import { evaluateDir } from '../../src/commands/evaluate.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

describe('evaluate fixtures', () => {
  it('meets the segmentation targets', async () => {
    const { totals: t, files } = await evaluateDir(FIXTURES);
    expect(files.length).toBeGreaterThan(10);
    expect(t.recall).toBeGreaterThanOrEqual(0.99);
    expect(t.precision).toBeGreaterThanOrEqual(0.99);
    expect(t.boundaryMedianS).toBeLessThanOrEqual(1.5);
    expect(t.boundaryP90S).toBeLessThanOrEqual(3);
    expect(t.continuousFiles).toBeGreaterThan(0);
    expect(t.falseSplits).toBe(0);
  });

  it('prints a table with totals, or JSON', async () => {
    const program = new Command('ergsprint').exitOverride();
    register(program);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    try {
      await program.parseAsync(['node', 'ergsprint', 'evaluate', FIXTURES, '--json']);
    } finally {
      spy.mockRestore();
    }
    const doc = JSON.parse(out) as { files: unknown[]; totals: Record<string, unknown> };
    expect(doc.totals).toHaveProperty('recall');
    expect(doc.totals).toHaveProperty('boundaryP90S');
  });
});
