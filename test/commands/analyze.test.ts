/**
 * `ergsprint analyze`: the --json contract of DESIGN.md (keys, types, units) with values checked
 * against the fixture's ground-truth labels, the human table, exit 2 with `file:line: reason` on a
 * bad recording, and clear errors for bad flags. Runs the real command through commander.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { register } from '../../src/cli/analyze.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

async function run(...args: string[]): Promise<string> {
  const program = new Command('ergsprint').exitOverride();
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'ergsprint', 'analyze', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

interface Label {
  kind: string;
  start: number;
  end: number;
  allOut?: boolean;
}

describe('analyze --json', () => {
  it('prints exactly the documented shape, with values that match the labels', async () => {
    const doc = JSON.parse(await run(join(FIXTURES, 'hiit-held.ndjson'), '--json')) as { rowers: Array<Record<string, unknown>> };
    const labels = (JSON.parse(readFileSync(join(FIXTURES, 'hiit-held.labels.json'), 'utf8')) as { intervals: Label[] }).intervals;
    expect(Object.keys(doc)).toEqual(['rowers']);
    expect(doc.rowers).toHaveLength(1);
    const rower = doc.rowers[0]!;
    expect(rower).toMatchObject({ id: 'sim-1', name: expect.any(String) });
    const intervals = rower.intervals as Array<Record<string, unknown>>;
    for (const iv of intervals) {
      for (const key of ['index', 'kind', 'start', 'end', 'durationS', 'avgPower', 'peakPower', 'avgStrokeRate', 'avgHeartRate', 'verdict']) expect(iv).toHaveProperty(key);
      expect(['warmup', 'work', 'rest', 'cooldown']).toContain(iv.kind);
      expect(Number.isInteger(iv.index)).toBe(true);
      // seconds since the recording start, 0.1 s; durations consistent
      for (const k of ['start', 'end', 'durationS'] as const) expect(Math.round((iv[k] as number) * 10) / 10).toBe(iv[k]);
      expect(iv.durationS).toBeCloseTo((iv.end as number) - (iv.start as number), 5);
      for (const k of ['avgPower', 'peakPower', 'avgHeartRate'] as const) if (iv[k] !== null) expect(Number.isInteger(iv[k])).toBe(true);
    }
    const work = intervals.filter((iv) => iv.kind === 'work');
    const truth = labels.filter((l) => l.kind === 'work');
    expect(work.map((w) => w.index)).toEqual(truth.map((_, i) => i + 1));
    work.forEach((w, i) => {
      const t = truth[i]!;
      expect(Math.abs((w.start as number) - t.start)).toBeLessThan(2);
      expect(Math.abs((w.end as number) - t.end)).toBeLessThan(2);
      const verdict = w.verdict as { allOut: boolean | null; score: number; reasons: Array<Record<string, unknown>> };
      expect(typeof verdict.score).toBe('number');
      expect(verdict.score).toBeGreaterThanOrEqual(0);
      expect(verdict.score).toBeLessThanOrEqual(100);
      expect([true, false, null]).toContain(verdict.allOut);
      for (const r of verdict.reasons) {
        expect(Object.keys(r)).toEqual(expect.arrayContaining(['code', 'pass', 'value', 'threshold', 'message']));
        expect(typeof r.message).toBe('string');
      }
    });
    // held-back and rate-only reps must not be called all-out
    truth.forEach((t, i) => {
      if (t.allOut === false) expect((work[i]!.verdict as { allOut: boolean | null }).allOut).not.toBe(true);
    });
    // rest n lies between work n and work n + 1
    const rests = intervals.filter((iv) => iv.kind === 'rest');
    expect(rests).toHaveLength(truth.length - 1);
    rests.forEach((r, i) => {
      expect(r.start).toBe(work[i]!.end);
      expect(r.end).toBe(work[i + 1]!.start);
      expect(r.verdict).toBeNull();
    });
    expect(intervals[0]!.kind).toBe('warmup');
    expect(intervals[intervals.length - 1]!.kind).toBe('cooldown');
  });

  it('a steady row is one work interval over the whole row', async () => {
    const doc = JSON.parse(await run(join(FIXTURES, 'steady-20min.ndjson'), '--json')) as { rowers: Array<{ intervals: Array<{ kind: string; durationS: number }> }> };
    const intervals = doc.rowers[0]!.intervals;
    expect(intervals.map((i) => i.kind)).toEqual(['work']);
    expect(intervals[0]!.durationS).toBeGreaterThan(1190);
  });

  it('--ref-2k changes the reference the verdicts name', async () => {
    const doc = JSON.parse(await run(join(FIXTURES, 'hiit-allout.ndjson'), '--json', '--ref-2k', '7:05', '--plan', 'hiit-30-90')) as {
      rowers: Array<{ intervals: Array<{ kind: string; verdict: { reasons: Array<{ code: string; message: string }> } | null }> }>;
    };
    const first = doc.rowers[0]!.intervals.find((i) => i.kind === 'work')!;
    expect(first.verdict!.reasons.some((r) => r.message.includes('7:05'))).toBe(true);
  });
});

describe('analyze (table)', () => {
  it('prints a row per interval and the session reading', async () => {
    const out = await run(join(FIXTURES, 'hiit-allout.ndjson'));
    expect(out).toMatch(/work 1 /);
    expect(out).toMatch(/work 8 /);
    expect(out).toMatch(/Decrement score/);
  });
});

describe('analyze errors', () => {
  it('exit 2 with file:line: reason on a bad recording', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-analyze-'));
    const file = join(dir, 'bad.ndjson');
    const header = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-01-01T00:00:00.000Z","source":"ble","rowers":[{"id":"a","name":"A"}]}';
    writeFileSync(file, `${header}\n{"t":0,"r":"a","c":"2ad1","d":"0000"}\nnot json\n{"t":5,"r":"a","c":"2ad1","d":"0000"}\n`);
    const err = await run(file, '--json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message.startsWith(`${file}:3: `)).toBe(true);
  });

  it('bad flags are clear CliErrors', async () => {
    const fixture = join(FIXTURES, 'hiit-allout.ndjson');
    await expect(run(fixture, '--ref-2k', 'fast')).rejects.toThrow(/--ref-2k/);
    await expect(run(fixture, '--plan', 'hiit-99')).rejects.toThrow(/--plan: .*unknown plan/);
    await expect(run(join(FIXTURES, 'nope.ndjson'))).rejects.toBeInstanceOf(CliError);
  });
});
