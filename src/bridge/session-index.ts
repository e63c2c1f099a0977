/**
 * Which recording files hold which hub session: one NDJSON line `{"sid","paths"}` per hub start,
 * in `<dir>/sessions.ndjson`, so a restarted hub still answers replays for its earlier sessions
 * (the tail a killed hub never sent).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class SessionIndex {
  private readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'sessions.ndjson');
  }

  add(sid: string, path: string): void {
    appendFileSync(this.file, `${JSON.stringify({ sid, path })}\n`);
  }

  /** The first recording file of session `sid`, if this hub recorded it. */
  find(sid: string): string | undefined {
    if (!existsSync(this.file)) return undefined;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      try {
        const x = JSON.parse(line) as { sid?: unknown; path?: unknown };
        if (x.sid === sid && typeof x.path === 'string') return x.path;
      } catch {
        // a torn last line (the hub was killed while appending): skip it
      }
    }
    return undefined;
  }
}
