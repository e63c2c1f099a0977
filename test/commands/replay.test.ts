import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { serveRecording } from '../../src/commands/serve-recording.js';
import type { RunningServer } from '../../src/server/start-server.js';

let server: RunningServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('ergsprint replay', () => {
  it('a missing recording is a one-line error naming the file, exit 2', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    expect(await main(['node', 'ergsprint', 'replay', 'no-such-file.ndjson', '--port', '0'])).toBe(2);
    expect(err.join('')).toMatch(/^ergsprint: .*no-such-file\.ndjson.*\n$/);
  });

  it.each([['--speed', '0'], ['--speed', 'fast'], ['--port', '70000']])('rejects %s %s with exit 2', async (flag, value) => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['node', 'ergsprint', 'replay', 'fixtures/hiit-allout.ndjson', flag, value])).toBe(2);
  });

  it('serves the recording: the session API fills with the header rowers as the replay runs', async () => {
    server = await serveRecording({ path: 'fixtures/two-rowers.ndjson', speed: 1000, loop: false, port: 0, source: 'replay', log: () => undefined });
    const header = JSON.parse((await import('node:fs')).readFileSync('fixtures/two-rowers.ndjson', 'utf8').split('\n')[0]!) as { rowers: Array<{ id: string; name: string }> };
    let rowers: Array<{ id: string; name: string }> = [];
    for (let i = 0; i < 100 && rowers.length < header.rowers.length; i++) {
      rowers = ((await (await fetch(`${server.url}api/rowers`)).json()) as { rowers: typeof rowers }).rowers;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rowers.map((r) => ({ id: r.id, name: r.name }))).toEqual(header.rowers);
  });
});
