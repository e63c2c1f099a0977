/** `--allow-origin` end to end: the flag reaches the server, a malformed one is a one-line CLI error (exit 2). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { serveRecording } from '../../src/commands/serve-recording.js';
import type { RunningServer } from '../../src/server/start-server.js';
import { connect, refusedUpgrade } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

describe('--allow-origin', () => {
  it('a replay started with --allow-origin accepts that origin on /ws and still refuses others', async () => {
    server = await serveRecording({ path: 'fixtures/hiit-held.ndjson', speed: 1, loop: false, port: 0, source: 'replay', allowOrigins: ['http://rowpc.local:9000'], log: () => undefined });
    const ws = `${server.url.replace(/^http/, 'ws')}ws`;
    const c = await connect(ws, { origin: 'http://rowpc.local:9000' });
    expect((await c.next()).type).toBe('hello');
    c.ws.close();
    expect((await refusedUpgrade(ws, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('a value that is not an origin stops the command with a one-line error and exit code 2', async () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    const code = await main(['node', 'ergsprint', 'replay', 'fixtures/hiit-held.ndjson', '--port', '0', '--allow-origin', 'rowpc.local']);
    expect(code).toBe(2);
    expect(stderr.join('')).toMatch(/^ergsprint: --allow-origin "rowpc.local" is not an origin/);
  });
});
