/**
 * runSession end to end with a real fastify server on port 0 and real files in a temp directory:
 * two classes become two sessions, two recordings and two summaries; POST /api/session/end ends
 * one rower's session; PUT /api/rowers/:id is recorded and its names survive a restart.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceItem } from '../../src/ftms/frame.js';
import { analyzeRecording } from '../../src/pipeline/analyze-recording.js';
import { readRecording } from '../../src/recording/reader.js';
import { replay$ } from '../../src/sources/replay.js';
import { runSession, type RunningSession, type SessionEnd } from '../../src/commands/run-session.js';
import { perSessionRecorder } from '../../src/commands/session-recordings.js';
import { loadFixture } from '../pipeline/fixture-helpers.js';
import { twoClasses } from '../pipeline/two-classes.js';

const STARTED = '2026-12-01T18:00:00.000Z';
let running: RunningSession | undefined;
afterEach(async () => {
  running?.stop();
  await running?.server.close();
  running = undefined;
});

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ergsprint-run-session-'));
const recorderIn = (dir: string) => perSessionRecorder(dir, STARTED, 'ble', { onStopped: () => undefined, onResumed: () => undefined });
const api = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${running!.server.url}${path.replace(/^\//, '')}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
type Snap = { rowers: Array<{ id: string; name: string; athlete?: string; summary?: unknown; session?: { state: string } }> };

describe('runSession', () => {
  it('a recording of two classes 10 idle minutes apart: two sessions, two recordings, two summaries, onSessionEnd twice', async () => {
    const dir = tmp();
    const c = twoClasses('hiit-held');
    const ends: SessionEnd[] = [];
    const log: string[] = [];
    const recorder = recorderIn(dir);
    running = await runSession({ source$: replay$(c.items, { speed: 'instant', heartbeatMs: 1000 }), startedAt: STARTED, kind: 'ble', recorder, serve: { port: 0 }, names: { 'sim-1': 'SIM Rower 1Hz' }, onSessionEnd: (e) => void ends.push(e), log: (l) => void log.push(l) });
    expect(await running.finished).toBeNull();
    await running.settled();

    expect(ends.map((e) => e.reason)).toEqual(['idle', 'stop']);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(ends.map((e) => e.path).sort()).toEqual(files.map((f) => join(dir, f)));
    expect(files[0]).toBe('2026-12-01T18-00-00.000Z-sim-1.ndjson'); // <ISO of its first item>-<rower>.ndjson
    const alone = analyzeRecording(loadFixture('hiit-held').recording).rowers[0]!;
    for (const [i, e] of ends.entries()) {
      const rec = await readRecording(e.path!);
      // each file holds one class, every item of it, re-based to t = 0 at its own start
      expect(rec.items).toHaveLength(c.single.length);
      expect(rec.items[0]!.t).toBe(0);
      expect(rec.header.startedAt).toBe(new Date(Date.parse(STARTED) + (i === 0 ? 0 : c.secondStartMs)).toISOString());
      // and analyses to that class's session, summary included
      const got = analyzeRecording(rec).rowers[0]!;
      expect(got.intervals.map((iv) => [iv.kind, iv.index, iv.start, iv.end])).toEqual(alone.intervals.map((iv) => [iv.kind, iv.index, iv.start, iv.end]));
      expect(e.summary).toEqual(alone.summary);
      expect(e.rower).toBe('sim-1');
      expect(e.startMs).toBeLessThan(e.endMs);
    }
    expect(ends[1]!.startedAt > ends[0]!.endedAt).toBe(true);
    // the terminal got one compact block per session
    const blocks = log.filter((l) => l.includes('session ended'));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(new RegExp(`^SIM Rower 1Hz \\(sim-1\\): session ended \\(idle\\) — ${alone.summary!.sprints} reps, all-out ${alone.summary!.allOut}/${alone.summary!.sprints}, decrement \\d+\\.\\d %`));
    // the display's snapshot keeps the last summary after the end
    const snap = (await api('/api/session')).body as unknown as Snap;
    expect(snap.rowers[0]!.summary).toEqual(alone.summary);
    expect(snap.rowers[0]!.session?.state).toBe('ended');
  }, 30_000);

  it('POST /api/session/end ends one rower\'s session (recorded), the other rower rows on; {} ends the room', async () => {
    const dir = tmp();
    const { recording } = loadFixture('two-rowers');
    const [a, b] = recording.header.rowers.map((r) => r.id) as [string, string];
    const src = new Subject<SourceItem>();
    const ends: SessionEnd[] = [];
    running = await runSession({ source$: src, startedAt: STARTED, kind: 'ble', recorder: recorderIn(dir), serve: { port: 0 }, onSessionEnd: (e) => void ends.push(e), log: () => undefined });
    const half = recording.items.filter((x) => x.t < 600_000);
    for (const x of half) src.next(x);
    let snap = (await api('/api/session')).body as unknown as Snap;
    expect(snap.rowers.map((r) => r.session?.state)).toEqual(['started', 'started']);

    expect((await api('/api/session/end', { method: 'POST', body: JSON.stringify({ rower: 'nobody' }) })).status).toBe(404);
    expect((await api('/api/session/end', { method: 'POST', body: JSON.stringify({ rower: a, extra: 1 }) })).status).toBe(400);
    expect((await api('/api/session/end', { method: 'POST', body: '{}', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    const r = await api('/api/session/end', { method: 'POST', body: JSON.stringify({ rower: a }) });
    expect(r).toEqual({ status: 202, body: { accepted: { rower: a } } });
    await running.settled();
    expect(ends.map((e) => [e.rower, e.reason])).toEqual([[a, 'request']]);
    snap = (await api('/api/session')).body as unknown as Snap;
    expect(snap.rowers.find((x) => x.id === a)?.session?.state).toBe('ended');
    expect(snap.rowers.find((x) => x.id === a)?.summary).toBeDefined();
    expect(snap.rowers.find((x) => x.id === b)?.session?.state).toBe('started');
    // the request is the last line of the ended session's recording: a replay of it ends there too
    const lastLine = readFileSync(ends[0]!.path!, 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(lastLine)).toMatchObject({ type: 'event', r: a, event: 'session-end' });

    expect((await api('/api/session/end', { method: 'POST', body: '{}' })).status).toBe(202);
    await running.settled();
    expect(ends.map((e) => [e.rower, e.reason])).toEqual([[a, 'request'], [b, 'request']]);
  }, 30_000);

  it('PUT /api/rowers/:id is recorded as name/athlete events and saved; after a restart the rower gets them back', async () => {
    const dir = tmp();
    const bindingsPath = join(dir, 'rowers.json');
    const connect: SourceItem = { kind: 'event', t: 0, rower: 'pm5-1', event: 'connected', name: 'PM5 430' };
    const start = async (sessions: string): Promise<Subject<SourceItem>> => {
      const src = new Subject<SourceItem>();
      running = await runSession({ source$: src, startedAt: STARTED, kind: 'ble', recorder: recorderIn(join(dir, sessions)), serve: { port: 0 }, bindingsPath, log: () => undefined });
      src.next(connect);
      return src;
    };
    await start('one');
    expect((await api('/api/rowers/pm5-1', { method: 'PUT', body: JSON.stringify({ athlete: 'x'.repeat(81) }) })).status).toBe(400);
    expect((await api('/api/rowers/nobody', { method: 'PUT', body: JSON.stringify({ athlete: 'Ada' }) })).status).toBe(404);
    expect((await api('/api/rowers/pm5-1', { method: 'PUT', body: JSON.stringify({ name: '   ' }) })).status).toBe(400);
    const put = await api('/api/rowers/pm5-1', { method: 'PUT', body: JSON.stringify({ name: 'Lane 3', athlete: 'Ada' }) });
    expect(put).toMatchObject({ status: 200, body: { rower: { id: 'pm5-1', name: 'Lane 3', athlete: 'Ada' } } });
    const events = (sub: string) =>
      readdirSync(join(dir, sub)).flatMap((f) => readFileSync(join(dir, sub, f), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as Record<string, unknown>)).filter((x) => x.type === 'event').map((x) => [x.event, x.name ?? x.athlete]);
    expect(events('one')).toEqual([['connected', 'PM5 430'], ['name', 'Lane 3'], ['athlete', 'Ada']]);
    expect(JSON.parse(readFileSync(bindingsPath, 'utf8'))).toEqual({ version: 1, rowers: { 'pm5-1': { name: 'Lane 3', athlete: 'Ada' } } });
    running!.stop();
    await running!.server.close();

    await start('two'); // a restart: the same rower connects again
    const rowers = (await api('/api/rowers')).body.rowers as Snap['rowers'];
    expect(rowers).toMatchObject([{ id: 'pm5-1', name: 'Lane 3', athlete: 'Ada' }]);
    expect(events('two')).toEqual([['connected', 'PM5 430'], ['name', 'Lane 3'], ['athlete', 'Ada']]); // recorded again for this recording's replays
  }, 30_000);

  it('--athlete bindings name rowers by advertised-name prefix; a bad rowers.json is one warning line, not a crash', async () => {
    const dir = tmp();
    const bindingsPath = join(dir, 'rowers.json');
    writeFileSync(bindingsPath, '{"version":1,"rowers":{"pm5-1":{"athlete":42}}}');
    const log: string[] = [];
    const src = new Subject<SourceItem>();
    running = await runSession({ source$: src, startedAt: STARTED, kind: 'ble', serve: { port: 0 }, bindingsPath, athletes: [{ athlete: 'Grace', rower: 'pm5 4' }], log: (l) => void log.push(l) });
    src.next({ kind: 'event', t: 0, rower: 'pm5-1', event: 'connected', name: 'PM5 430' });
    src.next({ kind: 'event', t: 0, rower: 'other', event: 'connected', name: 'Concept2' });
    expect(log.filter((l) => !l.startsWith("display: "))).toEqual([`ergsprint: ${bindingsPath}: rowers.pm5-1.athlete must be 1–80 characters; rower names start empty`]);
    const rowers = (await api('/api/rowers')).body.rowers as Snap['rowers'];
    expect(rowers.map((r) => [r.id, r.athlete])).toEqual([['pm5-1', 'Grace'], ['other', undefined]]);
  }, 30_000);

  it('looping (the demo): every pass is a new session with its own end; stop() ends the loop', async () => {
    const { recording } = loadFixture('no-warmup');
    const ends: SessionEnd[] = [];
    running = await runSession({ source$: replay$(recording.items, { speed: 'instant' }), startedAt: STARTED, kind: 'demo', serve: { port: 0 }, loop: { pauseMs: 20 }, onSessionEnd: (e) => void ends.push(e), log: () => undefined });
    const deadline = Date.now() + 10_000;
    while (ends.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(ends.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ends.map((e) => e.reason))).toEqual(new Set(['stop'])); // each pass's source completed
    expect(ends.every((e) => e.summary !== undefined)).toBe(true);
    running.stop();
    const n = ends.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(ends.length).toBe(n);
    expect(await running.finished).toBeNull();
  }, 30_000);
});
