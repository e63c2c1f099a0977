/**
 * The yardstick: `ergsprint evaluate ../shared/realdata` — real sessions from real ergs (Concept2,
 * RP3, WaterRower), labelled from the source files (see that folder's README). The thresholds are
 * issue 9's: recall and precision ≥ 0.95 on the interval files, median boundary error ≤ 2 s,
 * p90 ≤ 5 s, every continuous piece found as one interval (no false split; the ambiguous file
 * counts either way). ../shared is always present in CI: without it this test fails, loudly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDir } from '../../src/commands/evaluate.js';

const REALDATA = join(import.meta.dirname, '../../../shared/realdata');

describe('evaluate ../shared/realdata', () => {
  it('finds the real sessions\u2019 work intervals within the thresholds', async () => {
    expect(existsSync(REALDATA), `${REALDATA} is missing: the real-data yardstick cannot run (it is always present in CI)`).toBe(true);
    const { totals: t, files } = await evaluateDir(REALDATA);
    expect(files.length).toBeGreaterThanOrEqual(18);
    expect(t.recall).toBeGreaterThanOrEqual(0.95);
    expect(t.precision).toBeGreaterThanOrEqual(0.95);
    expect(t.boundaryMedianS).toBeLessThanOrEqual(2);
    expect(t.boundaryP90S).toBeLessThanOrEqual(5);
    expect(t.continuousFiles).toBeGreaterThanOrEqual(11);
    expect(t.falseSplits).toBe(0);
    expect(t.continuousAsOne).toBe(t.continuousFiles);
    expect(t.ambiguousFiles).toBe(1);
  });
});
