/**
 * What the store reads from a recording before analysing it: each rower's first stroke (decoded as
 * the pipeline decodes), its athlete (the last `athlete` event before the first stroke, else the
 * first one) and its plan (the first named `workout-start` plan).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowerEvent } from '../../src/ftms/frame.js';
import { decodeRowerData } from '../../src/ftms/rower-data.js';
import { parseRecording, type Recording } from '../../src/recording/reader.js';
import { rowerFacts } from '../../src/store/rower-facts.js';
import { FIXTURES } from './recordings.js';

const load = (fixture: string): Recording => parseRecording(readFileSync(join(FIXTURES, `${fixture}.ndjson`), 'utf8'), fixture);

/** The recording with events put in at their data time. */
function withEvents(rec: Recording, events: Omit<RowerEvent, 'kind'>[]): Recording {
  const items = [...rec.items];
  for (const e of events) {
    const at = items.findIndex((i) => i.t > e.t);
    items.splice(at < 0 ? items.length : at, 0, { kind: 'event', ...e });
  }
  return { ...rec, items };
}

describe('rowerFacts', () => {
  it('finds the first stroke: the first Rower Data frame with power or rate, none before it', () => {
    const rec = load('hiit-allout');
    const [facts] = rowerFacts(rec);
    const frames = rec.items.filter((i) => i.kind === 'frame' && i.char === '2ad1');
    const active = (bytes: Uint8Array): boolean => {
      const d = decodeRowerData(bytes);
      return (d.powerW ?? 0) > 0 || (d.strokeRate ?? 0) > 0;
    };
    const first = frames.find((f) => f.kind === 'frame' && active(f.bytes))!;
    expect(facts).toEqual({ rower: 'sim-1', firstStrokeMs: first.t });
    expect(first.t).toBeGreaterThan(1000);
  });

  it('takes the last athlete named before the first stroke', () => {
    const rec = load('hiit-allout');
    const first = rowerFacts(rec)[0]!.firstStrokeMs!;
    const facts = rowerFacts(
      withEvents(rec, [
        { t: 0, rower: 'sim-1', event: 'athlete', athlete: 'Ann' },
        { t: first - 500, rower: 'sim-1', event: 'athlete', athlete: ' Bo ' },
        { t: first + 60_000, rower: 'sim-1', event: 'athlete', athlete: 'Cy' },
        { t: first - 100, rower: 'other', event: 'athlete', athlete: 'Di' },
      ]),
    );
    expect(facts.find((f) => f.rower === 'sim-1')?.athlete).toBe('Bo');
    expect(facts.find((f) => f.rower === 'other')).toEqual({ rower: 'other', athlete: 'Di' });
  });

  it('takes the first athlete named after the first stroke when none came before, and ignores empty names', () => {
    const rec = load('hiit-allout');
    const first = rowerFacts(rec)[0]!.firstStrokeMs!;
    const [facts] = rowerFacts(
      withEvents(rec, [
        { t: 0, rower: 'sim-1', event: 'athlete', athlete: '  ' },
        { t: first + 1000, rower: 'sim-1', event: 'athlete', athlete: 'Cy' },
        { t: first + 2000, rower: 'sim-1', event: 'athlete', athlete: 'Ed' },
      ]),
    );
    expect(facts!.athlete).toBe('Cy');
  });

  it('names the plan of the first workout-start that carries a plan name', () => {
    const rec = withEvents(load('hiit-allout'), [
      { t: 100, rower: 'sim-1', event: 'workout-start', plan: { reps: 8 } },
      { t: 200, rower: 'sim-1', event: 'workout-start', plan: { name: 'hiit-30-90', reps: 8, workS: 30, restS: 90 } },
      { t: 300, rower: 'sim-1', event: 'workout-start', plan: { name: 'later', reps: 4, workS: 30, restS: 90 } },
    ]);
    expect(rowerFacts(rec)[0]!.plan).toBe('hiit-30-90');
  });

  it('gives every rower of a two-rower recording its own first stroke', () => {
    const facts = rowerFacts(load('two-rowers'));
    expect(facts.map((f) => f.rower)).toEqual(['sim-1', 'sim-2']);
    for (const f of facts) expect(f.firstStrokeMs).toBeGreaterThan(0);
  });
});
