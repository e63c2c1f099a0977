/**
 * `ergsprint import`: a file becomes a recording under <data dir>/imports/<sha256>.ndjson with its
 * provenance, the analysis `analyze` would print, and the history seam called; the same file (by
 * content) imported twice gives one recording ("already imported as …"); bad files and bad flags are
 * one-line errors with exit 2, as the user runs it (node dist/cli.js).
 */
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { importFiles, type ImportOutcome } from '../../src/commands/import.js';
import { parseRecording } from '../../src/recording/reader.js';
import { contentHash } from '../../src/sources/import/import-file.js';
import { fifoIn, scratchDir } from '../file-helpers.js';
import { RAW } from '../sources/import/realdata-helpers.js';
import { fitFile } from '../sources/import/session-files.js';
import { assertBuilt, killChildren, runCli } from './cli-process.js';

const SMARTROW = join(RAW, 'rowing-tracker', '2025-11-16T143854_1000m.csv');

beforeAll(assertBuilt);
afterEach(killChildren);

/** Run importFiles in a fresh data dir; returns what it printed and the hook calls. */
async function run(files: string[], flags: Parameters<typeof importFiles>[1] = {}, home = scratchDir()) {
  const printed: string[] = [];
  const hooked: Array<[string, ImportOutcome]> = [];
  const outcomes = await importFiles(files, flags, { onImported: (p, o) => void hooked.push([p, o]) }, { env: { XDG_DATA_HOME: home }, write: (s) => void printed.push(s) });
  return { outcomes, printed: printed.join(''), hooked, home };
}

describe('ergsprint import (in process)', () => {
  it('writes <data dir>/imports/<sha256>.ndjson with source import, the provenance event and the athlete, and calls the hook', async () => {
    const { outcomes, hooked, home } = await run([SMARTROW], { athlete: 'Ann' });
    const sha = contentHash(new Uint8Array(readFileSync(SMARTROW)));
    const path = join(home, 'ergsprint', 'imports', `${sha}.ndjson`);
    expect(outcomes).toEqual([{ file: SMARTROW, recordingPath: path, format: 'smartrow-csv', sha256: sha, alreadyImported: false }]);
    expect(hooked).toEqual([[path, outcomes[0]]]);
    const rec = parseRecording(readFileSync(path, 'utf8'), path);
    expect(rec.header.source).toBe('import');
    expect(rec.header.startedAt).toBe('2025-11-16T14:38:54.000Z');
    const events = rec.items.filter((i) => i.kind === 'event');
    expect(events).toEqual([
      { kind: 'event', t: 0, rower: 'import', event: 'import', file: '2025-11-16T143854_1000m.csv', format: 'smartrow-csv', sha256: sha },
      { kind: 'event', t: 0, rower: 'import', event: 'athlete', athlete: 'Ann' },
    ]);
    expect(rec.items.filter((i) => i.kind === 'frame').length).toBeGreaterThan(123);
  });

  it('the same file twice — or its copy under another name — gives one recording: "already imported as …"', async () => {
    const home = scratchDir();
    const first = await run([SMARTROW], {}, home);
    const path = first.outcomes[0]!.recordingPath;
    const before = { text: readFileSync(path, 'utf8'), mtime: statSync(path).mtimeMs };
    const copy = join(scratchDir(), 'renamed.csv');
    copyFileSync(SMARTROW, copy);
    const again = await run([SMARTROW, copy], {}, home);
    expect(again.outcomes.map((o) => [o.recordingPath, o.alreadyImported])).toEqual([
      [path, true],
      [path, true],
    ]);
    expect(again.printed).toContain(`${SMARTROW}: already imported as ${path}`);
    expect(again.printed).toContain(`${copy}: already imported as ${path}`);
    expect(readdirSync(join(home, 'ergsprint', 'imports'))).toEqual([`${first.outcomes[0]!.sha256}.ndjson`]);
    expect(readFileSync(path, 'utf8')).toBe(before.text);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
    expect(again.hooked.map(([p]) => p)).toEqual([path, path]);
  });

  it('--out writes there; importing again to it finds it; a different file there is never overwritten', async () => {
    const out = join(scratchDir(), 'mine.ndjson');
    expect((await run([SMARTROW], { out })).outcomes[0]!.recordingPath).toBe(out);
    expect((await run([SMARTROW], { out })).outcomes[0]!.alreadyImported).toBe(true);
    const other = join(scratchDir(), 'other.ndjson');
    writeFileSync(other, 'not a recording\n');
    await expect(run([SMARTROW], { out: other })).rejects.toThrow(/exists and is not a readable recording/);
    expect(readFileSync(other, 'utf8')).toBe('not a recording\n');
  });

  it('bad flags are CliErrors: unknown --format, --out with several files, an empty --athlete', async () => {
    await expect(run([SMARTROW], { format: 'gpx' })).rejects.toThrow(/--format must be auto or one of fit, tcx/);
    await expect(run([SMARTROW, SMARTROW], { out: 'x.ndjson' })).rejects.toThrow(/--out takes one input file/);
    await expect(run([SMARTROW], { athlete: ' ' })).rejects.toThrow(/--athlete/);
    await expect(run([SMARTROW], { format: 'rp3-csv' })).rejects.toBeInstanceOf(CliError);
  });
});

describe('ergsprint import (the CLI)', () => {
  it('prints the analysis exactly as ergsprint analyze prints it for the recording', async () => {
    const home = scratchDir();
    const r = await runCli(['import', SMARTROW], { env: { XDG_DATA_HOME: home } });
    expect(r.stderr).toMatch(/^ergsprint: in history as [0-9a-f]{10}\n$/); // the import joined history
    expect(r.code).toBe(0);
    const [first, ...table] = r.stdout.split('\n');
    expect(first).toMatch(/: imported as .*\/imports\/[0-9a-f]{64}\.ndjson \(smartrow-csv, 123 strokes\)$/);
    const path = /imported as (\S+)/.exec(first!)![1]!;
    const analyzed = await runCli(['analyze', path]);
    expect(table.join('\n')).toBe(analyzed.stdout);
    expect(table.join('\n')).toMatch(/work 1/);
  });

  it('bad files are one-line errors with exit 2: truncated FIT, wrong CRC, another app\u2019s CSV, an empty file, a missing file, a FIFO', async () => {
    const dir = scratchDir();
    const fit = fitFile([{ kind: 'work', s: 30 }]);
    const bad: Array<[string, Uint8Array | string, RegExp]> = [
      ['cut.fit', fit.slice(0, 100), /cut off/],
      ['crc.fit', (() => { const b = fit.slice(); b[60] = b[60]! ^ 0x55; return b; })(), /CRC/],
      ['garmin-list.csv', 'Activity Type,Date,Favorite,Title\nRunning,2026-11-30,false,Run\n', /not a format ergsprint can import.*known formats: fit, tcx/],
      ['empty.csv', '', /empty/],
    ];
    for (const [name, content] of bad) writeFileSync(join(dir, name), content);
    const runs = await Promise.all(bad.map(([name]) => runCli(['import', join(dir, name)], { env: { XDG_DATA_HOME: dir } })));
    for (const [k, [name, , msg]] of bad.entries()) {
      const p = join(dir, name);
      const r = runs[k]!;
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.stderr).toMatch(new RegExp(`^ergsprint: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const [missing, fifo] = await Promise.all([
      runCli(['import', join(dir, 'nope.fit')], { env: { XDG_DATA_HOME: dir } }),
      runCli(['import', fifoIn(dir, 'pipe.csv')], { env: { XDG_DATA_HOME: dir } }),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.fit: no such file/);
    expect(fifo.code).toBe(2); // opened without blocking: a FIFO is refused, never a hang
    expect(fifo.stderr).toMatch(/pipe\.csv: is a FIFO \(named pipe\), not a regular file/);
    expect(readdirSync(dir).filter((f) => f === 'ergsprint')).toEqual([]); // nothing was written
  }, 60_000);
});
