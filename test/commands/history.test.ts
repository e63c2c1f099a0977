/**
 * `ergsprint history …` through the built CLI, with XDG_DATA_HOME in a
 * temp dir: the JSON contracts of the README, the text tables, ids stable across rebuilds,
 * `analyze` naming the stored id, and one-line errors (exit 2) for bad input.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectOneLineError, killChildren, runCli } from './cli-process.js';
import { makeRecording, tempDir } from '../store/recordings.js';

beforeAll(assertBuilt);
afterEach(killChildren);

/** A data folder with three sessions of Ann (two HIIT sets, a 2k) and one of Bo. */
function dataHome(): { home: string; env: Record<string, string>; files: string[] } {
  const home = tempDir();
  const sessions = join(home, 'ergsprint', 'sessions');
  const files = [
    makeRecording(sessions, { fixture: 'hiit-allout', startedAt: '2026-11-10T07:00:00.000Z', athlete: 'Ann' }),
    makeRecording(sessions, { fixture: 'hiit-held', startedAt: '2026-11-12T07:00:00.000Z', athlete: 'Bo' }),
    makeRecording(join(home, 'ergsprint', 'imports'), { fixture: 'test-2k', startedAt: '2026-11-14T07:00:00.000Z', athlete: 'Ann' }),
  ];
  return { home, env: { XDG_DATA_HOME: home, TZ: 'UTC' }, files };
}

const run = (args: string[], env: Record<string, string>) => runCli(args, { env });


describe('history', () => {
  // one data folder, rebuilt once; tests that change the index work on copies (--db)
  let data: ReturnType<typeof dataHome>;
  let list: { sessions: Record<string, unknown>[] };
  beforeAll(async () => {
    data = dataHome();
    const rebuilt = await run(['history', 'rebuild'], data.env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^indexed 3 sessions from 3 recordings/);
    list = JSON.parse((await run(['history', '--json'], data.env)).stdout) as typeof list;
  }, 60_000);
  const copyDb = (): string => {
    const db = join(tempDir(), 'copy.db');
    copyFileSync(join(data.home, 'ergsprint', 'history.db'), db);
    return db;
  };

  it('lists sessions newest first in the documented shape, and as a table', async () => {
    expect(existsSync(join(data.home, 'ergsprint', 'history.db'))).toBe(true);
    expect(Object.keys(list)).toEqual(['sessions']);
    expect(list.sessions.map((s) => (s.start as string).slice(0, 10))).toEqual(['2026-11-14', '2026-11-12', '2026-11-10']);
    for (const s of list.sessions) {
      expect(Object.keys(s).sort()).toEqual(['allOut', 'athlete', 'distanceM', 'durationS', 'id', 'machine', 'path', 'plan', 'reps', 'rower', 'stale', 'start'].sort());
      expect(s.id).toMatch(/^[0-9a-f]{10}$/);
    }
    expect(list.sessions.map((s) => s.athlete)).toEqual(['Ann', 'Bo', 'Ann']);
    expect(list.sessions[1]).toMatchObject({ reps: 8, machine: 'SIM Rower 1Hz', plan: null, stale: false });
    // the athlete filter is case-insensitive; the text table has one line per session
    const ann = JSON.parse((await run(['history', '--athlete', 'ann', '--json'], data.env)).stdout) as { sessions: { athlete: string }[] };
    expect(ann.sessions.map((s) => s.athlete)).toEqual(['Ann', 'Ann']);
    const text = (await run(['history'], data.env)).stdout.trimEnd().split('\n');
    expect(text[0]).toMatch(/^id\s+start\s+athlete\s+machine\s+plan\s+length\s+distance\s+all-out$/);
    expect(text.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(list.sessions.map((s) => s.id));
    expect(text[2]).toMatch(/2026-11-12 07:00\s+Bo\s+SIM Rower 1Hz/);
  });

  it('keeps ids across a rebuild into another file (--db), leaving the default one alone', async () => {
    const db = join(tempDir(), 'other.db');
    expect((await run(['history', 'rebuild', '--db', db], data.env)).code).toBe(0);
    const again = JSON.parse((await run(['history', '--db', db, '--json'], data.env)).stdout) as typeof list;
    expect(again).toEqual(list);
  });

  it('shows one session as JSON and as the analyze table with verdicts', async () => {
    const bo = list.sessions[1]!.id as string;
    const doc = JSON.parse((await run(['history', 'show', bo, '--json'], data.env)).stdout) as Record<string, unknown> & { analysis: { intervals: { kind: string; verdict: { allOut: boolean | null } | null }[] }; bests: { durationS: number; powerW: number }[] };
    expect(doc).toMatchObject({ id: bo, athlete: 'Bo', analysisVersion: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const work = doc.analysis.intervals.filter((i) => i.kind === 'work');
    expect(work).toHaveLength(8);
    // hiit-held: some reps were rowed held back (its labels), so not every verdict is all-out
    expect(work.some((i) => i.verdict?.allOut === false)).toBe(true);
    expect(doc.bests.map((b) => b.durationS)).toContain(30);
    const text = await run(['history', 'show', bo], data.env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Session ${bo}: 2026-11-12 07:00, Bo on SIM Rower 1Hz`));
    expect(text.stdout).toMatch(/work 1 .*(all-out|held-back)/);
    expect(text.stdout).toMatch(/Best windows: 10 s \d+ W · 30 s \d+ W/);
  });

  it('prints bests: reps by band, single pieces apart, the power–duration curve', async () => {
    const b = JSON.parse((await run(['history', 'bests', '--athlete', 'Ann', '--json'], data.env)).stdout) as { athlete: string; sessions: number; reps: { band: string; sessionId: string }[]; pieces: { piece: string; timeS: number }[]; curve: { durationS: number; powerW: number }[] };
    expect(Object.keys(b)).toEqual(['athlete', 'sessions', 'reps', 'pieces', 'curve']);
    expect(b).toMatchObject({ athlete: 'Ann', sessions: 2 });
    expect(b.reps.map((r) => r.band)).toEqual(['A']);
    expect(b.pieces.map((p) => p.piece)).toEqual(['2k']);
    expect(b.curve.map((c) => c.durationS)).toEqual([10, 30, 60, 120, 240, 300, 600, 1200, 1800]);
    expect(b.curve[0]!.powerW).toBeGreaterThan(b.curve[b.curve.length - 1]!.powerW);
    const text = (await run(['history', 'bests', '--athlete', 'Ann'], data.env)).stdout;
    expect(text).toMatch(/^Bests of Ann over 2 sessions/);
    for (const heading of ['Best rep by duration band', 'Best single pieces', 'Power–duration curve']) expect(text).toContain(heading);
    expect(text).toMatch(/2k\s+\d:\d\d\.\d\s+\d+ W\s+all-out/);
  });

  it('removes only the index row and says so', async () => {
    const db = copyDb();
    const newest = list.sessions[0]!.id as string;
    const rm = await run(['history', 'rm', newest, '--db', db], data.env);
    expect(rm.code).toBe(0);
    expect(rm.stdout).toMatch(new RegExp(`^removed ${newest} from the history index; the recording .* is kept`));
    expect(data.files.every((f) => existsSync(f))).toBe(true);
    expectOneLineError(await run(['history', 'show', newest, '--db', db], data.env), /no session ".*" in the history/);
  });

  it('answers bad input with one line and exit 2', async () => {
    const junk = join(data.home, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text\n'.repeat(200));
    const [show, rm, athlete, corrupt] = await Promise.all([['history', 'show', 'deadbeef00'], ['history', 'rm', 'deadbeef00'], ['history', '--athlete', ' '], ['history', '--db', junk]].map((a) => run(a, data.env)));
    expectOneLineError(show!, /^ergsprint: no session "deadbeef00" in the history/);
    expectOneLineError(rm!, /no session "deadbeef00"/);
    expectOneLineError(athlete!, /--athlete: give a name/);
    expectOneLineError(corrupt!, /junk\.db is not a readable history database.*history rebuild/);
  });

  it('lists without loading the session pipeline (only indexing needs it)', async () => {
    const log = join(tempDir(), 'modules.txt');
    const r = await runCli(['history', 'bests'], { env: { ...data.env, NODE_OPTIONS: `--import ${join(import.meta.dirname, 'module-log.mjs')}`, MODULE_LOG: log } });
    expect(r.code).toBe(0);
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    expect(urls.some((u) => u.includes('node_modules/better-sqlite3/'))).toBe(true);
    expect(urls.filter((u) => /\/dist\/(pipeline|detect)\/|node_modules\/rxjs\//.test(u))).toEqual([]);
  });

  it('makes analyze of an indexed recording name its id on stderr, --json byte-identical', async () => {
    const file = data.files[0]!;
    const before = await run(['analyze', file, '--json'], { XDG_DATA_HOME: tempDir() });
    expect(before.stderr).toBe('');
    const id = list.sessions.find((s) => s.path === file)!.id as string;
    const after = await run(['analyze', file, '--json'], data.env);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stderr).toBe(`ergsprint: in history as ${id}\n`);
  });
});
