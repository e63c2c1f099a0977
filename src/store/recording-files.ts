/** The recordings a history rebuild reads: `*.ndjson` files of some folders, oldest session first. */
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './data-dir.js';

/** Where recordings live: `<data dir>/sessions` (live) and `<data dir>/imports` (imported files). */
export function recordingDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [join(dataDir(env), 'sessions'), join(dataDir(env), 'imports')];
}

/** The header's startedAt (ms) read from the file's first line, or undefined when there is none. */
function headerStartMs(path: string): number | undefined {
  const buf = Buffer.alloc(64 * 1024);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const nl = text.indexOf('\n');
    const header = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as { startedAt?: unknown };
    const ms = typeof header.startedAt === 'string' ? Date.parse(header.startedAt) : Number.NaN;
    return Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Every `*.ndjson` file directly in `dirs` (missing folders are skipped), by header startedAt then
 * path; files without a readable header come last (the rebuild reports them).
 */
export function listRecordings(dirs: readonly string[]): string[] {
  const files: { path: string; startMs: number }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ndjson')) continue;
      const path = join(dir, e.name);
      files.push({ path, startMs: headerStartMs(path) ?? Number.POSITIVE_INFINITY });
    }
  }
  const cmp = (x: number | string, y: number | string): number => (x < y ? -1 : x > y ? 1 : 0);
  files.sort((a, b) => cmp(a.startMs, b.startMs) || cmp(a.path, b.path));
  return files.map((f) => f.path);
}
