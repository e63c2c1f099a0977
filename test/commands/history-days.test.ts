/**
 * Issue 10's "done when", through the built CLI and a real display server: one athlete rows three
 * sessions on three days (the third uniformly easy), the recordings sit in the data directory;
 * `history rebuild` indexes them oldest first, `history` lists them newest first, the third
 * session's verdicts cite the first two (and without history they would not catch it), `analyze`
 * of the third judges it the same way, and `/api/history` serves the same sessions from the store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowerEvent } from '../../src/ftms/frame.js';
import { serializeRecording } from '../../src/recording/writer.js';
import { historyReader } from '../../src/commands/history-wiring.js';
import { buildApp } from '../../src/server/build-app.js';
import { simulateSession } from '../../src/sources/simulator/simulate-session.js';
import { openHistoryIndex } from '../../src/store/history-index.js';
import { assertBuilt, runCli } from './cli-process.js';

const ALL = [1, 2, 3, 4, 5, 6, 7, 8];
let home: string;
let sessions: string;
const env = (): Record<string, string> => ({ XDG_DATA_HOME: home });

/** A simulated day with the athlete event a bound rower records before its first stroke. */
function day(file: string, opts: Parameters<typeof simulateSession>[0]): string {
  const s = simulateSession(opts);
  const bind: RowerEvent = { kind: 'event', t: 0, rower: 'sim-1', event: 'athlete', athlete: 'Ada' };
  const path = join(sessions, file);
  writeFileSync(path, serializeRecording(s.header, [bind, ...s.items]));
  return path;
}

interface JsonVerdictish {
  allOut: boolean | null;
  kind: string;
  reasons: { message: string }[];
  message?: string;
}
interface JsonIntervalish {
  kind: string;
  verdict: JsonVerdictish | null;
}
const workVerdicts = (intervals: JsonIntervalish[]): JsonVerdictish[] => intervals.filter((iv) => iv.kind === 'work').map((iv) => iv.verdict!);
const words = (v: JsonVerdictish): string => [v.message ?? '', ...v.reasons.map((r) => r.message)].join(' ');

let day3: string;
beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'ergsprint-days-'));
  sessions = join(home, 'ergsprint', 'sessions');
  mkdirSync(sessions, { recursive: true });
  day('2026-11-12T18-00-00.000Z-sim-1.ndjson', { seed: 1, startedAt: '2026-11-12T18:00:00Z' });
  day('2026-11-16T18-00-00.000Z-sim-1.ndjson', { seed: 2, held: [3, 6], startedAt: '2026-11-16T18:00:00Z' });
  day3 = day('2026-11-22T18-00-00.000Z-sim-1.ndjson', { seed: 4, startedAt: '2026-11-22T18:00:00Z', rowers: [{ rateOnly: ALL }] });
}, 240_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('three sessions on three days', () => {
  it('without history the easy third session reads all-out (nothing to catch it with)', async () => {
    const run = await runCli(['analyze', day3, '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const v = workVerdicts(JSON.parse(run.stdout).rowers[0].intervals);
    expect(v).toHaveLength(8);
    expect(v.every((x) => x.allOut !== false)).toBe(true);
  });

  it('history rebuild indexes all three; history lists them newest first; the third cites the first two', async () => {
    const rebuild = await runCli(['history', 'rebuild'], { env: env() });
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/indexed 3 sessions from 3 recordings/);

    const list = await runCli(['history', '--json'], { env: env() });
    expect(list.code, list.stderr).toBe(0);
    const rows = (JSON.parse(list.stdout) as { sessions: { id: string; start: string; athlete: string | null }[] }).sessions;
    expect(rows.map((r) => r.start.slice(0, 10))).toEqual(['2026-11-22', '2026-11-16', '2026-11-12']);
    expect(rows.every((r) => r.athlete === 'Ada')).toBe(true);

    const show = await runCli(['history', 'show', rows[0]!.id, '--json'], { env: env() });
    expect(show.code, show.stderr).toBe(0);
    const v = workVerdicts(JSON.parse(show.stdout).analysis.intervals);
    expect(v.filter((x) => x.allOut === false).length).toBeGreaterThanOrEqual(6);
    for (const x of v) expect(words(x)).toMatch(/your best 30-s sprint of the last 42 days, (12|16) Nov/);
  });

  it('analyze of the third session, now with a history database, judges it against the first two', async () => {
    const run = await runCli(['analyze', day3, '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/in history as [0-9a-f]+/);
    const v = workVerdicts(JSON.parse(run.stdout).rowers[0].intervals);
    expect(v.filter((x) => x.allOut === false).length).toBeGreaterThanOrEqual(6);
    expect(words(v[0]!)).toMatch(/(12|16) Nov/);
  });

  it('/api/history serves the store: three sessions, the third with its held-back sprints', async () => {
    const store = openHistoryIndex(join(home, 'ergsprint', 'history.db'));
    const app = await buildApp({ history: historyReader(store), options: { requireToken: false, maxClients: 4, webRoot: '/nonexistent-web-root' } });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const res = await fetch(`${url}/api/history`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { sessions: { id: string; startedAt: string; athlete?: string; intervals: { kind: string; start: number; verdict?: { allOut: boolean | null } }[] }[] };
      expect(body.sessions.map((s) => s.startedAt.slice(0, 10))).toEqual(['2026-11-22', '2026-11-16', '2026-11-12']);
      const works = body.sessions[0]!.intervals.filter((iv) => iv.kind === 'work');
      expect(works).toHaveLength(8);
      expect(works.filter((iv) => iv.verdict?.allOut === false).length).toBeGreaterThanOrEqual(6);
      // times come back in ms of data time, as the display's intervals are
      expect(works[0]!.start).toBeGreaterThan(1000);
      const one = await fetch(`${url}/api/history/${body.sessions[2]!.id}`);
      expect(one.status).toBe(200);
    } finally {
      await app.close();
      store.close();
    }
  });
});
