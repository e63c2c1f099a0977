/**
 * Verdicts on real recordings nobody here made (`../shared/realdata`: Concept2, RP3, WaterRower
 * sessions from public repositories). Their labels give the work windows, not effort, so this checks
 * what the sessions themselves show: evenly rowed sets ("same power in all", per the labels' notes)
 * and continuous pieces with an ordinary finish are not called held back or paced. With the 30-s
 * rules, 22 of these 44 work windows were "all-out-paced" (an end spurt over 5 %) and 4 held back.
 * Skipped when the data set is not beside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeSession, type SprintInput } from '../../src/analysis/session-verdicts.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';
import type { Verdict } from '../../src/analysis/types.js';
import { findProfile } from '../../src/ftms/device-profiles.js';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import type { Sample } from '../../src/ftms/sample.js';
import { parseRecording } from '../../src/recording/reader.js';

const DIR = join(import.meta.dirname, '../../../shared/realdata');

/** Every labelled work window (or, for a continuous file, its rowing span) judged as one set, no declared 2k. */
function judgeFile(name: string): Verdict[] {
  const labels = JSON.parse(readFileSync(join(DIR, `${name}.labels.json`), 'utf8')) as { intervals: { kind: string; start: number; end: number }[] };
  const rec = parseRecording(readFileSync(join(DIR, `${name}.ndjson`), 'utf8'), name);
  const asm = createSampleAssembler({ profile: findProfile(rec.header.rowers[0]!.name) });
  const samples: Sample[] = [];
  for (const item of rec.items) if ('char' in item) samples.push(...asm.push(item));
  samples.push(...asm.flush(Infinity));
  let works = labels.intervals.filter((i) => i.kind === 'work');
  if (works.length === 0) {
    const rowing = samples.filter((s) => (s.powerW ?? 0) > 0);
    works = [{ kind: 'work', start: rowing[0]!.t / 1000, end: rowing[rowing.length - 1]!.t / 1000 }];
  }
  const sprints: SprintInput[] = works.map((w, i) => ({
    metrics: sprintMetrics(samples, w.start * 1000, w.end * 1000),
    ...(i > 0 ? { restBeforeS: w.start - works[i - 1]!.end } : {}),
  }));
  return judgeSession(sprints).verdicts;
}

describe('real sessions (../shared/realdata)', () => {
  it('../shared/realdata is present (always in CI): without it these tests fail, loudly', () => expect(existsSync(DIR), DIR).toBe(true));
  const names = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.labels.json')).map((f) => f.replace('.labels.json', '')) : [];
  it('holds the 18 recordings', () => expect(names.length).toBe(18));

  it.each(['painsled-3x20min-r1', 'smartrow-3x12min', 'rp3-3x10min-r8', 'painsled-3x20min-r2'])('%s: an evenly rowed long set — every rep all-out, none paced or held back', (name) => {
    const verdicts = judgeFile(name);
    for (const v of verdicts) {
      expect(['D', 'E', 'F']).toContain(v.band);
      expect(v.mode).toBe('set-paced');
      expect(v.kind, v.message).toBe('all-out');
    }
  });

  it.each(['ergdata-2000m', 'smartrow-2000m', 'smartrow-1000m', 'painsled-5000m', 'pm-15min-piece', 'rowpro-2min-piece', 'painsled-30min-justrow', 'boatcoach-60min-justrow'])(
    '%s: one continuous piece is judged as a single effort, never held back or "paced" for its finish',
    (name) => {
      const [v] = judgeFile(name);
      expect(v!.mode).toBe('single');
      expect(['held-back', 'all-out-paced']).not.toContain(v!.kind);
      expect(v!.message).not.toMatch(/more in the tank|\(provisional\)/);
    },
  );
});
