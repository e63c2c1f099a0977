/**
 * `live` as a real process against the BLE simulator, in the default per-session recording mode:
 * POST /api/session/end ends one rower's session (its file closes with the request in it, the
 * terminal prints the block), the rower's next stroke opens a new session and file, and
 * `--athlete NAME=ROWER` names the rower on the API and in its recordings. With `--record FILE`
 * the one file joins the history once, when it is closed, not at every session end.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/recording/reader.js';
import { openHistoryIndex } from '../../src/store/history-index.js';
import { assertBuilt, killAll, remoteAdapter, start, startSimulator, waitFor } from './live-process.js';

beforeAll(assertBuilt);
afterEach(() => killAll());

type Rowers = Array<{ id: string; athlete?: string; session?: { state: string } }>;

describe('live: sessions per rower', () => {
  it('POST /api/session/end ends one rower\'s session and file; its next stroke starts the next; --athlete binds by id', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ergsprint-live-sessions-'));
    const { sim, url: adapter } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '12']);
    const live = start(['live', '--port', '0', '--timeout', '10', '--idle-end', '30s', '--athlete', 'Ada=E7:51:00:00:00:01'], { ...remoteAdapter(adapter), XDG_DATA_HOME: data });
    await waitFor(() => /display: http:\/\/127\.0\.0\.1:\d+\//.test(live.stderr()), 10_000, () => `the display address in: ${live.stderr()}`);
    const url = /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(live.stderr())![1]!;
    const rowers = async (): Promise<Rowers> => ((await (await fetch(`${url}api/session`)).json()) as { rowers: Rowers }).rowers;
    let rs: Rowers = [];
    for (let i = 0; i < 300 && !(rs.length === 2 && rs.every((r) => r.session?.state === 'started')); i++) {
      rs = await rowers();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rs.map((r) => r.session?.state)).toEqual(['started', 'started']);
    expect(rs.find((r) => r.id === 'e75100000001')?.athlete).toBe('Ada');
    expect(rs.find((r) => r.id === 'e75100000002')?.athlete).toBeUndefined();

    const res = await fetch(`${url}api/session/end`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rower: 'e75100000001' }) });
    expect(res.status).toBe(202);
    await waitFor(() => /Ada \(e75100000001\): session ended \(ended from the display\) — (no sprints|\d+ reps?, all-out \d+\/\d+)/.test(live.stderr()), 5_000, () => `the session block in: ${live.stderr()}`);
    expect((await rowers()).find((r) => r.id === 'e75100000002')?.session?.state).toBe('started');

    expect((await sim.exited).code).toBe(0);
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    expect(live.stderr()).toMatch(/e75100000002: session ended \(stopped\)|\(e75100000002\): session ended \(stopped\)/);

    const dir = join(data, 'ergsprint', 'sessions');
    const files = readdirSync(dir).sort();
    const of = (id: string) => files.filter((f) => f.endsWith(`-${id}.ndjson`));
    expect(of('e75100000001')).toHaveLength(2); // ended by the request, then a new session on its next stroke
    expect(of('e75100000002')).toHaveLength(1);
    const first = await readRecording(join(dir, of('e75100000001')[0]!));
    const events = first.items.flatMap((x) => (x.kind === 'event' ? [`${x.event}${x.athlete !== undefined ? ` ${x.athlete}` : x.name !== undefined ? ` ${x.name}` : ''}`] : []));
    expect(events[0]).toMatch(/^connected /);
    expect(events).toContain('athlete Ada');
    expect(events[events.length - 1]).toBe('session-end');
    expect(first.items.every((x) => x.rower === 'e75100000001')).toBe(true);
    const second = await readRecording(join(dir, of('e75100000001')[1]!));
    expect(second.items.some((x) => x.kind === 'frame')).toBe(true);
    expect(live.stderr()).toMatch(/recording saved: /);

    // each closed session recording joined the history, under the athlete bound to its rower
    expect(live.stderr()).toMatch(/ergsprint: Ada: in history as [0-9a-f]{10}/);
    const history = openHistoryIndex(join(data, 'ergsprint', 'history.db'));
    try {
      const sessions = history.list();
      expect(sessions.filter((x) => x.rower === 'e75100000001' && x.athlete === 'Ada').length).toBeGreaterThanOrEqual(1);
      expect(sessions.every((x) => x.path.startsWith(dir))).toBe(true);
    } finally {
      history.close();
    }
  }, 60_000);

  it('--record FILE: a session end does not re-index the file; the closed file joins the history once, at exit', async () => {
    const data = mkdtempSync(join(tmpdir(), 'ergsprint-live-record-'));
    const file = join(data, 'day.ndjson');
    const { sim, url: adapter } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '12']);
    const live = start(['live', '--port', '0', '--timeout', '10', '--record', file], { ...remoteAdapter(adapter), XDG_DATA_HOME: data });
    await waitFor(() => /display: http:\/\/127\.0\.0\.1:\d+\//.test(live.stderr()), 10_000, () => `the display address in: ${live.stderr()}`);
    const url = /display: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(live.stderr())![1]!;
    const started = async (): Promise<boolean> => ((await (await fetch(`${url}api/session`)).json()) as { rowers: Rowers }).rowers.filter((r) => r.session?.state === 'started').length === 2;
    for (let i = 0; i < 300 && !(await started()); i++) await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(`${url}api/session/end`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rower: 'e75100000001' }) });
    expect(res.status).toBe(202);
    await waitFor(() => /\(e75100000001\): session ended \(ended from the display\)|e75100000001: session ended \(ended from the display\)/.test(live.stderr()), 5_000, () => `the session block in: ${live.stderr()}`);
    expect(live.stderr()).not.toMatch(/in history as/);

    expect((await sim.exited).code).toBe(0);
    live.child.kill('SIGINT');
    expect((await live.exited).code).toBe(0);
    const lines = live.stderr().split('\n').filter((l) => l.includes('in history as'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ergsprint: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: in history as [0-9a-f]{10}`));
    const history = openHistoryIndex(join(data, 'ergsprint', 'history.db'));
    try {
      const sessions = history.list();
      expect(sessions.length).toBeGreaterThanOrEqual(2); // both rowers rowed
      expect(sessions.every((x) => x.path === file)).toBe(true);
    } finally {
      history.close();
    }
  }, 60_000);
});
