/**
 * `ergsprint export`: files land beside the recording (one per rower when it holds several) or at
 * --out, written whole; --description prints the verdict paragraph; bad input (unknown format,
 * missing recording, unknown rower, unwritable --out) is one line on stderr and exit 2, with no
 * file left behind. Runs the real program through `main` (src/cli.ts).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { resolveRecordingPath, exportCommand } from '../../src/commands/export.js';
import { CliError } from '../../src/cli-error.js';
import { lintFit } from '../../src/export/fit-lint.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const code = await main(['node', 'ergsprint', 'export', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

function scratchWith(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ergsprint-export-'));
  for (const f of fixtures) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

describe('ergsprint export', () => {
  it('writes <name>.fit beside the recording, a clean FIT file, and prints the description on request', async () => {
    const dir = scratchWith('hiit-held.ndjson');
    const r = await run(join(dir, 'hiit-held.ndjson'), '--format', 'fit', '--description');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'hiit-held.fit')));
    expect(lintFit(bytes)).toEqual([]);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/of 8 reps all-out/);
    expect(readdirSync(dir).sort()).toEqual(['hiit-held.fit', 'hiit-held.ndjson']); // no temp file left
  });

  it('writes one file per rower, named with the rower id, when the recording holds several', async () => {
    const dir = scratchWith('two-rowers.ndjson');
    const r = await run(join(dir, 'two-rowers.ndjson'), '--format', 'csv');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['two-rowers.ndjson', 'two-rowers.sim-1.csv', 'two-rowers.sim-2.csv']);
    expect(readFileSync(join(dir, 'two-rowers.sim-2.csv'), 'utf8')).toMatch(/^,index, Stroke Number/);
  });

  it('writes --out for the chosen --rower (TCX)', async () => {
    const dir = scratchWith('two-rowers.ndjson');
    const out = join(dir, 'mine.tcx');
    const r = await run(join(dir, 'two-rowers.ndjson'), '--format', 'tcx', '--rower', 'sim-2', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<TrainingCenterDatabase');
  });

  it.each([
    ['an unknown format', ['--format', 'gpx'], /--format must be one of fit, tcx, csv, got "gpx"/],
    ['an unknown rower', ['--format', 'fit', '--rower', 'nobody'], /no rower "nobody"/],
    ['--out with several rowers', ['--format', 'fit', '--out', 'x.fit'], /choose one with --rower/],
    ['an unwritable --out', ['--format', 'fit', '--rower', 'sim-1', '--out', '/nonexistent-dir/x.fit'], /cannot write \/nonexistent-dir\/x\.fit/],
  ])('refuses %s: one line, exit 2, no file', async (_name, args, message) => {
    const dir = scratchWith('two-rowers.ndjson');
    const r = await run(join(dir, 'two-rowers.ndjson'), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['two-rowers.ndjson']);
  });

  it('refuses a missing recording and a bad recording with one line, exit 2', async () => {
    const missing = await run('/nonexistent/session.ndjson', '--format', 'fit');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^ergsprint: \/nonexistent\/session\.ndjson: no such recording/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-export-'));
    const bad = join(dir, 'bad.ndjson');
    copyFileSync(join(FIXTURES, 'hiit-held.labels.json'), bad);
    const r = await run(bad, '--format', 'fit');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'bad.fit'))).toBe(false);
  });

  it('skips a rower of the header that never sent data, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-export-'));
    const lines = readFileSync(join(FIXTURES, 'hiit-held.ndjson'), 'utf8').split('\n');
    const header = JSON.parse(lines[0]!) as { rowers: Array<{ id: string; name: string }> };
    header.rowers.push({ id: 'ghost', name: 'Nobody' });
    writeFileSync(join(dir, 's.ndjson'), [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    const r = await run(join(dir, 's.ndjson'), '--format', 'fit');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/rower ghost sent no data, skipped/);
    expect(readdirSync(dir).sort()).toEqual(['s.ndjson', 's.sim-1.fit']);
  });

  it('missing --format is a usage error (exit 2)', async () => {
    const r = await run(join(FIXTURES, 'hiit-held.ndjson'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format/);
  });

  it('takes SESSION through a resolver, the seam for history ids', async () => {
    const dir = scratchWith('hiit-held.ndjson');
    const resolve = (id: string): string => {
      if (id !== 'h-42') throw new CliError(`no history session ${id}`, 2);
      return join(dir, 'hiit-held.ndjson');
    };
    await exportCommand('h-42', { format: 'csv', out: join(dir, 'h42.csv') }, resolve);
    expect(readFileSync(join(dir, 'h42.csv'), 'utf8').split('\n').length).toBeGreaterThan(100);
    expect(() => resolveRecordingPath('h-42')).toThrow(CliError);
  });
});
