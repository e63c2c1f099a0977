/**
 * The database survives its writer: a child process writing sessions (one transaction each) is
 * killed with SIGKILL mid-stream, and the file reopens with `PRAGMA integrity_check` = ok and
 * every session it reported committed readable in full; a reader in another process reads
 * consistent, growing results while a writer inserts (WAL: readers never wait for writers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openHistory } from '../../src/store/history-store.js';
import { assertBuilt } from '../commands/cli-process.js';
import { makeRecording, tempDir } from './recordings.js';

const CHILD = join(import.meta.dirname, 'writer-child.mjs');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

beforeAll(assertBuilt);

interface Writer {
  child: ChildProcess;
  committed: string[];
  /** resolves once at least n commits were reported */
  after(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function writer(db: string, recording: string, count?: number): Writer {
  const child = spawn(process.execPath, [CHILD, db, recording, ...(count !== undefined ? [String(count)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const committed: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let buf = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop()!;
    for (const l of lines) if (l.startsWith('committed ')) committed.push(l.slice('committed '.length));
    for (const w of waiters.splice(0)) if (committed.length >= w.n) w.resolve();
    else waiters.push(w);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) console.error(stderr);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    committed,
    exited,
    after: (n) => (committed.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}

describe('SIGKILL during inserts', () => {
  it('leaves a database that passes integrity_check with every committed session whole', async () => {
    const dir = tempDir();
    const recording = makeRecording(dir, { fixture: 'hiit-allout', startedAt: '2026-11-10T07:00:00.000Z', athlete: 'Ann' });
    const db = join(dir, 'history.db');
    let total = 0;
    // kill at three depths into the stream; each round appends to the same file
    for (const kills of [3, 40, 120]) {
      const w = writer(db, recording);
      await w.after(kills);
      w.child.kill('SIGKILL');
      expect((await w.exited).signal).toBe('SIGKILL');
      const h = openHistory(db);
      try {
        expect(h.connection.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(h.connection.pragma('foreign_key_check')).toEqual([]);
        const ids = new Set(h.list().map((s) => s.id));
        for (const id of w.committed) {
          const s = h.get(id);
          expect(s, id).toBeDefined();
          expect(s!.analysis.intervals.length).toBeGreaterThan(10);
          expect(s!.bests.length).toBeGreaterThan(5);
        }
        // a session is all there or not there: intervals and efforts only for sessions that exist
        const orphans = h.connection.prepare('SELECT count(*) AS n FROM intervals WHERE session_id NOT IN (SELECT id FROM sessions)').get() as { n: number };
        expect(orphans.n).toBe(0);
        const perSession = h.connection.prepare('SELECT count(*) AS n FROM efforts GROUP BY session_id').all() as { n: number }[];
        expect(new Set(perSession.map((r) => r.n)).size).toBe(1);
        expect(ids.size).toBeGreaterThanOrEqual(total);
        total = ids.size;
      } finally {
        h.close();
      }
    }
  });
});

describe('a concurrent reader', () => {
  it('reads whole, growing results from another process while the writer inserts', async () => {
    const dir = tempDir();
    const recording = makeRecording(dir, { fixture: 'hiit-held', startedAt: '2026-11-10T07:00:00.000Z', athlete: 'Ann' });
    const db = join(dir, 'history.db');
    openHistory(db).close(); // schema in place before the two meet
    const w = writer(db, recording, 400);
    await w.after(1);
    const reader = openHistory(db);
    let last = 0;
    let reads = 0;
    let running = true;
    void w.exited.then(() => (running = false));
    try {
      while (running) {
        const sessions = reader.list();
        const efforts = reader.efforts({ athlete: 'Ann' });
        expect(sessions.length).toBeGreaterThanOrEqual(last);
        // one read transaction per query: every session seen has all its efforts
        const perSession = efforts.length / Math.max(1, new Set(efforts.map((e) => e.sessionId)).size);
        expect(Number.isInteger(perSession)).toBe(true);
        last = sessions.length;
        reads++;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect((await w.exited).code).toBe(0);
      expect(reader.list()).toHaveLength(400);
      expect(reads).toBeGreaterThan(3);
    } finally {
      reader.close();
    }
  });
});
