/**
 * Where a running daemon's items are recorded. Two modes:
 * - one file (`--record FILE`): everything, every rower and session, in that file (as before the
 *   session lifecycle); a session's part of it is given by its data-time range.
 * - one file per rower-session (the default): `<dir>/<ISO start>-<rower>.ndjson`. A rower's file
 *   opens with its first item after its previous session ended (connection events and idle frames
 *   before the first stroke go into the file of the session they precede) and closes when its
 *   session ends; the next item opens the next file. Its header's startedAt is the wall time of its
 *   first item, and `t` restarts at 0 there. Items of a rower that never rows again stay in a file
 *   with no session, closed at exit: nothing is lost.
 * Both write through `LiveRecorder`, so a full disk stops recording without stopping the session.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingItem, RecordingSource } from '../recording/format.js';
import { LiveRecorder } from '../recording/live-recorder.js';

export interface RecorderFaults {
  onStopped: (message: string) => void;
  onResumed: (message: string) => void;
}

/** A closed session's recording: the file and the session's data-time range in it, ms. */
export interface SessionFile {
  path: string;
  /** every file the session was written to (more than one after a disk fault) */
  paths: string[];
  startMs: number;
  endMs: number;
}

export interface SessionRecorder {
  /** Append one item (the rower's current file). */
  write(item: RecordingItem): void;
  /** The rower's session ran from data time startT to endT: its file (closed in per-session mode). */
  sessionEnded(rower: string, startT: number, endT: number): SessionFile | undefined;
  /** Close everything (idempotent). */
  close(): void;
  /** every file written so far, oldest first */
  readonly paths: string[];
  /** items written / lost (disk faults) */
  readonly written: number;
  readonly lost: number;
}

/** Everything in one file. */
export function singleFileRecorder(path: string, startedAt: string, source: RecordingSource, faults: RecorderFaults): SessionRecorder {
  const rec = new LiveRecorder(path, { startedAt, source, rowers: [] }, faults);
  let written = 0;
  return {
    write(item) {
      rec.write(item);
      written += 1;
    },
    sessionEnded: (_rower, startMs, endMs) => ({ path, paths: rec.paths.slice(), startMs, endMs }),
    close: () => rec.close(),
    get paths() {
      return rec.paths;
    },
    get written() {
      return written;
    },
    get lost() {
      return rec.lost;
    },
  };
}

/** A file name part from a rower id (ids may hold colons: BLE addresses). */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9_.@-]/g, '-');

/** The path of a rower-session recording started at `iso`. */
export function sessionFilePath(dir: string, iso: string, rower: string): string {
  return join(dir, `${iso.replace(/:/g, '-')}-${safe(rower)}.ndjson`);
}

/** One file per rower-session under `dir`; `startedAt` is the wall time of data time 0. */
export function perSessionRecorder(dir: string, startedAt: string, source: RecordingSource, faults: RecorderFaults): SessionRecorder {
  const t0 = Date.parse(startedAt);
  const open = new Map<string, { rec: LiveRecorder; offset: number }>();
  const names = new Map<string, string>();
  const paths: string[] = [];
  let lostClosed = 0;
  let written = 0;
  /** a file could not be created (disk full): items are counted as lost until a retry succeeds */
  let failedAt: number | undefined;
  let lostOpening = 0;
  const start = (item: RecordingItem): { rec: LiveRecorder; offset: number } | undefined => {
    if (failedAt !== undefined && performance.now() - failedAt < 5_000) return undefined;
    const iso = new Date(t0 + item.t).toISOString();
    let path = sessionFilePath(dir, iso, item.rower);
    for (let n = 2; existsSync(path); n++) path = sessionFilePath(dir, iso, `${item.rower}.${n}`);
    const name = names.get(item.rower);
    let rec: LiveRecorder;
    try {
      rec = new LiveRecorder(path, { startedAt: iso, source, rowers: name !== undefined ? [{ id: item.rower, name }] : [] }, faults);
    } catch (err) {
      if (failedAt === undefined) faults.onStopped(`recording stopped: ${(err as Error).message}; the session goes on, retrying every 5 s`);
      failedAt = performance.now();
      return undefined;
    }
    if (failedAt !== undefined) faults.onResumed(`recording resumed into ${path} (${lostOpening} items lost while no file could be created)`);
    failedAt = undefined;
    const entry = { rec, offset: item.t };
    open.set(item.rower, entry);
    paths.push(path);
    return entry;
  };
  return {
    write(item) {
      if (item.kind === 'event' && item.event === 'connected' && item.name) names.set(item.rower, item.name);
      const e = open.get(item.rower) ?? start(item);
      if (e === undefined) {
        lostOpening += 1;
        return;
      }
      e.rec.write({ ...item, t: Math.max(0, item.t - e.offset) });
      written += 1;
    },
    sessionEnded(rower, startT, endT) {
      const e = open.get(rower);
      if (e === undefined) return undefined;
      open.delete(rower);
      e.rec.close();
      lostClosed += e.rec.lost;
      return { path: e.rec.paths[0]!, paths: e.rec.paths.slice(), startMs: Math.max(0, startT - e.offset), endMs: Math.max(0, endT - e.offset) };
    },
    close() {
      for (const e of open.values()) e.rec.close();
    },
    get paths() {
      return paths;
    },
    get written() {
      return written;
    },
    get lost() {
      return [...open.values()].reduce((n, e) => n + e.rec.lost, lostClosed + lostOpening);
    },
  };
}
