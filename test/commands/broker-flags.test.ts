/** `hub` and `live --broker` refuse bad broker flags with one line and exit 2, before opening anything. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './cli-process.js';

beforeAll(assertBuilt);

describe('broker flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ergsprint-broker-flags-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '\n');
  const env = { XDG_DATA_HOME: join(dir, 'data') };
  it.each([
    [['hub', '--broker', 'http://gym:1883', '--id', 'hub-1'], /^ergsprint: --broker must start with mqtt:\/\/ or mqtts:\/\/ \(got "http:\/\/gym:1883"\)\n$/],
    [['hub', '--broker', 'mqtt://gym', '--id', 'Hub 1'], /^ergsprint: --id must be lowercase letters, digits and "-"/],
    [['hub', '--broker', 'mqtt://u:p@gym', '--id', 'hub-1'], /^ergsprint: --broker must not hold credentials/],
    [['hub', '--broker', 'mqtt://gym', '--id', 'hub-1', '--username', 'gym', '--password-file', empty], /^ergsprint: --password-file .* is empty\n$/],
    [['hub', '--broker', 'mqtt://gym', '--id', 'hub-1', '--password-file', join(dir, 'nope')], /^ergsprint: --password-file .*nope: ENOENT\n$/],
    [['live', '--broker', 'gym:1883', '--port', '0'], /^ergsprint: --broker must start with mqtt:\/\/ or mqtts:\/\/ \(got "gym:1883"\)\n$/],
    [['live', '--broker', 'mqtt://gym', '--client-id', 'a b', '--port', '0'], /^ergsprint: --client-id must be letters/],
  ])('%j', async (args, message) => {
    const run = await runCli(args, { env });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });
  it('wrote no recording for any of them', () => {
    expect(readdirSync(dir).sort()).toEqual(['empty.txt']);
  });
});
