/**
 * `ergsprint evaluate`: the scoring rules as pure functions (hand-made intervals), and the
 * command over the committed fixtures meeting the targets (recall and precision ≥ 0.97, median
 * boundary error ≤ 1 s, p90 ≤ 3 s, no extra interval in steady sessions).
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { evaluateDir, register } from '../../src/commands/evaluate.js';
import { quantile, scoreFile, totals } from '../../src/commands/evaluation.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

describe('scoring', () => {
  it('matches one-to-one by overlap of at least half the shorter interval', () => {
    const truth = [
      { start: 100, end: 130, allOut: true },
      { start: 220, end: 250, allOut: false },
      { start: 340, end: 370, allOut: true },
    ];
    const detected = [
      { start: 100.5, end: 131, allOut: true }, // match, errors 0.5 / 1
      { start: 240, end: 270, allOut: false }, // overlap 10 s < 15 s (half the shorter, 30 s): no match
      { start: 339, end: 370, allOut: null }, // match, errors 1 / 0
      { start: 500, end: 520, allOut: true }, // extra
    ];
    const s = scoreFile('x', truth, detected);
    expect(s.matched).toBe(2);
    // pairs are taken largest overlap first: 339–370 (30 s) before 100.5–130 (29.5 s)
    expect(s.startErrorsS.map((e) => Math.round(e * 10) / 10)).toEqual([1, 0.5]);
    expect(s.endErrorsS).toEqual([0, 1]);
    expect(s.allOutAgree).toEqual([1, 2]);
    const t = totals([s]);
    expect(t.recall).toBeCloseTo(2 / 3);
    expect(t.precision).toBeCloseTo(2 / 4);
  });

  it('counts every detection in a steady session as an extra, outside precision', () => {
    const t = totals([scoreFile('steady', [], [{ start: 1, end: 20, allOut: null }]), scoreFile('hiit', [{ start: 0, end: 30 }], [{ start: 0, end: 30, allOut: true }])]);
    expect(t.steadyExtras).toBe(1);
    expect(t.precision).toBe(1);
  });

  it('quantile interpolates', () => {
    expect(quantile([0, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('evaluate fixtures', () => {
  it('meets the segmentation targets', async () => {
    const { totals: t, files } = await evaluateDir(FIXTURES);
    expect(files.length).toBeGreaterThan(10);
    expect(t.recall).toBeGreaterThanOrEqual(0.97);
    expect(t.precision).toBeGreaterThanOrEqual(0.97);
    expect(t.boundaryMedianS).toBeLessThanOrEqual(1);
    expect(t.boundaryP90S).toBeLessThanOrEqual(3);
    expect(t.steadyFiles).toBeGreaterThan(0);
    expect(t.steadyExtras).toBe(0);
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
