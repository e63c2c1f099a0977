/**
 * Issue 15 item 5: Ctrl-C / SIGTERM stop `replay` and `live` while a request is in flight. First
 * signal: graceful stop, forced after 2 s; second signal: exit at once. Real processes.
 */
import { type Socket, connect } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../src/recording/reader.js';
import { assertBuilt, killAll, lines, remoteAdapter, root, sleep, start, startSimulator, waitFor, type Run } from './live-process.js';

beforeAll(assertBuilt);
const open: Array<Socket | WebSocket> = [];
afterEach(() => {
  for (const s of open.splice(0)) s instanceof WebSocket ? s.terminate() : s.destroy();
  killAll();
});

const displayUrl = async (run: Run): Promise<URL> => {
  const re = /display: (http:\/\/127\.0\.0\.1:\d+\/)/;
  await waitFor(() => re.test(run.stderr()), 15_000, () => `the display address in: ${run.stderr()}`);
  return new URL(re.exec(run.stderr())![1]!);
};

/** A request whose headers never end (the server waits for it), and a display on /ws. */
async function holdConnections(url: URL): Promise<void> {
  const slow = connect(Number(url.port), url.hostname);
  open.push(slow);
  await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
  slow.write('GET /api/rowers HTTP/1.1\r\nHost: x\r\nX-Slow: '); // ...and nothing more
  const ws = new WebSocket(`ws://${url.host}/ws`);
  open.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
  });
}

async function stopTime(run: Run, signals: NodeJS.Signals[], gapMs = 100): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  const t0 = performance.now();
  for (const [i, s] of signals.entries()) {
    if (i > 0) await sleep(gapMs);
    run.child.kill(s);
  }
  const { code, signal } = await Promise.race([run.exited, sleep(10_000).then(() => ({ code: -1, signal: null }))]);
  return { ms: performance.now() - t0, code, signal };
}

describe('replay stops on a signal with a request in flight', () => {
  it('SIGTERM: exits 0 within 3 s (graceful, then the held connections are cut)', async () => {
    const run = start(['replay', join(root, 'fixtures', 'two-rowers.ndjson'), '--port', '0', '--speed', '10']);
    await holdConnections(await displayUrl(run));
    const r = await stopTime(run, ['SIGTERM']);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(3_000);
    expect(r.ms).toBeGreaterThan(1_500); // it did wait for the request first
  }, 30_000);

  it('a second SIGINT right after the first exits at once (130)', async () => {
    const run = start(['replay', join(root, 'fixtures', 'two-rowers.ndjson'), '--port', '0']);
    await holdConnections(await displayUrl(run));
    const r = await stopTime(run, ['SIGINT', 'SIGINT']);
    expect(r).toMatchObject({ code: 130, signal: null });
    expect(r.ms).toBeLessThan(1_000);
  }, 30_000);
});

describe('live stops on a signal with a request in flight; the recording is complete', () => {
  async function liveSession(): Promise<{ live: Run; recording: string; trace: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-stop-'));
    const trace = join(dir, 'sent.ndjson');
    const recording = join(dir, 'live.ndjson');
    const { url } = await startSimulator(['--rowers', '2', '--warmup', '0', '--duration', '60'], { ERGSPRINT_BLE_TRACE: trace });
    const live = start(['live', '--record', recording, '--port', '0', '--timeout', '10'], remoteAdapter(url));
    await holdConnections(await displayUrl(live));
    await waitFor(() => lines(recording).filter((x) => x.c === '2ad1').length >= 4, 15_000, () => `frames (live: ${live.stderr()})`);
    return { live, recording, trace };
  }

  /** Every line parses, the file ends with a newline, and per rower the frames are exactly what the rower sent, up to the stop. */
  async function expectComplete(recording: string, trace: string): Promise<void> {
    const text = readFileSync(recording, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rec = lines(recording); // throws on a torn line
    await readRecording(recording);
    const sent = lines(trace);
    for (const id of new Set(sent.map((x) => String(x.r)))) {
      const mine = rec.filter((x) => x.r === id && x.c === '2ad1').map((x) => x.d);
      const theirs = sent.filter((x) => x.r === id && x.c === '2ad1').map((x) => x.d);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(theirs.slice(0, mine.length)); // nothing lost or torn up to the last frame recorded
      expect(theirs.length - mine.length).toBeLessThanOrEqual(2); // the last frames before the stop are there
    }
  }

  it('SIGTERM: exits 0 within 3 s and says where the recording is', async () => {
    const { live, recording, trace } = await liveSession();
    const r = await stopTime(live, ['SIGTERM']);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(3_000);
    expect(live.stderr()).toContain(`recording saved: ${recording}`);
    expect(live.stderr()).not.toMatch(/\n\s+at /);
    await expectComplete(recording, trace);
  }, 40_000);

  it('a second SIGINT right after the first exits at once (130), the recording closed', async () => {
    const { live, recording, trace } = await liveSession();
    const r = await stopTime(live, ['SIGINT', 'SIGINT']);
    expect(r).toMatchObject({ code: 130, signal: null });
    expect(r.ms).toBeLessThan(1_000);
    expect(live.stderr()).toContain(`recording saved: ${recording}`);
    await expectComplete(recording, trace);
  }, 40_000);
});
