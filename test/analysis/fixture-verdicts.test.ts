/**
 * Verdicts on the committed labelled fixtures (fixtures/*.ndjson + *.labels.json), which the
 * analysis was not tuned on. Two ways: each labelled work window judged directly (the verdict
 * alone, decoded with the project's FTMS assembler), and the whole `analyze` pipeline, its
 * detected work intervals matched to the labels by overlap. Targets from the issue: ≥ 95 % of
 * all-out sprints judged all-out, ≥ 95 % of held-back sprints judged not all-out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeSession, judgeSprintLive, type SessionOptions, type SprintInput } from '../../src/analysis/session-verdicts.js';
import { sprintMetrics } from '../../src/analysis/sprint-metrics.js';
import { findProfile } from '../../src/ftms/device-profiles.js';
import { createSampleAssembler } from '../../src/ftms/merge.js';
import type { Sample } from '../../src/ftms/sample.js';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { parseRecording } from '../../src/recording/reader.js';

const DIR = join(import.meta.dirname, '../../fixtures');

interface LabelWork {
  kind: string;
  start: number;
  end: number;
  rep?: number;
  allOut?: boolean;
  rower?: string;
}

/** Declared 2k times the fixtures README gives (athlete presets), s; 2k = 2000 × (2.80 / P2k)^(1/3). */
const TWO_K_S: Record<string, number> = {
  'weak-athlete': 2000 * Math.cbrt(2.8 / 150),
  'strong-athlete': 2000 * Math.cbrt(2.8 / 450),
};

interface Outcome {
  fixture: string;
  rep: number;
  labelAllOut: boolean;
  allOut: boolean | null | undefined;
}

function load(name: string) {
  const recording = parseRecording(readFileSync(join(DIR, `${name}.ndjson`), 'utf8'), `${name}.ndjson`);
  const labels = JSON.parse(readFileSync(join(DIR, `${name}.labels.json`), 'utf8')) as { intervals: LabelWork[] };
  return { recording, works: labels.intervals.filter((i) => i.kind === 'work') };
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace('.labels.json', ''))
  .filter((name) => load(name).works.length > 0);

function byLabelWindows(name: string, verdictOpts: SessionOptions): { live: Outcome[]; final: Outcome[] } {
  const { recording, works } = load(name);
  const live: Outcome[] = [];
  const final: Outcome[] = [];
  for (const rower of recording.header.rowers) {
    const asm = createSampleAssembler({ profile: findProfile(rower.name) });
    const samples: Sample[] = [];
    for (const item of recording.items) if ('char' in item && item.rower === rower.id) samples.push(...asm.push(item));
    samples.push(...asm.flush(Infinity));
    const mine = works.filter((w) => w.rower === undefined || w.rower === rower.id);
    const sprints: SprintInput[] = [];
    mine.forEach((w, i) => {
      const input: SprintInput = { metrics: sprintMetrics(samples, w.start * 1000, w.end * 1000) };
      if (i > 0) input.restBeforeS = w.start - mine[i - 1]!.end;
      sprints.push(input);
      live.push({ fixture: name, rep: w.rep!, labelAllOut: w.allOut!, allOut: judgeSprintLive(sprints, verdictOpts).allOut });
    });
    judgeSession(sprints, verdictOpts).verdicts.forEach((v, i) => final.push({ fixture: name, rep: mine[i]!.rep!, labelAllOut: mine[i]!.allOut!, allOut: v.allOut }));
  }
  return { live, final };
}

function byPipeline(name: string, verdictOpts: SessionOptions): Outcome[] {
  const { recording, works } = load(name);
  const result = analyzeRecording(recording, { verdict: verdictOpts });
  const out: Outcome[] = [];
  for (const w of works) {
    const rower = result.rowers.find((r) => w.rower === undefined || r.id === w.rower)!;
    const found = rower.intervals.find((iv) => iv.kind === 'work' && Math.min(iv.end, w.end * 1000) - Math.max(iv.start, w.start * 1000) > 0.5 * (w.end - w.start) * 1000);
    out.push({ fixture: name, rep: w.rep!, labelAllOut: w.allOut!, allOut: found?.verdict?.allOut });
  }
  return out;
}

const rates = (xs: readonly Outcome[]) => {
  const allOut = xs.filter((x) => x.labelAllOut);
  const held = xs.filter((x) => !x.labelAllOut);
  return {
    allOut: allOut.filter((x) => x.allOut === true).length / allOut.length,
    held: held.filter((x) => x.allOut !== true).length / held.length,
    counts: { allOut: allOut.length, held: held.length },
  };
};

/** The athlete's declared 2k; two-rowers' second athlete is randomised, so that fixture goes without. */
const withRef = (name: string): SessionOptions => (name === 'two-rowers' ? {} : { declared2kS: TWO_K_S[name] ?? 425 });

describe('verdicts on the labelled fixtures', () => {
  it('there are labelled sprints of both kinds', () => {
    const all = fixtures.flatMap((f) => load(f).works);
    expect(all.filter((w) => w.allOut).length).toBeGreaterThan(50);
    expect(all.filter((w) => !w.allOut).length).toBeGreaterThanOrEqual(5);
  });

  describe.each([
    ['no reference (session reference, shape-only live until sprint 3)', (): SessionOptions => ({})],
    ['a declared 2k', withRef],
  ])('judged on the labelled windows, %s', (_, opts) => {
    const runs = fixtures.map((f) => byLabelWindows(f, opts(f)));
    const final = rates(runs.flatMap((r) => r.final));
    const live = rates(runs.flatMap((r) => r.live));
    it('final: ≥ 95 % all-out → all-out and ≥ 95 % held back → not all-out', () => {
      expect(final.allOut).toBeGreaterThanOrEqual(0.95);
      expect(final.held).toBeGreaterThanOrEqual(0.95);
    });
    it('live: the same targets', () => {
      expect(live.allOut).toBeGreaterThanOrEqual(0.95);
      expect(live.held).toBeGreaterThanOrEqual(0.95);
    });
  });

  it('the sprint with a 10-s data gap (gap-10s, sprint 4) cannot be judged; the others can', () => {
    const { final } = byLabelWindows('gap-10s', withRef('gap-10s'));
    expect(final.find((o) => o.rep === 4)!.allOut).toBeNull();
    expect(final.filter((o) => o.rep !== 4).every((o) => o.allOut === true)).toBe(true);
  });

  it.each([
    ['no reference', (): SessionOptions => ({})],
    ['a declared 2k', withRef],
  ])('through the analyze pipeline (detected intervals), %s: final verdicts meet the targets', (_, opts) => {
    const r = rates(fixtures.flatMap((f) => byPipeline(f, opts(f))));
    expect(r.allOut).toBeGreaterThanOrEqual(0.95);
    expect(r.held).toBeGreaterThanOrEqual(0.95);
  });
});
