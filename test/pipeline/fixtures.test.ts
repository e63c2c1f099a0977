/**
 * Every committed fixture against its ground-truth labels: each labelled work interval is found
 * once (the detected one with the largest overlap), its boundaries within 3 s, no extra work
 * intervals; a continuous session (no labelled work: a steady row, a ladder) is one work interval
 * over nearly all of its rowing.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { FIXTURES, loadFixture } from './fixture-helpers.js';

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace(/\.labels\.json$/, ''));

describe('fixtures against labels', () => {
  it('there are fixtures to check', () => expect(names.length).toBeGreaterThan(5));

  for (const name of names) {
    it(name, () => {
      const { recording, labels } = loadFixture(name);
      const result = analyzeRecording(recording);
      for (const rower of result.rowers) {
        const truth = labels.filter((l) => l.kind === 'work' && (l.rower === undefined || l.rower === rower.id));
        const found = rower.intervals.filter((i) => i.kind === 'work');
        if (truth.length === 0) {
          expect(found.length, `${name} ${rower.id}: one continuous piece`).toBe(1);
          const rowing = rower.intervals[rower.intervals.length - 1]!.end - rower.intervals[0]!.start;
          expect((found[0]!.end - found[0]!.start) / rowing, `${name}: the piece covers the rowing`).toBeGreaterThan(0.9);
          continue;
        }
        expect(found.length, `${name} ${rower.id}: work intervals`).toBe(truth.length);
        for (const t of truth) {
          const best = found.reduce((a, b) => (overlapS(b, t) > overlapS(a, t) ? b : a));
          expect(Math.abs(best.start / 1000 - t.start), `${name} rep at ${t.start}: start`).toBeLessThan(3);
          expect(Math.abs(best.end / 1000 - t.end), `${name} rep at ${t.start}: end`).toBeLessThan(3);
        }
      }
    });
  }
});

function overlapS(iv: { start: number; end: number }, t: { start: number; end: number }): number {
  return Math.max(0, Math.min(iv.end / 1000, t.end) - Math.max(iv.start / 1000, t.start));
}
