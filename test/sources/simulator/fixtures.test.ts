/** The committed fixtures are what their documented commands produce, and read back cleanly. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli.js';
import { readRecording } from '../../../src/recording/reader.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures');
const readme = readFileSync(join(fixtures, 'README.md'), 'utf8');
/** rows of the README table: name and the command that made it */
const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|.*?\| `ergsprint (simulate [^`]+)` \|/gm)].map((m) => ({ name: m[1]!, command: m[2]! }));
const tmp = mkdtempSync(join(tmpdir(), 'ergsprint-fixtures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('fixtures/', () => {
  it('documents every fixture in the README, and the required ones exist', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.ndjson')).map((f) => f.replace(/\.ndjson$/, ''));
    expect(rows.map((r) => r.name).sort()).toEqual(files.sort());
    for (const name of ['hiit-allout', 'hiit-held', 'hiit-rest60', 'hiit-rest90', 'pm5-split', 'stale-values', 'steady-20min', 'gap-10s', 'two-rowers']) {
      expect(files).toContain(name);
    }
    const total = readdirSync(fixtures).reduce((s, f) => s + statSync(join(fixtures, f)).size, 0);
    expect(total).toBeLessThan(10 * 1024 * 1024);
  });

  for (const { name, command } of rows) {
    it(`${name}: the documented command reproduces it byte for byte, and it reads back`, async () => {
      const args = command.replace(`fixtures/${name}.ndjson`, join(tmp, `${name}.ndjson`)).split(' ');
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      expect(await main(['node', 'ergsprint', ...args])).toBe(0);
      vi.restoreAllMocks();
      for (const ext of ['.ndjson', '.labels.json']) {
        expect(readFileSync(join(tmp, name + ext), 'utf8')).toBe(readFileSync(join(fixtures, name + ext), 'utf8'));
      }
      const rec = await readRecording(join(fixtures, `${name}.ndjson`));
      expect(rec.items.length).toBeGreaterThan(1000);
    });
  }
});
