import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { decodeRowerData } from '../../src/ftms/rower-data.js';
import { readRecording } from '../../src/recording/reader.js';
import { summaryLine } from '../../src/commands/simulate.js';

const dir = mkdtempSync(join(tmpdir(), 'ergsprint-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Run `ergsprint <args>` in-process; returns exit code and captured stdout/stderr. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  const code = await main(['node', 'ergsprint', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('ergsprint simulate', () => {
  it('writes a recording that reads back cleanly, its labels, and a one-line summary', async () => {
    const out = join(dir, 'session.ndjson');
    const r = await cli('simulate', '--out', out, '--seed', '7', '--reps', '4', '--rest', '60', '--held', '3', '--labels');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toContain('4 sprints');
    const rec = await readRecording(out);
    expect(rec.header.source).toBe('simulator');
    expect(rec.header.rowers).toHaveLength(1);
    const frames = rec.items.filter((x) => x.kind === 'frame' && x.char === '2ad1');
    expect(frames.length).toBeGreaterThan(500);
    for (const f of frames) if (f.kind === 'frame') expect(() => decodeRowerData(f.bytes)).not.toThrow();
    const labels = JSON.parse(readFileSync(join(dir, 'session.labels.json'), 'utf8')) as { intervals: Array<{ kind: string; allOut?: boolean }> };
    const work = labels.intervals.filter((i) => i.kind === 'work');
    expect(work.map((w) => w.allOut)).toEqual([true, true, false, true]);
  });

  it('is reproducible: the same flags write the same bytes', async () => {
    const a = join(dir, 'a.ndjson');
    const b = join(dir, 'b.ndjson');
    await cli('simulate', '--out', a, '--seed', '11', '--profile', 'pm5-split', '--rowers', '2');
    await cli('simulate', '--out', b, '--seed', '11', '--profile', 'pm5-split', '--rowers', '2');
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('refuses to overwrite without --force', async () => {
    const out = join(dir, 'exists.ndjson');
    writeFileSync(out, 'keep me');
    const r = await cli('simulate', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already exists/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await cli('simulate', '--out', out, '--force')).code).toBe(0);
  });

  const bad: Array<[string[], RegExp]> = [
    [['--profile', 'pm6'], /unknown profile "pm6".*ideal, hz1-hold, per-stroke, pm5-split, whole-spm, stale, no-power, dropped, i-rower, refuse-start/],
    [['--held', '11'], /held rep 11 .*8 reps/],
    [['--rate-only', '2', '--reps', '1'], /rate-only rep 2/],
    [['--held', '3', '--rate-only', '3'], /both held back and rate-only/],
    [['--held', '3,x'], /--held/],
    [['--seed', 'abc'], /--seed/],
    [['--reps', '2.5'], /--reps must be a whole number/],
    [['--work', '-5'], /--work/],
    [['--gap', '600'], /--gap must be AT:DURATION/],
    [['--hr', 'chest'], /heart-rate source "chest"/],
    [['--athlete', 'olympian'], /unknown athlete "olympian".*weak, strong/],
    [['--p2k', '45:00'], /--p2k/],
    [['--started-at', 'yesterday'], /ISO-8601/],
    [['--steady', '20', '--ladder', '20'], /one of steady, ladder and piece/],
    [['--piece', '50'], /piece must be from 100/],
    [['--counter-offset', '70000'], /counter-offset strokes/],
    [['--counter-offset', '12:x'], /--counter-offset must be STROKES or STROKES:METRES/],
    [['--reset-at', 'soon'], /--reset-at/],
  ];
  for (const [flags, message] of bad) {
    it(`rejects ${flags.join(' ')} with one clear line and exit 2, writing nothing`, async () => {
      const out = join(dir, `bad-${flags.join('_').replace(/[^a-z0-9_]/gi, '')}.ndjson`);
      const r = await cli('simulate', '--out', out, ...flags);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^ergsprint: /);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('documents the ladder, test-piece and counter flags in --help', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    await main(['node', 'ergsprint', 'simulate', '--help']).catch(() => undefined);
    vi.restoreAllMocks();
    for (const flag of ['--ladder <min>', '--piece <m>', '--counter-offset <n[:m]>', '--reset-at <s>']) expect(out).toContain(flag);
    expect(out).toMatch(/18→20→22→24→26→28 spm/);
  });

  it('--piece 2000 writes one all-out work interval; --ladder writes none', async () => {
    const piece = join(dir, 'piece.ndjson');
    const r = await cli('simulate', '--out', piece, '--piece', '2000', '--labels');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 sprint,');
    const labels = JSON.parse(readFileSync(join(dir, 'piece.labels.json'), 'utf8')) as { intervals: Array<{ kind: string; allOut?: boolean }> };
    expect(labels.intervals.filter((i) => i.kind === 'work').map((w) => w.allOut)).toEqual([true]);
    const ladder = join(dir, 'ladder.ndjson');
    expect((await cli('simulate', '--out', ladder, '--ladder', '12', '--labels')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ladder.labels.json'), 'utf8'))).toEqual({ intervals: [] });
  });

  it('--counter-offset and --reset-at put the counters into the bytes', async () => {
    const out = join(dir, 'counters.ndjson');
    expect((await cli('simulate', '--out', out, '--reps', '2', '--warmup', '120', '--cooldown', '60', '--counter-offset', '500:4000', '--reset-at', '200')).code).toBe(0);
    const rec = await readRecording(out);
    const d = rec.items.flatMap((x) => (x.kind === 'frame' && x.char === '2ad1' ? [{ t: x.t, ...decodeRowerData(x.bytes) }] : [])).filter((x) => (x.powerW ?? 0) > 0);
    expect(d[0]!.strokeCount!).toBeGreaterThan(500);
    expect(d[0]!.distanceM!).toBeGreaterThanOrEqual(4000);
    const after = d.find((x) => x.t >= 200_000)!;
    expect(after.strokeCount!).toBeLessThanOrEqual(1);
    expect(after.distanceM!).toBeLessThan(10);
  });

  it('needs --out unless --ble', async () => {
    const r = await cli('simulate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out/);
  });
});

describe('simulate summary line', () => {
  const session = (lastMs: number) => ({
    header: { startedAt: '2026-01-01T00:00:00.000Z', source: 'simulator' as const, rowers: [{ id: 'sim-1', name: 'SIM Rower 1Hz' }] },
    items: [
      { kind: 'frame' as const, t: 0, rower: 'sim-1', char: '2ad1', bytes: new Uint8Array(2) },
      { kind: 'event' as const, t: lastMs, rower: 'sim-1', event: 'disconnected' },
    ],
    labels: { intervals: [{ kind: 'work' as const, start: 1, end: 2, allOut: true }] },
  });
  it('prints the session length as a clock rounded before the minutes are split: 119.6 s is 2:00, not 1:60', () => {
    expect(summaryLine('s.ndjson', session(119_600))).toBe('wrote s.ndjson: SIM Rower 1Hz, 1 sprint, 1 frames, 2:00');
    expect(summaryLine('s.ndjson', session(59_400), 's.labels.json')).toBe('wrote s.ndjson: SIM Rower 1Hz, 1 sprint, 1 frames, 0:59; labels s.labels.json');
  });
});
