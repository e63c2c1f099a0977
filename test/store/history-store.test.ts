/**
 * The history store on real SQLite files in temp dirs: what a session row holds (checked against
 * the fixture's labels and `analyzeRecording`), idempotent adds, re-judging stale rows, the
 * rebuild round trip, judged efforts, athletes, and clear errors.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisToJson } from '../../src/export/analysis-json.js';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { parseRecording } from '../../src/recording/reader.js';
import { replay$ } from '../../src/sources/replay.js';
import { ANALYSIS_VERSION } from '../../src/store/analysis-version.js';
import { HistoryError } from '../../src/store/history-error.js';
import { historyDbPath, openHistory, type HistoryStore } from '../../src/store/history-store.js';
import { FIXTURES, makeRecording, tempDir } from './recordings.js';

const open: HistoryStore[] = [];
const openAt = (path: string): HistoryStore => {
  const h = openHistory(path);
  open.push(h);
  return h;
};
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

const DAY1 = '2026-11-10T07:00:00.000Z';
const DAY2 = '2026-11-12T18:30:00.000Z';
const DAY3 = '2026-11-14T09:15:00.000Z';

function labels(fixture: string): { kind: string; start: number; end: number; allOut?: boolean }[] {
  return (JSON.parse(readFileSync(join(FIXTURES, `${fixture}.labels.json`), 'utf8')) as { intervals: { kind: string; start: number; end: number; allOut?: boolean }[] }).intervals;
}

describe('a session row', () => {
  it('holds start, machine, athlete, totals, the analyze intervals and one judged effort per work interval', () => {
    const dir = tempDir();
    const file = makeRecording(join(dir, 'sessions'), { fixture: 'hiit-allout', startedAt: DAY1, athlete: 'Ann' });
    const h = openAt(join(dir, 'history.db'));
    const [res] = h.addRecording(file);
    expect(res).toMatchObject({ rower: 'sim-1', added: true });
    expect(res!.id).toMatch(/^[0-9a-f]{10}$/);
    const s = h.get(res!.id)!;
    // the same analysis as `analyze`
    const recording = parseRecording(readFileSync(file, 'utf8'), file);
    const expected = analysisToJson(analyzeRecording(recording, { source$: replay$(recording.items, { speed: 'instant' }) })).rowers[0]!;
    expect(s.analysis).toEqual(expected);
    expect(s).toMatchObject({ athlete: 'Ann', machine: 'SIM Rower 1Hz', rower: 'sim-1', stale: false, analysisVersion: ANALYSIS_VERSION, path: file });
    // start = header start + the first stroke (the fixture's first stroke comes a few seconds in)
    const offset = Date.parse(s.start) - Date.parse(DAY1);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(15_000);
    const truth = labels('hiit-allout');
    const work = truth.filter((l) => l.kind === 'work');
    expect(s.reps).toBe(work.length);
    expect(s.durationS).toBeGreaterThan(truth[truth.length - 1]!.end - 60);
    expect(s.distanceM).toBeGreaterThan(1000);
    // best windows: 10 s … 30 min fit in a ~30-min session, 60 min does not; the 30-s best is at a sprint
    const byD = new Map(s.bests.map((b) => [b.durationS, b]));
    expect([...byD.keys()]).toEqual([10, 30, 60, 120, 240, 300, 600, 1200, 1800].filter((d) => d <= s.durationS));
    const best30 = byD.get(30)!;
    expect(work.some((w) => best30.startS >= w.start - 5 && best30.startS + 30 <= w.end + 5)).toBe(true);
    // efforts: every judged work interval, at epoch times, with the verdict's mean power
    const efforts = h.efforts({ athlete: 'ann' });
    const judged = s.analysis.intervals.filter((i) => i.kind === 'work' && i.verdict);
    expect(efforts).toHaveLength(judged.length);
    efforts.forEach((e, k) => {
      expect(e).toMatchObject({ sessionId: s.id, kind: 'rep', rep: k + 1, allOut: judged[k]!.verdict!.allOut });
      expect(e.startMs).toBeCloseTo(Date.parse(DAY1) + judged[k]!.start * 1000, -2);
      expect(Math.abs(e.meanPowerW - judged[k]!.avgPower!)).toBeLessThan(1);
    });
  });

  it('marks a one-piece test as a piece and finds it among the bests', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const [res] = h.addRecording(makeRecording(dir, { fixture: 'test-2k', startedAt: DAY1, athlete: 'Ann' }));
    const [effort] = h.efforts({ athlete: 'Ann' });
    expect(effort).toMatchObject({ sessionId: res!.id, kind: 'piece', allOut: true });
    expect(effort!.rep).toBeUndefined();
    const { pieces } = h.bests({ athlete: 'ANN' });
    expect(pieces.map((p) => p.piece)).toEqual(['2k']);
    // the 2k's time is its duration scaled to exactly 2000 m
    expect(pieces[0]!.timeS).toBeGreaterThan(360);
    expect(pieces[0]!.timeS).toBeLessThan(480);
  });

  it('gives each rower of a two-rower recording its own session and athlete', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const res = h.addRecording(makeRecording(dir, { fixture: 'two-rowers', startedAt: DAY1, athlete: 'Bo', rower: 'sim-2' }));
    expect(res.map((r) => r.rower)).toEqual(['sim-1', 'sim-2']);
    expect(new Set(res.map((r) => r.id)).size).toBe(2);
    expect(h.list({ athlete: 'bo' }).map((s) => s.rower)).toEqual(['sim-2']);
    expect(h.get(res[0]!.id)!.athlete).toBeNull();
  });
});

describe('adding', () => {
  it('is idempotent: the same bytes again (even from another path) add no row', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const file = makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY1 });
    const first = h.addRecording(file);
    const copy = join(dir, 'copy.ndjson');
    writeFileSync(copy, readFileSync(file));
    expect(h.addRecording(file)).toEqual(first.map((r) => ({ ...r, added: false })));
    expect(h.addRecording(copy)).toEqual(first.map((r) => ({ ...r, added: false })));
    expect(h.list()).toHaveLength(1);
    expect(h.efforts({ athlete: 'nobody' })).toEqual([]);
  });

  it('replaces the sessions of a recording that grew since it was indexed', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const full = makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY1, athlete: 'Ann' });
    const lines = readFileSync(full, 'utf8').split('\n');
    const growing = join(dir, 'growing.ndjson');
    writeFileSync(growing, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    const [early] = h.addRecording(growing);
    writeFileSync(growing, lines.join('\n'));
    const [late] = h.addRecording(growing);
    expect(late!.id).not.toBe(early!.id);
    expect(h.list().map((s) => s.id)).toEqual([late!.id]);
    expect(h.efforts({ athlete: 'Ann' }).every((e) => e.sessionId === late!.id)).toBe(true);
  });

  it('re-judges a session stored by an older analysis version, keeping its id', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const file = makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY1 });
    const [first] = h.addRecording(file);
    h.connection.prepare('UPDATE sessions SET analysis_version = ?').run(ANALYSIS_VERSION - 1);
    expect(h.list()[0]!.stale).toBe(true);
    expect(h.addRecording(file)).toEqual([{ ...first, added: true }]);
    expect(h.list()[0]!.stale).toBe(false);
  });

  it('hands the recording start and athletes to the analysis options callback', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const seen: unknown[] = [];
    h.addRecording(makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY2, athlete: 'Cy' }), {
      analysis: (ctx) => {
        seen.push({ startedAtMs: ctx.startedAtMs, athletes: ctx.athletes });
        return { verdict: { declared2kS: 420 } };
      },
    });
    expect(seen).toEqual([{ startedAtMs: Date.parse(DAY2), athletes: { 'sim-1': 'Cy' } }]);
    const ref = h.get(h.list()[0]!.id)!.analysis.intervals.find((i) => i.kind === 'work')!.verdict!.reasons.find((r) => r.code === 'OUTPUT');
    expect(ref?.message).toMatch(/7:00 2k/);
  });

  it('rejects an unreadable recording with the file and line', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-10T07:00:00Z","source":"ble","rowers":[]}\nnot json\n{"t":1,"r":"a","c":"2ad1","d":"00"}\n');
    const err = (() => {
      try {
        h.addRecording(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as HistoryError).code).toBe('BAD_RECORDING');
    expect((err as Error).message).toMatch(/bad\.ndjson:2/);
    expect(() => h.addRecording(join(dir, 'missing.ndjson'))).toThrow(/no such file/);
  });
});

describe('rebuild', () => {
  it('gives the same rows as incremental adds, drops sessions whose recording is gone, reports bad files', () => {
    const dir = tempDir();
    const sessions = join(dir, 'data', 'sessions');
    const files = [
      makeRecording(sessions, { fixture: 'hiit-allout', startedAt: DAY1, athlete: 'Ann' }),
      makeRecording(sessions, { fixture: 'intervals-4min', startedAt: DAY2, athlete: 'Ann' }),
      makeRecording(join(dir, 'data', 'imports'), { fixture: 'test-2k', startedAt: DAY3, athlete: 'ann' }),
    ];
    const inc = openAt(join(dir, 'incremental.db'));
    for (const f of files) inc.addRecording(f);
    inc.addAthlete({ name: 'Ann', time2kS: 425 });
    const reb = openAt(join(dir, 'rebuilt.db'));
    reb.addAthlete({ name: 'Ann', time2kS: 425 });
    const progress: number[] = [];
    const result = reb.rebuild([sessions, join(dir, 'data', 'imports')], { onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ recordings: 3, sessions: 3, failed: [] });
    expect(progress).toEqual([1, 2, 3]);
    expect(reb.list()).toEqual(inc.list());
    for (const s of inc.list()) expect(reb.get(s.id)).toEqual(inc.get(s.id));
    expect(reb.efforts({ athlete: 'Ann' })).toEqual(inc.efforts({ athlete: 'Ann' }));
    expect(reb.bests({ athlete: 'Ann' })).toEqual(inc.bests({ athlete: 'Ann' }));
    expect(reb.list().map((s) => s.start.slice(0, 10))).toEqual(['2026-11-14', '2026-11-12', '2026-11-10']);
    // rebuilding again in place: the same rows; athletes are kept
    expect(inc.rebuild([sessions, join(dir, 'data', 'imports')]).sessions).toBe(3);
    expect(inc.list()).toEqual(reb.list());
    expect(inc.getAthlete('ANN')).toMatchObject({ name: 'Ann', time2kS: 425 });
    // a recording gone, a bad one added
    rmSync(files[0]!);
    writeFileSync(join(sessions, 'broken.ndjson'), 'nonsense\n');
    const again = inc.rebuild([sessions, join(dir, 'data', 'imports')]);
    expect(again.sessions).toBe(2);
    expect(again.failed).toHaveLength(1);
    expect(again.failed[0]!.path).toMatch(/broken\.ndjson$/);
    expect(inc.list()).toHaveLength(2);
  });

  it('lets references see only earlier sessions: rebuild runs oldest first', () => {
    const dir = tempDir();
    const sessions = join(dir, 'sessions');
    // written newest first, so file order is not the chronological order
    makeRecording(sessions, { fixture: 'hiit-held', startedAt: DAY3, athlete: 'Ann' });
    makeRecording(sessions, { fixture: 'hiit-allout', startedAt: DAY1, athlete: 'Ann' });
    const h = openAt(join(dir, 'history.db'));
    const before: number[] = [];
    h.rebuild([sessions], {
      analysis: (ctx) => {
        before.push(h.efforts({ athlete: 'Ann', beforeMs: ctx.startedAtMs }).length);
        return {};
      },
    });
    expect(before[0]).toBe(0);
    expect(before[1]).toBeGreaterThan(0);
  });
});

describe('efforts', () => {
  it('returns an athlete’s efforts in [sinceMs, beforeMs), oldest first, case-insensitively', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    h.addRecording(makeRecording(dir, { fixture: 'hiit-allout', startedAt: DAY1, athlete: 'Ann' }));
    h.addRecording(makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY2, athlete: 'ANN' }));
    h.addRecording(makeRecording(dir, { fixture: 'hiit-rest60', startedAt: DAY2, athlete: 'Bo' }));
    const all = h.efforts({ athlete: 'ann' });
    expect(all.length).toBeGreaterThan(8);
    expect(all.map((e) => e.startMs)).toEqual([...all.map((e) => e.startMs)].sort((a, b) => a - b));
    const d2 = Date.parse(DAY2);
    expect(h.efforts({ athlete: 'Ann', beforeMs: d2 }).every((e) => e.startMs < d2)).toBe(true);
    expect(h.efforts({ athlete: 'Ann', sinceMs: d2 }).every((e) => e.startMs >= d2)).toBe(true);
    expect(h.efforts({ athlete: 'Ann', beforeMs: d2 }).length + h.efforts({ athlete: 'Ann', sinceMs: d2 }).length).toBe(all.length);
    expect(h.efforts({ athlete: 'Bo' }).every((e) => !all.some((a) => a.sessionId === e.sessionId))).toBe(true);
  });
});

describe('bests', () => {
  it('are the best rep per band and the best window per duration over the athlete’s sessions', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    h.addRecording(makeRecording(dir, { fixture: 'hiit-allout', startedAt: DAY1, athlete: 'Ann' }));
    h.addRecording(makeRecording(dir, { fixture: 'intervals-4min', startedAt: DAY2, athlete: 'Ann' }));
    h.addRecording(makeRecording(dir, { fixture: 'strong-athlete', startedAt: DAY3, athlete: 'Bo' }));
    const mine = h.list({ athlete: 'Ann' }).map((s) => h.get(s.id)!);
    const b = h.bests({ athlete: 'Ann' });
    expect(b.sessions).toBe(2);
    const work = mine.flatMap((s) => s.analysis.intervals.filter((i) => i.kind === 'work' && i.verdict?.band !== undefined && i.verdict.mode !== 'single').map((i) => ({ s, i })));
    const bands = [...new Set(work.map((w) => w.i.verdict!.band!))].sort();
    expect(b.reps.map((r) => r.band)).toEqual(bands);
    for (const r of b.reps) {
      const inBand = work.filter((w) => w.i.verdict!.band === r.band);
      const top = Math.max(...inBand.map((w) => w.i.avgPower!));
      expect(r.powerW).toBe(top);
      expect(inBand.find((w) => w.i.avgPower === top)!.s.id).toBe(r.sessionId);
    }
    for (const c of b.curve) {
      const top = Math.max(...mine.flatMap((s) => s.bests.filter((w) => w.durationS === c.durationS).map((w) => w.powerW)));
      expect(c.powerW).toBe(top);
    }
    // Bo's stronger sprints do not count for Ann, but do for everyone
    const all = h.bests();
    expect(all.sessions).toBe(3);
    expect(all.reps.find((r) => r.band === 'A')!.powerW).toBeGreaterThanOrEqual(b.reps.find((r) => r.band === 'A')!.powerW);
  });
});

describe('remove', () => {
  it('deletes a session’s rows (intervals, windows, efforts) and leaves the recording', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'history.db'));
    const file = makeRecording(dir, { fixture: 'hiit-held', startedAt: DAY1, athlete: 'Ann' });
    const id = h.addRecording(file)[0]!.id;
    expect(h.remove(id)).toBe(true);
    expect(h.remove(id)).toBe(false);
    expect(h.get(id)).toBeUndefined();
    expect(h.efforts({ athlete: 'Ann' })).toEqual([]);
    for (const t of ['intervals', 'best_windows', 'efforts']) expect(h.connection.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
  });
});

describe('athletes', () => {
  it('adds, lists and finds athletes by name, case-insensitively; refuses duplicates and bad values', () => {
    const dir = tempDir();
    const h = openHistory(join(dir, 'history.db'), { now: () => new Date('2026-12-01T10:00:00Z') });
    open.push(h);
    expect(h.addAthlete({ name: ' Ann ', time2kS: 425, hrmax: 190, weightKg: 68 })).toEqual({ name: 'Ann', time2kS: 425, hrmax: 190, weightKg: 68, created: '2026-12-01T10:00:00.000Z' });
    h.addAthlete({ name: 'bo' });
    expect(h.listAthletes().map((a) => a.name)).toEqual(['Ann', 'bo']);
    expect(h.getAthlete('ANN')?.hrmax).toBe(190);
    expect(h.getAthlete('Cy')).toBeUndefined();
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as HistoryError).code;
      }
      return undefined;
    };
    expect(code(() => h.addAthlete({ name: 'ann' }))).toBe('DUPLICATE_ATHLETE');
    expect(code(() => h.addAthlete({ name: '' }))).toBe('BAD_ATHLETE');
    expect(code(() => h.addAthlete({ name: 'X', hrmax: 250 }))).toBe('BAD_ATHLETE');
    expect(code(() => h.addAthlete({ name: 'X', weightKg: 20 }))).toBe('BAD_ATHLETE');
    expect(code(() => h.addAthlete({ name: 'X', time2kS: 100 }))).toBe('BAD_ATHLETE');
  });
});

describe('opening', () => {
  it('defaults to $XDG_DATA_HOME/ergsprint/history.db', () => {
    expect(historyDbPath({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/ergsprint/history.db');
  });

  it('creates the folder, uses WAL mode, and refuses a file that is not a database', () => {
    const dir = tempDir();
    const h = openAt(join(dir, 'deep', 'er', 'history.db'));
    expect(h.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite'.repeat(300));
    let err: unknown;
    try {
      openHistory(junk);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as HistoryError).code).toBe('CORRUPT');
    expect((err as Error).message).toMatch(/junk\.db is not a readable history database/);
  });
});
