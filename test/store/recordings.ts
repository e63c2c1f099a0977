/**
 * Test recordings for the history: a committed fixture with its header's startedAt moved (a new
 * day, so a new content hash) and, optionally, an `athlete` event binding a name to its rower.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ergsprint-history-'));

export interface MadeRecording {
  fixture: string;
  startedAt: string;
  athlete?: string;
  /** rower id the athlete event names (default the first header rower) */
  rower?: string;
}

/** Write `fixture` (a name under fixtures/, no extension) into `dir` as a new recording; returns its path. */
export function makeRecording(dir: string, m: MadeRecording): string {
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(join(FIXTURES, `${m.fixture}.ndjson`), 'utf8').split('\n');
  const header = JSON.parse(lines[0]!) as { startedAt: string; rowers: { id: string }[] };
  header.startedAt = m.startedAt;
  const out = [JSON.stringify(header)];
  if (m.athlete !== undefined) out.push(JSON.stringify({ type: 'event', t: 0, r: m.rower ?? header.rowers[0]!.id, event: 'athlete', athlete: m.athlete }));
  out.push(...lines.slice(1));
  const path = join(dir, `${m.startedAt.replace(/:/g, '-')}-${m.fixture}.ndjson`);
  writeFileSync(path, out.join('\n'));
  return path;
}
