/**
 * Every real file in ../shared/realdata/raw/ (Concept2 through Painsled, RowPro, BoatCoach, ErgData;
 * RP3; WaterRower + SmartRow) imports, and analysing the import finds the labelled work intervals
 * with the real-session yardstick's thresholds (test/commands/realdata.test.ts, issue 9): recall and
 * precision ≥ 0.95, median boundary error ≤ 2 s, p90 ≤ 5 s, every continuous piece one interval.
 * The labels are those of the recordings built from these files (matched by their session.path);
 * scoring is src/analysis/evaluation.ts. ../shared is always present in CI: without it this fails.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectedWork, scoreFile, totals, type FileScore } from '../../../src/analysis/evaluation.js';
import { importAndAnalyze, RAW, realFiles } from './realdata-helpers.js';

describe('import of ../shared/realdata/raw', () => {
  it('imports every raw file and finds the labelled intervals within the real-session thresholds', async () => {
    expect(existsSync(RAW), `${RAW} is missing: the real files cannot be imported (it is always present in CI)`).toBe(true);
    const files = realFiles();
    expect(files.length).toBeGreaterThanOrEqual(18);
    const scores: FileScore[] = [];
    for (const f of files) {
      const { imported, doc } = await importAndAnalyze(f.path);
      expect(imported.header.source).toBe('import');
      expect(imported.strokes, f.name).toBeGreaterThan(20);
      const work = f.labels.intervals.filter((i) => i.kind === 'work');
      const alt = f.labels.ambiguous === true ? (f.labels.alternativeIntervals ?? []).filter((i) => i.kind === 'work') : undefined;
      const s = scoreFile(f.name, work, detectedWork(doc), alt);
      scores.push(s);
    }
    const t = totals(scores);
    const summary = JSON.stringify({ t, files: scores.map((s) => [s.file, s.matched, s.truth, s.detected, s.falseSplits]) });
    expect(t.recall, summary).toBeGreaterThanOrEqual(0.95);
    expect(t.precision, summary).toBeGreaterThanOrEqual(0.95);
    expect(t.boundaryMedianS, summary).toBeLessThanOrEqual(2);
    expect(t.boundaryP90S, summary).toBeLessThanOrEqual(5);
    expect(t.continuousFiles).toBeGreaterThanOrEqual(11);
    expect(t.falseSplits, summary).toBe(0);
    expect(t.continuousAsOne, summary).toBe(t.continuousFiles);
  }, 60_000);
});
